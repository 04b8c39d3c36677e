/** Byte helpers for the encrypted importers: hex, Base64, UTF-8 and concatenation, all returning null on bad input. */
import { decodeBase64Lenient } from '../../encoding/base64';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Hex (either case) of exactly `length` bytes, or null. */
export function decodeHex(value: unknown, length: number): Uint8Array<ArrayBuffer> | null {
  if (typeof value !== 'string' || value.length !== length * 2 || !/^[0-9a-fA-F]*$/u.test(value)) return null;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(value.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Standard or URL-safe Base64, padded or not, or null. */
export function decodeBase64(value: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof value !== 'string') return null;
  const bytes = decodeBase64Lenient(value);
  return bytes === null ? null : new Uint8Array(bytes);
}

/** Strict UTF-8 (a leading byte-order mark is kept for the caller to strip), or null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(first.length + second.length);
  out.set(first);
  out.set(second, first.length);
  return out;
}
