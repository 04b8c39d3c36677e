import { VaultError } from './errors';
import { utf8Decode, utf8Encode } from './utf8';

/** The payload plaintext: UTF-8 of `JSON.stringify(payload)`. Throws 'invalid-argument' if not serialisable. */
export function encodePayload(payload: unknown): Uint8Array<ArrayBuffer> {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    throw new VaultError('invalid-argument', 'payload is not JSON-serialisable');
  }
  if (json === undefined) throw new VaultError('invalid-argument', 'payload is not JSON-serialisable');
  return utf8Encode(json);
}

/**
 * Parses a decrypted payload. The type parameter is not checked: the caller validates the shape
 * (e.g. `schema`). Throws 'corrupt' for bytes that are not UTF-8 JSON.
 */
export function decodePayload<T>(plaintext: Uint8Array): T {
  try {
    return JSON.parse(utf8Decode(plaintext)) as T;
  } catch {
    throw new VaultError('corrupt', 'payload is not JSON');
  }
}
