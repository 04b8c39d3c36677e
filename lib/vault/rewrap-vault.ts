import { checkIterations } from './derive-key';
import { VaultError } from './errors';
import { openVault } from './open-vault';
import { encodePayload } from './payload-codec';
import { secureRandomBytes, type RandomBytes } from './random-bytes';
import { unlockVault } from './unlock-vault';
import { KDF_DEFAULT_ITERATIONS } from './vault-constants';
import { writeRecordWithNewKey, type WrittenVault } from './write-record-with-new-key';

/** Proof of access to the current record: its password, or the vault key held while unlocked. */
export type VaultCredential = { password: string } | { vaultKey: Uint8Array };

export interface RewrapVaultOptions {
  /** Default: the larger of KDF_DEFAULT_ITERATIONS and the record's current count (never lowered silently). */
  iterations?: number;
  random?: RandomBytes;
}

/**
 * Password change: the next revision of `record` under a NEW random vault key, a new salt and `newPassword`.
 * Passkey slots wrap the old vault key, so none is carried over (the user adds their passkeys again).
 * Returns the new vault key (replace the one in `storage.session` after committing). Commit it with the new
 * record as its own previous copy, so no copy openable by the old password stays in storage.
 */
export async function rewrapVault(
  record: string,
  credential: VaultCredential,
  newPassword: string,
  options: RewrapVaultOptions = {},
): Promise<WrittenVault> {
  if (typeof newPassword !== 'string' || newPassword.length === 0) {
    throw new VaultError('invalid-argument', 'password must not be empty');
  }
  if (options.iterations !== undefined) checkIterations(options.iterations);
  const opened =
    'password' in credential
      ? await unlockVault<unknown>(record, credential.password)
      : await openVault<unknown>(record, credential.vaultKey);
  if (opened.readOnly) throw new VaultError('read-only');
  return writeRecordWithNewKey({
    password: newPassword,
    plaintext: encodePayload(opened.payload),
    iterations: options.iterations ?? Math.max(KDF_DEFAULT_ITERATIONS, opened.header.kdf.iterations),
    revision: opened.header.revision + 1,
    random: options.random ?? secureRandomBytes,
  });
}
