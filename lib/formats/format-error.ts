/**
 * The single error type of the import/export formats. `code` is stable and meant for the UI to translate; `message`
 * is a fixed English sentence per code and never contains the input (which may hold secrets).
 */
import { CodedError } from '../coded-error';
export type FormatErrorCode =
  /** Not this format at all: wrong scheme or prefix (e.g. `QR-Code:otpauth-migration://…`), plain text. */
  | 'not-migration'
  /** The right scheme, but the payload is damaged: bad percent-encoding, bad Base64, bad or truncated protobuf. */
  | 'malformed-migration'
  /** A well-formed payload that holds no accounts at all. */
  | 'empty-migration'
  /** A transfer code claiming more QR codes than any real export has (over MAX_MIGRATION_BATCH_SIZE). */
  | 'migration-batch-too-large'
  /** Accounts that exist but cannot be represented (MD5, unknown OTP type, Steam or a 45 s period on export…). */
  | 'unsupported-otp'
  /** Input longer than any real export, rejected before any work. */
  | 'too-long'
  /** A recognised encrypted backup, and no password was given. */
  | 'password-required'
  /** The password does not open the backup (or its key material was damaged). */
  | 'wrong-password'
  /** A recognised backup that is truncated, bit-flipped or structurally broken. */
  | 'corrupt-backup'
  /** A recognised backup in a version or variant that is not read (a newer schema, a password-protected Bitwarden export…). */
  | 'unsupported-version'
  /**
   * An encrypted backup whose key derivation, summed over everything one password would be tried with (every Aegis
   * password slot), costs more than KDF_BUDGET (lib/kdf-budget.ts): refused before any derivation.
   */
  | 'kdf-too-costly'
  /** Anything that is not a backup or export that can be imported: random text, an image, a URL. */
  | 'not-a-backup'
  /** A recognised backup that holds no accounts. */
  | 'empty-backup';

const MESSAGES: Readonly<Record<FormatErrorCode, string>> = {
  'not-migration': 'Not a Google Authenticator export (expected otpauth-migration://offline?data=…).',
  'malformed-migration': 'The Google Authenticator export is damaged or incomplete.',
  'empty-migration': 'The Google Authenticator export contains no accounts.',
  'migration-batch-too-large': 'A Google Authenticator export has at most 100 QR codes; this one has more.',
  'unsupported-otp': 'The accounts use a kind of one-time password that is not supported.',
  'too-long': 'The export is too long.',
  'password-required': 'This backup is encrypted: its password is needed.',
  'wrong-password': 'The password does not open this backup.',
  'corrupt-backup': 'The backup is damaged or incomplete.',
  'unsupported-version': 'This version or kind of backup cannot be read.',
  'kdf-too-costly': 'Opening this backup would take more key-derivation work than any real backup needs.',
  'not-a-backup': 'Not a backup or export that can be imported.',
  'empty-backup': 'The backup contains no accounts.',
};

export class FormatError extends CodedError<FormatErrorCode> {
  override readonly name = 'FormatError';

  constructor(code: FormatErrorCode) {
    super(code, MESSAGES[code]);
  }
}

export function isFormatError(value: unknown): value is FormatError {
  return value instanceof FormatError;
}
