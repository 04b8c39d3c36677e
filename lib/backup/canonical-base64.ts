/**
 * The same contract as `decodeBase64Strict` (lib/encoding/base64.ts): canonical RFC 4648 §4 only — alphabet,
 * `=` padding, unused trailing bits zero, no whitespace — else null. It checks the trailing bits directly instead
 * of re-encoding, which makes a megabyte-sized ciphertext decode several times faster.
 */
const CANONICAL = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeCanonicalBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0 || !CANONICAL.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (padding > 0) {
    const last = ALPHABET.indexOf(text.charAt(text.length - padding - 1));
    if ((last & (padding === 2 ? 0b1111 : 0b11)) !== 0) return null;
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
