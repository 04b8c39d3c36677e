import { takeRandomBytes, type RandomBytes } from './random-bytes';
import { NONCE_BYTES } from './vault-constants';

/** AES-256-GCM output: the nonce and the ciphertext with its 16-byte tag appended. */
export interface SealedBytes {
  nonce: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** Encrypts `plaintext` under `key` with a fresh random 96-bit nonce, authenticating `aad`. */
export async function sealBytes(
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
  random: RandomBytes,
): Promise<SealedBytes> {
  const nonce = takeRandomBytes(random, NONCE_BYTES);
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 },
    key,
    plaintext,
  );
  return { nonce, ciphertext: new Uint8Array(ciphertext) };
}

/** Decrypts and authenticates; null when the key, nonce, ciphertext, tag or `aad` do not match. */
export async function openBytes(
  key: CryptoKey,
  sealed: SealedBytes,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const plaintext = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.nonce, additionalData: aad, tagLength: 128 },
      key,
      sealed.ciphertext,
    );
    return new Uint8Array(plaintext);
  } catch (error) {
    if (error instanceof Error && error.name === 'OperationError') return null;
    throw error;
  }
}
