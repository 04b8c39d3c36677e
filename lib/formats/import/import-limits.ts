/** Hard limits of the importers, checked before any expensive work. */

/** Largest input, in bytes or UTF-16 code units: far above any real backup (5 000 accounts is about 2 MB). */
export const MAX_IMPORT_SIZE = 20 * 1024 * 1024;

/** Entries read from one import (accounts and skipped together); beyond this the import is 'too-long'. */
export const MAX_IMPORT_ENTRIES = 50_000;

/**
 * scrypt parameters accepted from an Aegis password slot. Aegis writes N = 2^15, r = 8, p = 1 (32 MiB, ~0.3 s).
 * N must be a power of two from 2^10 (the floor: nothing real is weaker, and tests build fast fixtures at 2^10)
 * to 2^20; memory (128·N·r bytes) at most 256 MiB; total work N·r·p at most 16 times Aegis's default.
 */
export const SCRYPT_MIN_N = 2 ** 10;
export const SCRYPT_MAX_N = 2 ** 20;
export const SCRYPT_MAX_N_TIMES_R = 2 ** 21;
export const SCRYPT_MAX_WORK = 2 ** 22;

/**
 * Password slots tried per Aegis vault (each costs one scrypt run). Together they must also fit KDF_BUDGET
 * (lib/kdf-budget.ts: scrypt N·r·p summed up to 4 800 000, e.g. one slot at SCRYPT_MAX_WORK): else 'kdf-too-costly'.
 */
export const MAX_PASSWORD_SLOTS = 8;

/** andOTP's PBKDF2-SHA1 iteration count, read from the file header: real files use 140 000–160 000. */
export const ANDOTP_MIN_ITERATIONS = 1;
export const ANDOTP_MAX_ITERATIONS = 10_000_000;

/** 2FAS: PBKDF2-HMAC-SHA256 with a fixed iteration count. */
export const TWOFAS_ITERATIONS = 10_000;
