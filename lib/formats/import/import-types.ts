/** The shapes readImport returns: which format was read, the accounts, and the entries left out. */
import type { Account } from '../../otp/account';

/** Every backup or export layout readImport recognises. */
export type ImportFormat =
  | 'otpauth-list'
  | 'google-migration'
  | 'aegis'
  | 'aegis-encrypted'
  | '2fas'
  | '2fas-encrypted'
  | 'andotp'
  | 'andotp-encrypted'
  | 'andotp-encrypted-old'
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | 'authenticator-json'
  | 'authenticator-text';

/** Why an entry was left out: a kind of OTP Sekimori cannot compute, or an entry that fails validation. */
export type SkipReason = 'unsupported-otp' | 'invalid';

export interface SkippedEntry {
  reason: SkipReason;
  /** The entry's issuer and name as the file gives them, shortened for display; never the secret. Maybe empty. */
  label: string;
}

export interface ImportRead {
  format: ImportFormat;
  /** Validated accounts, in the file's order. */
  accounts: Account[];
  skipped: SkippedEntry[];
}

export interface ImportOptions {
  /** Password of an encrypted backup; ignored for plain ones. An empty string counts as no password. */
  password?: string;
}

export interface ImportDetection {
  format: ImportFormat;
  /** True for encrypted formats: the caller should ask for the password before calling readImport. */
  needsPassword: boolean;
}

/** What an import reads: text (a string, or UTF-8 bytes) or the bytes of a binary backup. */
export type ImportInput = string | Uint8Array;
