/**
 * The envelope of a Google Authenticator export: `otpauth-migration://offline?data=BASE64` <-> payload bytes.
 * Knows nothing of protobuf.
 */
import { decodeBase64Lenient, encodeBase64 } from '../encoding/base64';
import { FormatError } from './format-error';

/**
 * Longest input accepted, in UTF-16 code units. A QR code holds at most 2953 bytes, so a real export URI (Base64 and
 * percent-encoding included) stays far below this; a pasted megabyte is rejected before any work.
 */
export const MAX_MIGRATION_URI_LENGTH = 64 * 1024;

const SCHEME = /^otpauth-migration:/iu;
const PREFIX = /^otpauth-migration:\/\/offline\/?\?/iu;

/**
 * Extracts and decodes the `data` parameter. Scheme and host are case-insensitive; surrounding whitespace is
 * ignored. Anything before the scheme (e.g. a reader's `QR-Code:` prefix) is 'not-migration'. `data` is
 * percent-decoded, and spaces are turned back into `+` (some readers form-decode the URI); a raw `+` stays `+`.
 * Throws 'malformed-migration' for a missing or repeated `data`, bad percent-encoding or bad Base64.
 */
export function decodeMigrationUri(uri: string): Uint8Array {
  if (typeof uri !== 'string') throw new FormatError('not-migration');
  if (uri.length > MAX_MIGRATION_URI_LENGTH) throw new FormatError('too-long');
  const text = uri.trim();
  if (!SCHEME.test(text)) throw new FormatError('not-migration');
  const prefix = PREFIX.exec(text);
  if (prefix === null) throw new FormatError('malformed-migration');
  const query = text.slice(prefix[0].length).replace(/#.*$/su, '');
  const values = query
    .split('&')
    .filter((pair) => pair.startsWith('data='))
    .map((pair) => pair.slice('data='.length));
  const [raw] = values;
  if (raw === undefined || values.length > 1) throw new FormatError('malformed-migration');
  const bytes = decodeBase64Lenient(percentDecode(raw).replace(/ /gu, '+'));
  if (bytes === null) throw new FormatError('malformed-migration');
  return bytes;
}

/** The URI Google Authenticator itself writes: padded standard Base64, percent-encoded. */
export function encodeMigrationUri(payload: Uint8Array): string {
  return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(payload))}`;
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new FormatError('malformed-migration');
  }
}
