/** Fixed names and limits of the Sekimori backup file (docs/backup-format.md). */
import { KDF_DEFAULT_ITERATIONS, KDF_MIN_ITERATIONS } from '../vault/vault-constants';

/** Value of the `format` member; never changes. */
export const BACKUP_FORMAT = 'sekimori-backup';

/** The version this code writes and the newest it reads. */
export const BACKUP_VERSION = 1;

/** `kdf.name`: PBKDF2-HMAC-SHA256 with a 32-byte output. */
export const BACKUP_KDF = 'pbkdf2-sha256';

/** `cipher.name`: AES-256-GCM, 96-bit nonce, 128-bit tag appended to the ciphertext. */
export const BACKUP_CIPHER = 'aes-256-gcm';

/** Hard floor on write and on read: the vault's (OWASP) floor. */
export const BACKUP_MIN_ITERATIONS = KDF_MIN_ITERATIONS;

/** Written by default: the vault's default (~250 ms in WebCrypto). */
export const BACKUP_DEFAULT_ITERATIONS = KDF_DEFAULT_ITERATIONS;

/** Ceiling on read and write, so a hostile file cannot keep us busy for minutes (~3 s of PBKDF2). */
export const BACKUP_MAX_ITERATIONS = 10_000_000;

/** A new backup password has at least this many characters (Unicode code points, after NFC). */
export const MIN_BACKUP_PASSWORD_LENGTH = 8;

/** Salt written (and the least accepted on read); more than MAX_SALT_BYTES is corrupt. */
export const BACKUP_SALT_BYTES = 16;
export const MAX_SALT_BYTES = 64;

/** AES-GCM nonce and tag lengths. */
export const BACKUP_NONCE_BYTES = 12;
export const BACKUP_TAG_BYTES = 16;

/** At most this many accounts in one backup. */
export const MAX_BACKUP_ACCOUNTS = 10_000;

/** Sites one account may be bound to, at most (the same limit as the keeper's MAX_ORIGINS). */
export const MAX_BACKUP_ORIGINS = 32;

/**
 * Longest file text accepted, in UTF-16 code units, checked before any parsing. Real backups take ~400 characters
 * per account (5 000 accounts: ~2 MB). The largest valid account (two 256-code-point names, a 410-character
 * secret, 32 origins of 300 characters) is ~17 KB once encrypted, so a pathological backup of thousands of those
 * could exceed this: sealBackup then refuses it ('too-large') rather than write a file openBackup would refuse.
 */
export const MAX_BACKUP_TEXT_LENGTH = 64 * 1024 * 1024;
