/** Spellings of the OTP type accepted from URIs, imports and forms. */
import type { OtpType } from './account';
import { OtpError } from './errors';

/** Case-insensitive `totp` / `hotp` / `steam`; anything else is 'invalid-type'. */
export function parseOtpType(value: unknown): OtpType {
  if (typeof value !== 'string') throw new OtpError('invalid-type');
  const lower = value.toLowerCase();
  if (lower === 'totp' || lower === 'hotp' || lower === 'steam') return lower;
  throw new OtpError('invalid-type');
}
