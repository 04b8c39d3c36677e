import { checkIterations } from './derive-key';
import { VaultError } from './errors';
import { encodePayload } from './payload-codec';
import { secureRandomBytes, type RandomBytes } from './random-bytes';
import { unlockVault } from './unlock-vault';
import { KDF_DEFAULT_ITERATIONS } from './vault-constants';
import { writeRecordWithKey, type WrittenVault } from './write-record-with-new-key';

export interface UpgradeVaultKdfOptions {
  /** Default KDF_DEFAULT_ITERATIONS; fewer than the record has now → 'invalid-argument' (never lowered). */
  iterations?: number;
  random?: RandomBytes;
}

/** True when the record's KDF cost is below what this version writes (and may be raised at the next unlock). */
export function needsKdfUpgrade(iterations: number): boolean {
  return iterations < KDF_DEFAULT_ITERATIONS;
}

/**
 * KDF upgrade after an unlock: the next revision of `record` with the SAME vault key (its passkey slots kept), wrapped again under the
 * same password with a new salt and a higher iteration count. The vault key kept while unlocked stays valid,
 * and the old record (same password) may stay as the last good copy. `password` is checked first (one KDF run
 * at the old cost, one at the new). Throws 'wrong-password', 'read-only', 'invalid-argument', 'kdf-too-weak'.
 */
export async function upgradeVaultKdf(
  record: string,
  password: string,
  options: UpgradeVaultKdfOptions = {},
): Promise<WrittenVault> {
  const iterations = options.iterations ?? KDF_DEFAULT_ITERATIONS;
  checkIterations(iterations);
  const opened = await unlockVault<unknown>(record, password);
  if (opened.readOnly) throw new VaultError('read-only');
  if (iterations < opened.header.kdf.iterations) {
    throw new VaultError('invalid-argument', 'the iteration count would be lowered');
  }
  return writeRecordWithKey({
    password,
    plaintext: encodePayload(opened.payload),
    iterations,
    revision: opened.header.revision + 1,
    random: options.random ?? secureRandomBytes,
    vaultKey: opened.vaultKey,
    ...(opened.header.passkeys ? { passkeys: opened.header.passkeys } : {}),
  });
}
