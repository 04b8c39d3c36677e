import { utf8Encode } from './utf8';

type JsonObject = Readonly<Record<string, unknown>>;

/**
 * AAD of the payload: the compact JSON of `{header, wrappedKey}` with members in stored order. It covers the
 * whole header (format, version, cipher, kdf, revision) and the wrapped key, so a payload that opens proves
 * every other byte of the record authentic too.
 */
export function payloadAad(header: JsonObject, wrappedKey: JsonObject): Uint8Array<ArrayBuffer> {
  return utf8Encode(JSON.stringify({ header, wrappedKey }));
}

/**
 * AAD of the wrapped vault key: the compact JSON of `{format, cipher, kdf}` taken from the header.
 * Version and revision are left out so a new revision keeps the same wrapped key.
 */
export function wrappedKeyAad(header: JsonObject): Uint8Array<ArrayBuffer> {
  return utf8Encode(JSON.stringify({ format: header.format, cipher: header.cipher, kdf: header.kdf }));
}
