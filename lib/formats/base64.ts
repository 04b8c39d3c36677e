/** Base64 (RFC 4648) for migration payloads: lenient decoding of what QR readers produce, canonical encoding. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Character code -> 6-bit value, or -1. */
const VALUES: readonly number[] = Array.from({ length: 128 }, (_, code) =>
  ALPHABET.indexOf(String.fromCharCode(code)),
);

/**
 * Decodes standard or URL-safe (`-` `_`) Base64, with or without `=` padding. Returns undefined for any other
 * character, padding in the middle, or a length no whole number of bytes can produce. Leftover bits are ignored.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const body = text.replace(/={1,2}$/u, '');
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < body.length; i++) {
    const value = valueOf(body.charCodeAt(i));
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Standard alphabet, padded, as Google Authenticator writes it. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const chunk = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(chunk >> 18) & 63]! + ALPHABET[(chunk >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(chunk >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[chunk & 63]!;
  }
  return out;
}

function valueOf(code: number): number {
  if (code === 0x2d) return 62; // '-' (URL-safe)
  if (code === 0x5f) return 63; // '_' (URL-safe)
  return VALUES[code] ?? -1;
}
