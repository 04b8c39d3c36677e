/**
 * Sealing and opening the synced record: the replicated state, compressed, encrypted with the vault key under an
 * authenticated header that carries the vault's own password slot (so a new device needs the password alone).
 * Same design as the local vault (docs/vault-format.md): the vault key is wrapped by PBKDF2 of the password, the
 * body is AES-256-GCM with a fresh random 96-bit nonce per record, and the AAD is the whole header.
 */
import { encodeBase64 } from '../encoding/base64';
import { deriveKeyEncryptionKey } from '../vault/derive-key';
import { isVaultError } from '../vault/errors';
import { openParsedRecord } from '../vault/open-vault';
import { parseVaultRecord } from '../vault/parse-vault-record';
import { secureRandomBytes, type RandomBytes } from '../vault/random-bytes';
import { openBytes, sealBytes } from '../vault/seal';
import { VAULT_FORMAT } from '../vault/vault-constants';
import { wrappedKeyAad } from '../vault/vault-aad';
import { importVaultKey, unwrapVaultKey } from '../vault/vault-key';
import { deflateRaw, inflateRaw } from './compress';
import { syncKeyId } from './key-id';
import {
  buildSyncHeader,
  envelopeBytes,
  joinRecord,
  parseSyncRecord,
  type ParsedSyncRecord,
  type SyncCompression,
  type SyncHeader,
  type SyncWrapping,
} from './sync-envelope';
import { SyncRecordError } from './sync-record-error';

/** What the writer decides for a record; the rest of the header follows from the key and the options. */
export interface SyncSealHeader {
  /** The local vault's password slot for this same key: take it from `syncWrappingOf`. */
  wrapping: SyncWrapping;
  keyGeneration: number;
  revision: number;
}

export interface SealSyncOptions {
  /** Default `deflate-raw`; `none` exists for tests and measurements. */
  compression?: SyncCompression;
  random?: RandomBytes;
}

/** A record opened with the vault key this device holds. */
export interface OpenedSyncRecord {
  plain: Uint8Array<ArrayBuffer>;
  header: SyncHeader;
}

/** A record opened with the password: also the vault key and its wrapping, for a device that did not have them. */
export interface UnlockedSyncRecord extends OpenedSyncRecord {
  vaultKey: Uint8Array<ArrayBuffer>;
  wrapping: SyncWrapping;
}

/**
 * The password slot of the local vault `record`, once `vaultKey` has opened that record: the payload AAD covers
 * the wrapped key, so the slot provably belongs to this key, and a sync record is never sealed beside a wrapped
 * key that the password cannot turn into the key that opens it. Throws VaultError (`wrong-key`, `corrupt`, …).
 */
export async function syncWrappingOf(record: string, vaultKey: Uint8Array): Promise<SyncWrapping> {
  const parsed = await parseVaultRecord(record);
  await openParsedRecord(parsed, await importVaultKey(vaultKey), 'wrong-key');
  return {
    kdf: { ...parsed.header.kdf },
    wrappedKey: {
      nonce: encodeBase64(parsed.wrappedKey.nonce),
      ciphertext: encodeBase64(parsed.wrappedKey.ciphertext),
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

async function importKey(vaultKey: Uint8Array): Promise<CryptoKey> {
  try {
    return await importVaultKey(vaultKey);
  } catch {
    throw new SyncRecordError('invalid-argument', 'vault key must be 32 bytes');
  }
}

/**
 * Seals `plain` (the replicated state's bytes) under `vaultKey`: compressed, then AES-256-GCM with a fresh
 * nonce, the header (with the key's id, generation, revision and password slot) as AAD. The record is read back
 * before it is returned. Throws SyncRecordError `invalid-argument` (key length, counts, wrapping shape).
 */
export async function sealSyncRecord(
  plain: Uint8Array,
  vaultKey: Uint8Array,
  header: SyncSealHeader,
  options: SealSyncOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await importKey(vaultKey);
  const compression = options.compression ?? 'deflate-raw';
  const syncHeader = buildSyncHeader({
    compression,
    kdf: header.wrapping.kdf,
    keyId: await syncKeyId(vaultKey),
    keyGeneration: header.keyGeneration,
    revision: header.revision,
  });
  const aad = envelopeBytes(syncHeader, header.wrapping.wrappedKey);
  const body = compression === 'none' ? new Uint8Array(plain) : await deflateRaw(plain);
  const blob = joinRecord(aad, await sealBytes(key, body, aad, options.random ?? secureRandomBytes));
  let parsed: ParsedSyncRecord;
  try {
    parsed = parseSyncRecord(blob);
  } catch {
    throw new SyncRecordError('invalid-argument', 'header or wrapping not well-formed');
  }
  const reopened = await openBody(parsed, key);
  if (!sameBytes(reopened, plain)) throw new Error('sync record failed its read-back check');
  return blob;
}

/** The body's plaintext; `corrupt` when the key (known to be the record's, by its id) does not authenticate it. */
async function openBody(parsed: ParsedSyncRecord, key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const body = await openBytes(key, parsed.body, parsed.aad);
  if (body === null) throw new SyncRecordError('corrupt');
  if (parsed.header.compression === 'none') return body;
  const plain = await inflateRaw(body);
  // Authentic but not inflatable: a writer's bug, reported as damage.
  if (plain === null) throw new SyncRecordError('corrupt', 'body does not inflate');
  return plain;
}

/**
 * The header of a record, checked without any key (cheap): compare `keyId`, `keyGeneration` and `revision`
 * before deciding to decrypt. Throws SyncRecordError `corrupt`, `unsupported-version`, `kdf-too-weak`.
 */
export function inspectSyncRecord(blob: Uint8Array): SyncHeader {
  return parseSyncRecord(blob).header;
}

/**
 * Opens a record with the vault key this device holds (no KDF). Throws `key-changed` when the record is under
 * another key (its key id differs: a password change elsewhere), `corrupt` when the key is this one but the
 * record does not authenticate, or the errors of `inspectSyncRecord`.
 */
export async function openSyncRecordWithKey(
  blob: Uint8Array,
  vaultKey: Uint8Array,
): Promise<OpenedSyncRecord> {
  const key = await importKey(vaultKey);
  const parsed = parseSyncRecord(blob);
  if (parsed.header.keyId !== (await syncKeyId(vaultKey))) throw new SyncRecordError('key-changed');
  return { plain: await openBody(parsed, key), header: parsed.header };
}

/**
 * Opens a record with the password (one PBKDF2, parameters checked against the floor first), for a device that
 * joins or that must adopt a key changed elsewhere. Throws `wrong-password`, `corrupt` (the key unwraps but its
 * id or the body does not match: altered), or the errors of `inspectSyncRecord`.
 */
export async function openSyncRecordWithPassword(
  blob: Uint8Array,
  password: string,
): Promise<UnlockedSyncRecord> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new SyncRecordError('invalid-argument', 'password must not be empty');
  }
  const parsed = parseSyncRecord(blob);
  let kek: CryptoKey;
  try {
    kek = await deriveKeyEncryptionKey(password, {
      iterations: parsed.header.kdf.iterations,
      salt: parsed.salt,
    });
  } catch (error) {
    if (isVaultError(error, 'kdf-too-weak')) throw new SyncRecordError('kdf-too-weak');
    throw error;
  }
  // The slot is the local vault's, so its AAD names the vault format (docs/vault-format.md, "AAD").
  const keyAad = wrappedKeyAad({
    format: VAULT_FORMAT,
    cipher: parsed.header.cipher,
    kdf: parsed.header.kdf,
  });
  const vaultKey = await unwrapVaultKey(kek, parsed.wrappedKey, keyAad);
  if (vaultKey === null) throw new SyncRecordError('wrong-password');
  if (parsed.header.keyId !== (await syncKeyId(vaultKey))) throw new SyncRecordError('corrupt', 'key id');
  const plain = await openBody(parsed, await importKey(vaultKey));
  return { plain, header: parsed.header, vaultKey, wrapping: parsed.wrapping };
}
