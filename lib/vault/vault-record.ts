import type { PasskeySlot } from './passkey-slot';
import {
  CIPHER_AES_256_GCM,
  KDF_PBKDF2_SHA256,
  PASSKEY_VAULT_VERSION,
  PASSWORD_VAULT_VERSION,
  VAULT_FORMAT,
} from './vault-constants';

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
  /** Version 2: one or more passkey slots (absent in version 1, never empty). */
  passkeys?: PasskeySlot[];
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

/**
 * Builds a header with members in their canonical order: version 1 without passkey slots, version 2 with them
 * (so a vault without passkeys stays readable, and writable, by versions that know only version 1).
 */
export function buildHeader(
  kdf: { iterations: number; salt: string },
  revision: number,
  passkeys: readonly PasskeySlot[] = [],
): VaultHeader {
  const header: VaultHeader = {
    format: VAULT_FORMAT,
    version: passkeys.length > 0 ? PASSKEY_VAULT_VERSION : PASSWORD_VAULT_VERSION,
    cipher: CIPHER_AES_256_GCM,
    kdf: { id: KDF_PBKDF2_SHA256, iterations: kdf.iterations, salt: kdf.salt },
    revision,
  };
  if (passkeys.length > 0) header.passkeys = [...passkeys];
  return header;
}
