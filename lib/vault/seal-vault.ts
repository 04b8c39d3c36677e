import { VaultError } from './errors';
import { openParsedRecord } from './open-vault';
import { parseVaultRecord } from './parse-vault-record';
import { encodePayload } from './payload-codec';
import { secureRandomBytes, type RandomBytes } from './random-bytes';
import { importVaultKey } from './vault-key';
import type { PasskeySlot } from './passkey-slot';
import { buildHeader } from './vault-record';
import { writeRecord } from './write-record';

export interface SealVaultOptions {
  random?: RandomBytes;
  /** The revision to write at least (restoring an older copy over revisions already seen). */
  minRevision?: number;
  /** The passkey slots to write (adding or removing one); default: the previous record's. */
  passkeys?: readonly PasskeySlot[];
}

/**
 * Seals `payload` as the next revision of `previousRecord`: revision + 1 (or `minRevision`), a fresh payload nonce, the same
 * wrapped key, KDF parameters and passkey slots (or the slots given). `vaultKey` must open `previousRecord` ('wrong-key' otherwise), so a record
 * is never written under a key the password cannot recover. Throws 'read-only' for a newer-version record.
 */
export async function sealVault<T>(
  previousRecord: string,
  vaultKey: Uint8Array,
  payload: T,
  options: SealVaultOptions = {},
): Promise<string> {
  const plaintext = encodePayload(payload);
  const key = await importVaultKey(vaultKey);
  const parsed = await parseVaultRecord(previousRecord);
  if (parsed.readOnly) throw new VaultError('read-only');
  await openParsedRecord(parsed, key, 'wrong-key');
  return writeRecord({
    header: buildHeader(
      parsed.header.kdf,
      Math.max(parsed.header.revision + 1, options.minRevision ?? 0),
      options.passkeys ?? parsed.header.passkeys,
    ),
    wrappedKey: parsed.wrappedKey,
    vaultKey: key,
    plaintext,
    random: options.random ?? secureRandomBytes,
  });
}
