import { VaultError } from './errors';

/** Source of cryptographically secure random bytes; injectable so tests can pass fixed values. */
export type RandomBytes = (length: number) => Uint8Array;

/** WebCrypto's CSPRNG (Node 20+, service workers, pages). */
export const secureRandomBytes: RandomBytes = (length) =>
  globalThis.crypto.getRandomValues(new Uint8Array(length));

/** Calls `random` and checks it returned exactly `length` bytes; returns a private copy. */
export function takeRandomBytes(random: RandomBytes, length: number): Uint8Array<ArrayBuffer> {
  const bytes = random(length);
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new VaultError('invalid-argument', 'random source returned the wrong number of bytes');
  }
  return new Uint8Array(bytes);
}
