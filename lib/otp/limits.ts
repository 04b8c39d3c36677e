/** Hard limits shared by validation, parsing and formatting. */

/** Largest accepted secret in bytes (real console secrets are 10–20 bytes; 256 leaves room for odd issuers). */
export const MAX_SECRET_BYTES = 256;

/** Largest normalised Base32 secret: ceil(256 * 8 / 5) characters. */
export const MAX_SECRET_BASE32_LENGTH = Math.ceil((MAX_SECRET_BYTES * 8) / 5);

/** Raw secret input (with spaces, hyphens, padding) longer than this is rejected before any other work. */
export const MAX_RAW_SECRET_LENGTH = 1024;

/** Issuer and account names: at most this many Unicode code points each, after trimming. */
export const MAX_LABEL_LENGTH = 256;

/** Longest period in seconds (one hour, as otplib's default guardrail). */
export const MAX_PERIOD_S = 3600;

/**
 * Longest otpauth URI accepted, in UTF-16 code units. A canonical URI of the largest valid account (256-code-point
 * issuer twice and account once, each percent-encoded at up to 12 characters per code point, plus a 410-character
 * secret) is under 10 000 characters, so 16 KiB never rejects a valid account and rejects a 1 MB URI at once.
 */
export const MAX_URI_LENGTH = 16 * 1024;
