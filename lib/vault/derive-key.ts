import { VaultError } from './errors';
import { utf8Encode } from './utf8';
import { KDF_MAX_ITERATIONS, KDF_MIN_ITERATIONS, SALT_BYTES } from './vault-constants';

/** Parameters of PBKDF2-HMAC-SHA256 as used by the vault. */
export interface Pbkdf2Params {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
}

/** Throws 'kdf-too-weak' below the floor and 'invalid-argument' for a non-integer or oversized count. */
export function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations > KDF_MAX_ITERATIONS) {
    throw new VaultError('invalid-argument', 'iteration count must be an integer');
  }
  if (iterations < KDF_MIN_ITERATIONS) throw new VaultError('kdf-too-weak', 'too few iterations');
}

/** Refuses parameters below the floor: run before deriving anything. */
export function checkKdfParams(params: Pbkdf2Params): void {
  checkIterations(params.iterations);
  if (params.salt.length < SALT_BYTES) throw new VaultError('kdf-too-weak', 'salt too short');
}

/** The password as the KDF sees it: Unicode NFC, then UTF-8 (so IME/OS composition differences do not matter). */
export function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  return utf8Encode(password.normalize('NFC'));
}

/**
 * Derives the key-encryption key: PBKDF2-HMAC-SHA256(NFC password, salt, iterations, 32 bytes) as a
 * non-extractable AES-256-GCM key. The parameters are checked against the floor first.
 */
export async function deriveKeyEncryptionKey(password: string, params: Pbkdf2Params): Promise<CryptoKey> {
  checkKdfParams(params);
  const subtle = globalThis.crypto.subtle;
  const baseKey = await subtle.importKey('raw', passwordBytes(password), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: params.salt, iterations: params.iterations },
    baseKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
