/** Identifies a Sekimori vault record; never changes (see docs/vault-format.md). */
export const VAULT_FORMAT = 'sekimori-vault';

/** The newest format version this code reads and writes. Newer versions open read-only. */
export const VAULT_VERSION = 2;

/** A record with only the password slot. */
export const PASSWORD_VAULT_VERSION = 1;

/** A record whose header also holds passkey slots (`header.passkeys`). */
export const PASSKEY_VAULT_VERSION = 2;

/** The only cipher this code understands: AES-256-GCM, 96-bit nonce, 128-bit tag appended. */
export const CIPHER_AES_256_GCM = 'aes-256-gcm';

/** The only key-derivation function this code understands: PBKDF2-HMAC-SHA256, 32-byte output. */
export const KDF_PBKDF2_SHA256 = 'pbkdf2-sha256';

/** Hard floor enforced on load and on create (OWASP 2023+ for PBKDF2-HMAC-SHA256). */
export const KDF_MIN_ITERATIONS = 600_000;

/**
 * Default for new vaults and password changes. Measured on a 2-core AMD EPYC with Node 20 WebCrypto:
 * about 26-38 ms per 100 000 iterations; a full unlock at 800 000 took a median of 210-290 ms (worst seen
 * 391 ms, under load), comfortably inside the 600 ms budget. 1 000 000 reached 447 ms. See docs/vault-format.md.
 */
export const KDF_DEFAULT_ITERATIONS = 800_000;

/**
 * The highest cost a record may ask for (on load and on create): ten times anything this code writes, about 4 s
 * here. Above it a tampered header could make an unlock run for hours (PBKDF2 takes up to 2^32 - 1 rounds).
 * Backups use the same ceiling.
 */
export const KDF_MAX_ITERATIONS = 10_000_000;

/** Salt length written by this code; shorter salts are refused on load. */
export const SALT_BYTES = 16;

/** AES-GCM nonce length (96 bits). */
export const NONCE_BYTES = 12;

/** AES-GCM authentication tag length (128 bits), appended to every ciphertext. */
export const GCM_TAG_BYTES = 16;

/** The random vault key (AES-256). */
export const VAULT_KEY_BYTES = 32;
