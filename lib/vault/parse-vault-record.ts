import { decodeBase64Strict as decodeBase64 } from '../encoding/base64';
import { VaultError } from './errors';
import { readChecksummedText } from './record-checksum';
import type { SealedBytes } from './seal';
import {
  CIPHER_AES_256_GCM,
  GCM_TAG_BYTES,
  KDF_MAX_ITERATIONS,
  KDF_MIN_ITERATIONS,
  KDF_PBKDF2_SHA256,
  NONCE_BYTES,
  PASSKEY_VAULT_VERSION,
  SALT_BYTES,
  VAULT_FORMAT,
  VAULT_KEY_BYTES,
  VAULT_VERSION,
} from './vault-constants';
import { parsePasskeySlots } from './passkey-slot';
import { payloadAad, wrappedKeyAad } from './vault-aad';
import type { VaultHeader } from './vault-record';

/** A record that passed every check that needs no key: ready for decryption. */
export interface ParsedVaultRecord {
  /** The known header members (a newer version may store more; those are still authenticated). */
  header: VaultHeader;
  salt: Uint8Array<ArrayBuffer>;
  wrappedKey: SealedBytes;
  payload: SealedBytes;
  payloadAad: Uint8Array<ArrayBuffer>;
  wrappedKeyAad: Uint8Array<ArrayBuffer>;
  /** True when the format version is newer than this code: readable, never rewritten. */
  readOnly: boolean;
}

type JsonObject = Record<string, unknown>;

function corrupt(detail: string): VaultError {
  return new VaultError('corrupt', detail);
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

function readBytes(value: unknown, what: string): Uint8Array<ArrayBuffer> {
  const bytes = typeof value === 'string' ? decodeBase64(value) : null;
  if (bytes === null) throw corrupt(`${what} is not base64`);
  return bytes;
}

function readBox(value: unknown, what: string, ciphertextBytes: (length: number) => boolean): SealedBytes {
  const box = asObject(value, what);
  const nonce = readBytes(box.nonce, `${what} nonce`);
  const ciphertext = readBytes(box.ciphertext, `${what} ciphertext`);
  if (nonce.length !== NONCE_BYTES || !ciphertextBytes(ciphertext.length))
    throw corrupt(`${what} has a bad length`);
  return { nonce, ciphertext };
}

/**
 * Verifies the checksum, then the structure, version, cipher and KDF parameters, without any key.
 * Throws VaultError: 'corrupt', 'unsupported-version' (unknown cipher or KDF), 'kdf-too-weak'.
 */
export async function parseVaultRecord(text: unknown): Promise<ParsedVaultRecord> {
  const body = await readChecksummedText(text);
  const header = asObject(body.header, 'header');
  if (header.format !== VAULT_FORMAT) throw corrupt('not a Sekimori vault');
  if (!isCount(header.version, 1, Number.MAX_SAFE_INTEGER)) throw corrupt('bad version');
  const readOnly = header.version > VAULT_VERSION;
  if (header.cipher !== CIPHER_AES_256_GCM) throw new VaultError('unsupported-version', 'unknown cipher');
  const kdf = asObject(header.kdf, 'kdf');
  if (kdf.id !== KDF_PBKDF2_SHA256) throw new VaultError('unsupported-version', 'unknown KDF');
  if (!readOnly) {
    requireMembers(body, ['header', 'wrappedKey', 'payload'], 'record');
    requireMembers(
      header,
      header.version === PASSKEY_VAULT_VERSION
        ? ['format', 'version', 'cipher', 'kdf', 'revision', 'passkeys']
        : ['format', 'version', 'cipher', 'kdf', 'revision'],
      'header',
    );
    requireMembers(kdf, ['id', 'iterations', 'salt'], 'kdf');
  }
  if (!isCount(kdf.iterations, 1, KDF_MAX_ITERATIONS)) throw corrupt('bad iteration count');
  if (kdf.iterations < KDF_MIN_ITERATIONS) throw new VaultError('kdf-too-weak', 'too few iterations');
  const salt = readBytes(kdf.salt, 'salt');
  if (salt.length < SALT_BYTES) throw new VaultError('kdf-too-weak', 'salt too short');
  if (!isCount(header.revision, 1, Number.MAX_SAFE_INTEGER)) throw corrupt('bad revision');
  const wrappedKey = readBox(body.wrappedKey, 'wrapped key', (n) => n === VAULT_KEY_BYTES + GCM_TAG_BYTES);
  const payload = readBox(body.payload, 'payload', (n) => n >= GCM_TAG_BYTES);
  const passkeys =
    !readOnly && header.version === PASSKEY_VAULT_VERSION ? parsePasskeySlots(header.passkeys) : [];
  if (!readOnly) {
    requireMembers(asObject(body.wrappedKey, 'wrapped key'), ['nonce', 'ciphertext'], 'wrapped key');
    requireMembers(asObject(body.payload, 'payload'), ['nonce', 'ciphertext'], 'payload');
  }
  return {
    header: {
      format: VAULT_FORMAT,
      version: header.version,
      cipher: CIPHER_AES_256_GCM,
      kdf: { id: KDF_PBKDF2_SHA256, iterations: kdf.iterations, salt: kdf.salt as string },
      revision: header.revision,
      ...(passkeys.length > 0 ? { passkeys } : {}),
    },
    salt,
    wrappedKey,
    payload,
    payloadAad: payloadAad(header, asObject(body.wrappedKey, 'wrapped key')),
    wrappedKeyAad: wrappedKeyAad(header),
    readOnly,
  };
}
