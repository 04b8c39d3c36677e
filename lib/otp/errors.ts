/**
 * The single error type of the OTP module. `code` is stable and meant for the UI to translate; `message` is a
 * fixed English sentence per code and never contains the secret, the URI or any other input.
 */
import { CodedError } from '../coded-error';
export type OtpErrorCode =
  | 'not-otpauth'
  | 'malformed-uri'
  | 'uri-too-long'
  | 'duplicate-parameter'
  | 'invalid-type'
  | 'missing-secret'
  | 'invalid-secret'
  | 'secret-too-long'
  | 'invalid-algorithm'
  | 'invalid-digits'
  | 'invalid-period'
  | 'missing-counter'
  | 'invalid-counter'
  | 'invalid-label'
  | 'label-too-long'
  | 'invalid-time';

const MESSAGES: Readonly<Record<OtpErrorCode, string>> = {
  'not-otpauth': 'Not an otpauth:// URI.',
  'malformed-uri': 'The URI is malformed (for example a bad percent-encoding).',
  'uri-too-long': 'The URI is too long.',
  'duplicate-parameter': 'A parameter appears more than once.',
  'invalid-type': 'Unknown OTP type (expected totp, hotp or steam).',
  'missing-secret': 'The secret is missing or empty.',
  'invalid-secret': 'The secret is not valid Base32.',
  'secret-too-long': 'The secret is too long.',
  'invalid-algorithm': 'Unknown algorithm (expected SHA1, SHA256 or SHA512).',
  'invalid-digits': 'Invalid number of digits (expected 6 to 8).',
  'invalid-period': 'Invalid period (expected a whole number of seconds from 1 to 3600).',
  'missing-counter': 'An HOTP account needs a counter.',
  'invalid-counter': 'Invalid counter (expected a non-negative whole number).',
  'invalid-label': 'The issuer or account name contains invalid characters.',
  'label-too-long': 'The issuer or account name is too long.',
  'invalid-time': 'Invalid time.',
};

export class OtpError extends CodedError<OtpErrorCode> {
  override readonly name = 'OtpError';

  constructor(code: OtpErrorCode) {
    super(code, MESSAGES[code]);
  }
}

export function isOtpError(value: unknown): value is OtpError {
  return value instanceof OtpError;
}
