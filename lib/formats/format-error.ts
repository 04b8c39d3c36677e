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
  /** Accounts that exist but cannot be represented (MD5, unknown OTP type, Steam or a 45 s period on export…). */
  | 'unsupported-otp'
  /** Input longer than any real export, rejected before any work. */
  | 'too-long';

const MESSAGES: Readonly<Record<FormatErrorCode, string>> = {
  'not-migration': 'Not a Google Authenticator export (expected otpauth-migration://offline?data=…).',
  'malformed-migration': 'The Google Authenticator export is damaged or incomplete.',
  'empty-migration': 'The Google Authenticator export contains no accounts.',
  'unsupported-otp': 'The accounts use a kind of one-time password that is not supported.',
  'too-long': 'The export is too long.',
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
