/**
 * Base64 (RFC 4648), one encoder and two decoders for two contracts: the vault accepts only the canonical form
 * (so its checksum covers every byte that matters), while transfer codes accept what QR readers produce.
 */
const CHUNK = 0x8000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Character code -> 6-bit value, or -1 (URL-safe `-` and `_` included). */
const VALUES: readonly number[] = Array.from({ length: 128 }, (_, code) =>
  code === 0x2d ? 62 : code === 0x5f ? 63 : ALPHABET.indexOf(String.fromCharCode(code)),
);

/** Standard Base64 (RFC 4648 §4) with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/**
 * Strict inverse of `encodeBase64`: only the canonical form (alphabet, padding, zero trailing bits,
 * no whitespace) is accepted, so two different strings never decode to the same bytes. Null otherwise.
 */
export function decodeBase64Strict(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return encodeBase64(bytes) === text ? bytes : null;
}

/**
 * Lenient decoding: standard or URL-safe (`-` `_`) alphabet, with or without `=` padding. Null for any other
 * character, padding in the middle, or a length no whole number of bytes can produce. Leftover bits are ignored.
 */
export function decodeBase64Lenient(text: string): Uint8Array | null {
  const body = text.replace(/={1,2}$/u, '');
  if (body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < body.length; i++) {
    const value = VALUES[body.charCodeAt(i)] ?? -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
