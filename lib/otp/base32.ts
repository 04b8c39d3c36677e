/** RFC 4648 Base32 (upper-case alphabet, output without padding) and normalisation of typed or scanned secrets. */
import { OtpError } from './errors';
import { MAX_RAW_SECRET_LENGTH } from './limits';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Character code -> 5-bit value, or -1. */
const VALUES: readonly number[] = Array.from({ length: 128 }, (_, code) =>
  ALPHABET.indexOf(String.fromCharCode(code)),
);

/** Remainders of (length mod 8) that no whole number of bytes can produce. */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes canonical Base32: upper case, no padding, no separators (use `normalizeSecret` first for user input).
 * Lengths that cannot come from whole bytes (1, 3 or 6 characters mod 8) are rejected; leftover bits of a valid
 * length are ignored, as Google Authenticator does, because real issuers emit random Base32 strings.
 */
export function decodeBase32(text: string): Uint8Array {
  if (IMPOSSIBLE_REMAINDERS.has(text.length % 8)) throw new OtpError('invalid-secret');
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES[text.charCodeAt(i)] ?? -1;
    if (value < 0) throw new OtpError('invalid-secret');
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Turns a typed or scanned secret into canonical Base32: NFKC (full-width letters from Japanese input methods become
 * ASCII), upper case, whitespace and hyphens removed, trailing `=` padding removed. Any other character (including
 * `0 1 8 9`) is rejected with 'invalid-secret'; hex is never guessed. An empty result is 'missing-secret'.
 */
export function normalizeSecret(input: string): string {
  if (input.length > MAX_RAW_SECRET_LENGTH) throw new OtpError('secret-too-long');
  const compact = input
    .normalize('NFKC')
    .replace(/[\s-]+/gu, '')
    .replace(/=+$/u, '');
  if (compact === '') throw new OtpError('missing-secret');
  // Checked before upper-casing so that non-ASCII letters (e.g. 'ß' -> 'SS') cannot turn into Base32.
  if (!/^[A-Za-z2-7]+$/u.test(compact)) throw new OtpError('invalid-secret');
  return compact.toUpperCase();
}
