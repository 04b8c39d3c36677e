import { decodeBase64Strict } from '../encoding/base64';
import { VaultError } from './errors';
import { encodePayload } from './payload-codec';
import { secureRandomBytes, type RandomBytes } from './random-bytes';
import { importVaultKey } from './vault-key';
import { buildHeader, type KdfParams, type StoredBox } from './vault-record';
import { writeRecord } from './write-record';

/** A password slot as another record carries it: the KDF parameters and the vault key wrapped under them. */
export interface PasswordSlot {
  kdf: KdfParams;
  wrappedKey: StoredBox;
}

/**
 * A vault record for a vault key received with its password slot from elsewhere (a synced vault joined or
 * re-keyed by a password change on another browser, docs/sync-format.md): `revision`, that slot, no passkey slot
 * (passkeys stay with the browser they were added on, and wrap the key they were added for), `payload` sealed
 * under `vaultKey`. The caller has opened the slot with the password, so the password opens the new record; the
 * record is read back before it is returned.
 */
export async function adoptVaultKey<T>(
  slot: PasswordSlot,
  vaultKey: Uint8Array,
  payload: T,
  revision: number,
  random: RandomBytes = secureRandomBytes,
): Promise<string> {
  const nonce = decodeBase64Strict(slot.wrappedKey.nonce);
  const ciphertext = decodeBase64Strict(slot.wrappedKey.ciphertext);
  if (!nonce || !ciphertext) throw new VaultError('corrupt', 'password slot');
  return writeRecord({
    header: buildHeader(slot.kdf, revision),
    wrappedKey: { nonce, ciphertext },
    vaultKey: await importVaultKey(vaultKey),
    plaintext: encodePayload(payload),
    random,
  });
}
