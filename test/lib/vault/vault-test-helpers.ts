import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { decodeBase64Strict as decodeBase64, encodeBase64 } from '../../../lib/encoding/base64';
import { isVaultError, type VaultErrorCode } from '../../../lib/vault/errors';
import { writeChecksummedText } from '../../../lib/vault/record-checksum';
import type { KeyValueStore } from '../../../lib/vault/vault-store';

/** The lowest allowed cost keeps tests fast; the default cost is exercised by the v1 fixture. */
export const TEST_ITERATIONS = 600_000;
export const TEST_PASSWORD = 'correct horse battery staple';
export const SAMPLE_PAYLOAD = {
  schema: 1,
  accounts: [
    {
      type: 'totp',
      issuer: 'Example',
      account: 'alice@example.com',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    },
  ],
};

type JsonObject = Record<string, unknown>;

/** Rewrites record members and recomputes the checksum: a deliberate tamper that the checksum cannot see. */
export async function tamper(record: string, edit: (body: JsonObject) => void): Promise<string> {
  const { checksum: _checksum, ...body } = JSON.parse(record) as JsonObject;
  edit(body);
  return writeChecksummedText(body);
}

/** The object at `path` inside a parsed record body (e.g. ['header', 'kdf']). */
export function member(body: JsonObject, ...path: string[]): JsonObject {
  return path.reduce<JsonObject>((object, name) => object[name] as JsonObject, body);
}

/** Base64 `text` with bit `bit` (0 = most significant bit of byte 0) inverted. */
export function flipBase64Bit(text: string, bit: number): string {
  const bytes = decodeBase64(text);
  if (bytes === null) throw new Error('not base64');
  bytes[bit >> 3]! ^= 0x80 >> (bit & 7);
  return encodeBase64(bytes);
}

/** Number of bits in a base64 value. */
export function base64Bits(text: string): number {
  return (decodeBase64(text)?.length ?? 0) * 8;
}

/** A copy of `bytes` with one bit inverted. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  copy[bit >> 3]! ^= 0x80 >> (bit & 7);
  return copy;
}

/** Every single-bit flip of the UTF-8 bytes of `text`, decoded back as storage would hand it over. */
export function* everyBitFlip(text: string): Generator<{ bit: number; flipped: string }> {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  for (let bit = 0; bit < bytes.length * 8; bit++)
    yield { bit, flipped: decoder.decode(flipBit(bytes, bit)) };
}

/** The VaultError code a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejectionCode(promise: Promise<unknown>): Promise<VaultErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
  expect.fail('expected a VaultError, but the operation succeeded');
}

/** Deterministic "random" bytes (a counter), for reproducible records. Never use outside tests. */
export function countingRandom(seed = 0): (length: number) => Uint8Array {
  let next = seed;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

/** An in-memory KeyValueStore that records every set() call. */
export function memoryStore(
  initial: JsonObject = {},
): KeyValueStore & { data: JsonObject; sets: JsonObject[] } {
  const data: JsonObject = { ...initial };
  const sets: JsonObject[] = [];
  return {
    data,
    sets,
    async get(keys) {
      return Object.fromEntries(keys.filter((key) => key in data).map((key) => [key, data[key]]));
    },
    async set(items) {
      sets.push({ ...items });
      Object.assign(data, items);
    },
  };
}

/** AES-256-GCM decryption with node:crypto (no code of ours); `ciphertext` has the 16-byte tag appended. */
export function gcmOpen(key: Buffer, nonceB64: string, ciphertextB64: string, aad: string): Buffer {
  const data = Buffer.from(ciphertextB64, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceB64, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
}

/** A shipped version's fixture (test/fixtures/vault/v<N>.json): its password, record and payload, and more. */
export function vaultFixture<T extends object = Record<string, never>>(
  version: number,
): { password: string; record: string; payload: unknown } & T {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/vault/v${version}.json`, import.meta.url), 'utf8'),
  ) as { password: string; record: string; payload: unknown } & T;
}
