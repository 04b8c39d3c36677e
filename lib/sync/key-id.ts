/**
 * The key id: a public name for a vault key, so a device can tell, before decrypting anything, whether a synced
 * record is sealed under the key it holds. It is HKDF-SHA256 output (a PRF of the key), so it says nothing about
 * the key itself. A password change makes a new vault key (lib/vault/rewrap-vault.ts), hence a new key id: that
 * is how the other devices learn that they need the new password.
 */
import { encodeBase64 } from '../encoding/base64';
import { importVaultKey } from '../vault/vault-key';
import { SyncRecordError } from './sync-record-error';

/** HKDF `info` of the key id; HKDF's salt is empty (the vault key is already uniformly random). */
export const KEY_ID_INFO = 'sekimori-sync key id v1';

/** Length of the key id: 128 bits, base64 in the header. */
export const KEY_ID_BYTES = 16;

/** The key id of a 32-byte vault key (base64, 24 characters). */
export async function syncKeyId(vaultKey: Uint8Array): Promise<string> {
  try {
    await importVaultKey(vaultKey); // the same length check as everywhere else
  } catch {
    throw new SyncRecordError('invalid-argument', 'vault key must be 32 bytes');
  }
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', new Uint8Array(vaultKey), 'HKDF', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: new TextEncoder().encode(KEY_ID_INFO),
    },
    base,
    KEY_ID_BYTES * 8,
  );
  return encodeBase64(new Uint8Array(bits));
}
