import { decodeBase64Strict as decodeBase64, encodeBase64 } from '../encoding/base64';
import { VaultError } from './errors';
import { takeRandomBytes, type RandomBytes } from './random-bytes';
import { openBytes, sealBytes, type SealedBytes } from './seal';
import { VAULT_KEY_BYTES } from './vault-constants';

/** A fresh random 256-bit vault key. */
export function generateVaultKey(random: RandomBytes): Uint8Array<ArrayBuffer> {
  return takeRandomBytes(random, VAULT_KEY_BYTES);
}

/** Imports raw vault-key bytes as a non-extractable AES-256-GCM key. */
export async function importVaultKey(vaultKey: Uint8Array): Promise<CryptoKey> {
  if (!(vaultKey instanceof Uint8Array) || vaultKey.length !== VAULT_KEY_BYTES) {
    throw new VaultError('invalid-argument', 'vault key must be 32 bytes');
  }
  return globalThis.crypto.subtle.importKey('raw', new Uint8Array(vaultKey), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Encrypts the vault key under the key-encryption key, authenticating the KDF part of the header. */
export async function wrapVaultKey(
  kek: CryptoKey,
  vaultKey: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
  random: RandomBytes,
): Promise<SealedBytes> {
  return sealBytes(kek, vaultKey, aad, random);
}

/** The vault key, or null when the key-encryption key (i.e. the password) or the AAD does not match. */
export async function unwrapVaultKey(
  kek: CryptoKey,
  wrapped: SealedBytes,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const vaultKey = await openBytes(kek, wrapped, aad);
  return vaultKey !== null && vaultKey.length === VAULT_KEY_BYTES ? vaultKey : null;
}

/** Vault key as base64 text, for `storage.session` (which cannot hold a Uint8Array as such). */
export function encodeVaultKey(vaultKey: Uint8Array): string {
  if (vaultKey.length !== VAULT_KEY_BYTES)
    throw new VaultError('invalid-argument', 'vault key must be 32 bytes');
  return encodeBase64(vaultKey);
}

/** Inverse of `encodeVaultKey`; throws 'invalid-argument' for anything that is not a 32-byte key. */
export function decodeVaultKey(text: unknown): Uint8Array<ArrayBuffer> {
  const bytes = typeof text === 'string' ? decodeBase64(text) : null;
  if (bytes === null || bytes.length !== VAULT_KEY_BYTES) {
    throw new VaultError('invalid-argument', 'not an encoded vault key');
  }
  return bytes;
}
