/**
 * The layout of a sealed sync record (docs/sync-format.md):
 *
 *   record = UTF-8(envelope) ‖ 0x0A ‖ nonce (12 bytes) ‖ AES-256-GCM ciphertext ‖ tag (16 bytes)
 *
 * The envelope is compact canonical JSON `{header, wrappedKey}` (never holds a raw newline); its exact bytes are
 * the AAD of the body, so every header member is authenticated by the body's tag. The `wrappedKey` and `kdf` are
 * the local vault's password slot, copied verbatim: the same vault key, wrapped the same way (docs/vault-format.md).
 */
import { decodeBase64Strict as decodeBase64 } from '../encoding/base64';
import type { SealedBytes } from '../vault/seal';
import {
  CIPHER_AES_256_GCM,
  GCM_TAG_BYTES,
  KDF_MAX_ITERATIONS,
  KDF_MIN_ITERATIONS,
  KDF_PBKDF2_SHA256,
  NONCE_BYTES,
  SALT_BYTES,
  VAULT_KEY_BYTES,
} from '../vault/vault-constants';
import type { KdfParams, StoredBox } from '../vault/vault-record';
import { KEY_ID_BYTES } from './key-id';
import { SyncRecordError } from './sync-record-error';

/** Identifies a Sekimori sync record. */
export const SYNC_FORMAT = 'sekimori-sync';

/** The format version this code reads and writes. */
export const SYNC_VERSION = 1;

/** How the body's plaintext was compressed before encryption. */
export type SyncCompression = 'deflate-raw' | 'none';

/** The authenticated header of a sync record, members in this order. No passkey slots: they stay per device. */
export interface SyncHeader {
  format: typeof SYNC_FORMAT;
  version: typeof SYNC_VERSION;
  cipher: typeof CIPHER_AES_256_GCM;
  compression: SyncCompression;
  /** The local vault's KDF parameters, copied with its wrapped key. */
  kdf: KdfParams;
  /** Public name of the vault key (key-id.ts): a different one means the password was changed elsewhere. */
  keyId: string;
  /** 1 for the first key, +1 on every password change (a new vault key): orders key changes between devices. */
  keyGeneration: number;
  /** Monotonic: each record written is above every revision its writer has seen. */
  revision: number;
}

/** The password slot of the vault key: what a new device needs, with the password, to get the key. */
export interface SyncWrapping {
  kdf: KdfParams;
  wrappedKey: StoredBox;
}

/** A record split into its parts, checked for everything that needs no key. */
export interface ParsedSyncRecord {
  header: SyncHeader;
  wrappedKey: SealedBytes;
  /** The stored wrapping (kdf and wrapped key as base64), to adopt on this device after a password change. */
  wrapping: SyncWrapping;
  salt: Uint8Array<ArrayBuffer>;
  body: SealedBytes;
  /** The envelope's bytes: the body's AAD. */
  aad: Uint8Array<ArrayBuffer>;
}

const NEWLINE = 0x0a;
const HEADER_MEMBERS = [
  'format',
  'version',
  'cipher',
  'compression',
  'kdf',
  'keyId',
  'keyGeneration',
  'revision',
];

/** Builds the header with its members in canonical order. */
export function buildSyncHeader(parts: {
  compression: SyncCompression;
  kdf: KdfParams;
  keyId: string;
  keyGeneration: number;
  revision: number;
}): SyncHeader {
  return {
    format: SYNC_FORMAT,
    version: SYNC_VERSION,
    cipher: CIPHER_AES_256_GCM,
    compression: parts.compression,
    kdf: { id: KDF_PBKDF2_SHA256, iterations: parts.kdf.iterations, salt: parts.kdf.salt },
    keyId: parts.keyId,
    keyGeneration: parts.keyGeneration,
    revision: parts.revision,
  };
}

/** The envelope's bytes (the body's AAD). */
export function envelopeBytes(header: SyncHeader, wrappedKey: StoredBox): Uint8Array<ArrayBuffer> {
  const text = JSON.stringify({
    header,
    wrappedKey: { nonce: wrappedKey.nonce, ciphertext: wrappedKey.ciphertext },
  });
  return new TextEncoder().encode(text);
}

/** Concatenates envelope, newline, nonce and ciphertext. */
export function joinRecord(aad: Uint8Array, body: SealedBytes): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(aad.length + 1 + body.nonce.length + body.ciphertext.length);
  out.set(aad, 0);
  out[aad.length] = NEWLINE;
  out.set(body.nonce, aad.length + 1);
  out.set(body.ciphertext, aad.length + 1 + body.nonce.length);
  return out;
}

type JsonObject = Record<string, unknown>;

function corrupt(detail: string): SyncRecordError {
  return new SyncRecordError('corrupt', detail);
}

function asObject(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw corrupt(`${what} is not an object`);
  return value as JsonObject;
}

function requireMembers(object: JsonObject, names: readonly string[], what: string): void {
  if (JSON.stringify(Object.keys(object)) !== JSON.stringify(names))
    throw corrupt(`unexpected members in ${what}`);
}

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function readBytes(value: unknown, what: string, length?: number): Uint8Array<ArrayBuffer> {
  const bytes = typeof value === 'string' ? decodeBase64(value) : null;
  if (bytes === null || (length !== undefined && bytes.length !== length)) throw corrupt(`bad ${what}`);
  return bytes;
}

function parseEnvelope(aad: Uint8Array): JsonObject {
  let text: string;
  let parsed: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(aad);
    parsed = JSON.parse(text);
  } catch {
    throw corrupt('header is not JSON');
  }
  const envelope = asObject(parsed, 'envelope');
  // Only the compact serialisation is accepted, so the AAD has one spelling.
  if (JSON.stringify(envelope) !== text) throw corrupt('header not in canonical form');
  return envelope;
}

/**
 * Splits a record and checks everything that needs no key. Throws SyncRecordError: `corrupt`,
 * `unsupported-version` (format version, cipher, KDF or compression unknown), `kdf-too-weak`.
 */
export function parseSyncRecord(blob: Uint8Array): ParsedSyncRecord {
  if (!(blob instanceof Uint8Array)) throw corrupt('not bytes');
  const split = blob.indexOf(NEWLINE);
  if (split < 0) throw corrupt('no header');
  const aad = new Uint8Array(blob.subarray(0, split));
  const envelope = parseEnvelope(aad);
  const header = asObject(envelope.header, 'header');
  if (header.format !== SYNC_FORMAT) throw corrupt('not a Sekimori sync record');
  if (!isCount(header.version, 1, Number.MAX_SAFE_INTEGER)) throw corrupt('bad version');
  if (header.version !== SYNC_VERSION) throw new SyncRecordError('unsupported-version', 'newer format');
  if (header.cipher !== CIPHER_AES_256_GCM)
    throw new SyncRecordError('unsupported-version', 'unknown cipher');
  if (header.compression !== 'deflate-raw' && header.compression !== 'none') {
    throw new SyncRecordError('unsupported-version', 'unknown compression');
  }
  const kdf = asObject(header.kdf, 'kdf');
  if (kdf.id !== KDF_PBKDF2_SHA256) throw new SyncRecordError('unsupported-version', 'unknown KDF');
  requireMembers(envelope, ['header', 'wrappedKey'], 'envelope');
  requireMembers(header, HEADER_MEMBERS, 'header');
  requireMembers(kdf, ['id', 'iterations', 'salt'], 'kdf');
  if (!isCount(kdf.iterations, 1, KDF_MAX_ITERATIONS)) throw corrupt('bad iteration count');
  if (kdf.iterations < KDF_MIN_ITERATIONS) throw new SyncRecordError('kdf-too-weak', 'too few iterations');
  const salt = readBytes(kdf.salt, 'salt');
  if (salt.length < SALT_BYTES) throw new SyncRecordError('kdf-too-weak', 'salt too short');
  readBytes(header.keyId, 'key id', KEY_ID_BYTES);
  if (!isCount(header.keyGeneration, 1, Number.MAX_SAFE_INTEGER)) throw corrupt('bad key generation');
  if (!isCount(header.revision, 1, Number.MAX_SAFE_INTEGER)) throw corrupt('bad revision');
  const box = asObject(envelope.wrappedKey, 'wrapped key');
  requireMembers(box, ['nonce', 'ciphertext'], 'wrapped key');
  const wrappedKey = {
    nonce: readBytes(box.nonce, 'wrapped key nonce', NONCE_BYTES),
    ciphertext: readBytes(box.ciphertext, 'wrapped key', VAULT_KEY_BYTES + GCM_TAG_BYTES),
  };
  const rest = blob.subarray(split + 1);
  if (rest.length < NONCE_BYTES + GCM_TAG_BYTES) throw corrupt('body too short');
  const kdfParams: KdfParams = {
    id: KDF_PBKDF2_SHA256,
    iterations: kdf.iterations,
    salt: kdf.salt as string,
  };
  return {
    header: buildSyncHeader({
      compression: header.compression,
      kdf: kdfParams,
      keyId: header.keyId as string,
      keyGeneration: header.keyGeneration,
      revision: header.revision,
    }),
    wrappedKey,
    wrapping: {
      kdf: kdfParams,
      wrappedKey: { nonce: box.nonce as string, ciphertext: box.ciphertext as string },
    },
    salt,
    body: {
      nonce: new Uint8Array(rest.subarray(0, NONCE_BYTES)),
      ciphertext: new Uint8Array(rest.subarray(NONCE_BYTES)),
    },
    aad,
  };
}
