/** Limits of the protocol's payloads, shared by the guards, the UI and the layers that store what is sent. */

/** Longest decoded QR text accepted (a version-40 QR code holds at most 4296 characters). */
export const MAX_QR_TEXT = 8192;
/** Sites an account may be used on, at most. */
export const MAX_ORIGINS = 32;
export const MAX_PASSWORD = 1024;
export const MAX_LABEL = 1024;
export const MAX_SECRET = 4096;
/** A file to import, as text or Base64: 20 MB of file at most (Base64 makes 4 characters of 3 bytes). */
export const MAX_IMPORT_DATA = 28_000_000;
/** Accounts in one import, at most (the backup format's own limit). */
export const MAX_IMPORT_ACCOUNTS = 10_000;
/** Cross-origin frames considered for a fill, at most. */
export const MAX_FRAMES = 16;

/** Accepted lock settings (integers, both ends included). `idleLockMinutes` 0 turns idle locking off. */
export const LOCK_SETTING_LIMITS = {
  idleLockMinutes: { min: 0, max: 240 },
  maxUnlockedHours: { min: 1, max: 24 },
} as const;
/** A WebAuthn credential id (at most 1 023 bytes), as base64. */
export const MAX_CREDENTIAL_ID_TEXT = 1364;
