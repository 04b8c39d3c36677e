/**
 * A base-85 text encoding for the chunks on `storage.sync`. Denser than base64 (5 characters per 4 bytes instead
 * of 5⅓, so about 6 % more vault per quota) and safe in JSON as counted by every browser: the alphabet leaves out
 * `"` and `\` (escaped by every JSON writer), `<`, `>`, `&`, `'` and the backtick (escaped by Chromium's
 * `JSONWriter`, which would count each as 6 bytes), the space and every control character.
 *
 * Groups of 4 bytes, read big-endian, become 5 digits, most significant first. A final group of k < 4 bytes is
 * padded with zero bytes and written as its first k + 1 digits (as in Ascii85); the decoder pads such a group with
 * the highest digit and keeps k bytes. Only the canonical text is accepted, so one byte string has one text.
 */
export const BASE85_ALPHABET =
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%()*+-./:=?@[]^_{|}~';

const DIGITS: readonly number[] = Array.from({ length: 128 }, (_, code) =>
  BASE85_ALPHABET.indexOf(String.fromCharCode(code)),
);

const POWERS = [85 ** 4, 85 ** 3, 85 ** 2, 85, 1] as const;

/** The length of the text for `byteLength` bytes. */
export function base85Length(byteLength: number): number {
  const rest = byteLength % 4;
  return Math.floor(byteLength / 4) * 5 + (rest === 0 ? 0 : rest + 1);
}

/** Encodes bytes as base-85 text. */
export function encodeBase85(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let start = 0; start < bytes.length; start += 4) {
    const take = Math.min(4, bytes.length - start);
    let value = 0;
    for (let i = 0; i < 4; i += 1) value = value * 256 + (i < take ? (bytes[start + i] ?? 0) : 0);
    let group = '';
    for (const power of POWERS) group += BASE85_ALPHABET[Math.floor(value / power) % 85];
    out.push(group.slice(0, take === 4 ? 5 : take + 1));
  }
  return out.join('');
}

/** Strict inverse of `encodeBase85`: null for a character outside the alphabet, a bad length or a non-canonical text. */
export function decodeBase85(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 5 === 1) return null;
  const bytes = new Uint8Array(Math.floor(text.length / 5) * 4 + Math.max(0, (text.length % 5) - 1));
  let at = 0;
  for (let start = 0; start < text.length; start += 5) {
    const group = text.slice(start, start + 5);
    let value = 0;
    for (let i = 0; i < 5; i += 1) {
      const digit = i < group.length ? (DIGITS[group.charCodeAt(i)] ?? -1) : 84;
      if (digit < 0) return null;
      value = value * 85 + digit;
    }
    if (value > 0xffff_ffff) return null;
    const take = group.length === 5 ? 4 : group.length - 1;
    for (let i = 0; i < take; i += 1) bytes[at++] = Math.floor(value / 256 ** (3 - i)) % 256;
  }
  // A short final group has several texts for the same bytes; only the one the encoder writes is accepted.
  const rest = text.length % 5;
  if (rest !== 0 && encodeBase85(bytes.subarray(bytes.length - (rest - 1))) !== text.slice(-rest))
    return null;
  return bytes;
}
