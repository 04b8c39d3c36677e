/** Strict UTF-8 percent-decoding for otpauth URIs. */
import { OtpError } from './errors';

/** Decodes `%XX` sequences as UTF-8; a bad escape (`%ZZ`, a lone `%`) or invalid UTF-8 is 'malformed-uri'. */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new OtpError('malformed-uri');
  }
}

/** Query values: `+` means a space (real issuers send both `+` and `%20`), then percent-decoding. */
export function decodeQueryValue(text: string): string {
  return decodePercent(text.replace(/\+/g, ' '));
}
