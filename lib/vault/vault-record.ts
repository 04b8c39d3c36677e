import { CIPHER_AES_256_GCM, KDF_PBKDF2_SHA256, VAULT_FORMAT, VAULT_VERSION } from './vault-constants';

/** Key-derivation parameters, stored so they can be raised later. */
export interface KdfParams {
  id: typeof KDF_PBKDF2_SHA256;
  iterations: number;
  /** Base64 (RFC 4648, padded), at least 16 bytes. */
  salt: string;
}

/** The authenticated header: part of the payload's AAD (all of it) and of the wrapped key's (format, cipher, kdf). */
export interface VaultHeader {
  format: typeof VAULT_FORMAT;
  version: number;
  cipher: typeof CIPHER_AES_256_GCM;
  kdf: KdfParams;
  /** Starts at 1, +1 on every sealed write. */
  revision: number;
}

/** AES-GCM output as stored: base64 nonce (12 bytes) and base64 ciphertext with the 16-byte tag appended. */
export interface StoredBox {
  nonce: string;
  ciphertext: string;
}

/** The members of a record, in their fixed order; the checksum is appended when serialised. */
export interface VaultRecordBody {
  header: VaultHeader;
  wrappedKey: StoredBox;
  payload: StoredBox;
}

/** Builds a current-version header with members in their canonical order. */
export function buildHeader(kdf: { iterations: number; salt: string }, revision: number): VaultHeader {
  return {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    cipher: CIPHER_AES_256_GCM,
    kdf: { id: KDF_PBKDF2_SHA256, iterations: kdf.iterations, salt: kdf.salt },
    revision,
  };
}
