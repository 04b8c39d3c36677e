/**
 * The WebCrypto primitives the encrypted importers need (AES-256-GCM, PBKDF2, SHA-256) over plain byte arrays.
 * `globalThis.crypto.subtle` exists in extension pages, service workers and Node alike.
 */

/** Key derivation hashes used by the apps: andOTP uses SHA-1, 2FAS SHA-256. */
export type Pbkdf2Hash = 'SHA-1' | 'SHA-256';

const AES_KEY_BYTES = 32;
const GCM_NONCE_BYTES = 12;
const GCM_TAG_BYTES = 16;

/** Opens AES-256-GCM `ciphertext || tag` (no associated data); null when the key, nonce or data do not match. */
export async function openAesGcm(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (key.length !== AES_KEY_BYTES || nonce.length !== GCM_NONCE_BYTES || sealed.length < GCM_TAG_BYTES) {
    return null;
  }
  const subtle = globalThis.crypto.subtle;
  const cryptoKey = await subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['decrypt']);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(nonce), tagLength: GCM_TAG_BYTES * 8 },
      cryptoKey,
      new Uint8Array(sealed),
    );
    return new Uint8Array(plain);
  } catch (error) {
    if (isOperationError(error)) return null;
    throw error;
  }
}

/** PBKDF2-HMAC(password, salt, iterations) -> 32 bytes. The caller bounds `iterations` first. */
export async function pbkdf2(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  hash: Pbkdf2Hash,
): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', new Uint8Array(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash, salt: new Uint8Array(salt), iterations },
    base,
    AES_KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(data)));
}

function isOperationError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'OperationError';
}
