/**
 * An independent RFC 4226 / RFC 6238 implementation for the demo console.
 *
 * The demo server is an oracle: it checks the codes the extension produces, so it must not share code with
 * `lib/`. Only node:crypto is used here.
 */
import { createHmac, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 Base32, upper case, without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes Base32, ignoring case, spaces, hyphens and padding. Throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`invalid Base32 character: ${ch}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A random secret of `bytes` bytes in Base32 (10 bytes = 16 characters, like the vendor consoles). */
export function randomSecret(bytes = 10): string {
  return base32Encode(randomBytes(bytes));
}

/** RFC 4226 HOTP with dynamic truncation (HMAC-SHA1 unless told otherwise, as RFC 6238 allows). */
export function hotp(
  secret: string,
  counter: number,
  digits = 6,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, base32Decode(secret)).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238 TOTP (SHA-1, 30-second steps) at `timeMs`. */
export function totp(secret: string, timeMs = Date.now(), period = 30, digits = 6): string {
  return hotp(secret, Math.floor(timeMs / 1000 / period), digits);
}

/**
 * Checks a code typed by a person: non-digits (spaces, hyphens) are ignored, and the previous, current and
 * next time steps are accepted, as real consoles do to allow for clock drift.
 */
export function verifyTotp(secret: string, typed: string, timeMs = Date.now(), window = 1): boolean {
  const code = typed.replace(/\D/g, '');
  if (code.length !== 6) return false;
  const step = Math.floor(timeMs / 1000 / 30);
  for (let delta = -window; delta <= window; delta++) {
    if (hotp(secret, step + delta) === code) return true;
  }
  return false;
}
