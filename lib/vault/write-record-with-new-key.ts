import { encodeBase64 } from '../encoding/base64';
import { checkIterations, deriveKeyEncryptionKey } from './derive-key';
import { VaultError } from './errors';
import { takeRandomBytes, type RandomBytes } from './random-bytes';
import { SALT_BYTES } from './vault-constants';
import { wrappedKeyAad } from './vault-aad';
import { generateVaultKey, importVaultKey, unwrapVaultKey, wrapVaultKey } from './vault-key';
import type { PasskeySlot } from './passkey-slot';
import { buildHeader } from './vault-record';
import { writeRecord } from './write-record';

/** A freshly written record and the vault key that opens it (keep it in `storage.session` while unlocked). */
export interface WrittenVault {
  record: string;
  vaultKey: Uint8Array;
}

interface PasswordRecordParts {
  password: string;
  plaintext: Uint8Array<ArrayBuffer>;
  iterations: number;
  revision: number;
  random: RandomBytes;
  /** Slots that wrap this same vault key (a KDF upgrade keeps them; a new vault key cannot). */
  passkeys?: readonly PasskeySlot[];
}

/** Writes `plaintext` under a new random vault key, wrapped by a key derived from `password` with a new salt. */
export async function writeRecordWithNewKey(parts: PasswordRecordParts): Promise<WrittenVault> {
  checkPasswordParts(parts);
  if (parts.passkeys?.length)
    throw new VaultError('invalid-argument', 'passkey slots wrap the old vault key');
  const salt = takeRandomBytes(parts.random, SALT_BYTES);
  return writeWrapped(parts, salt, generateVaultKey(parts.random));
}

/**
 * Writes `plaintext` under an existing vault key, wrapped again by a key derived from `password` with a new
 * salt (a KDF upgrade: the key kept while unlocked stays valid).
 */
export async function writeRecordWithKey(
  parts: PasswordRecordParts & { vaultKey: Uint8Array },
): Promise<WrittenVault> {
  checkPasswordParts(parts);
  await importVaultKey(parts.vaultKey); // checks its length before anything is derived
  const salt = takeRandomBytes(parts.random, SALT_BYTES);
  return writeWrapped(parts, salt, new Uint8Array(parts.vaultKey));
}

function checkPasswordParts(parts: PasswordRecordParts): void {
  if (typeof parts.password !== 'string' || parts.password.length === 0) {
    throw new VaultError('invalid-argument', 'password must not be empty');
  }
  checkIterations(parts.iterations);
}

async function writeWrapped(
  parts: PasswordRecordParts,
  salt: Uint8Array<ArrayBuffer>,
  vaultKey: Uint8Array<ArrayBuffer>,
): Promise<WrittenVault> {
  const header = buildHeader(
    { iterations: parts.iterations, salt: encodeBase64(salt) },
    parts.revision,
    parts.passkeys,
  );
  const kek = await deriveKeyEncryptionKey(parts.password, { iterations: parts.iterations, salt });
  const keyAad = wrappedKeyAad({ ...header });
  const wrappedKey = await wrapVaultKey(kek, vaultKey, keyAad, parts.random);
  const unwrapped = await unwrapVaultKey(kek, wrappedKey, keyAad);
  if (unwrapped === null || unwrapped.some((byte, index) => byte !== vaultKey[index])) {
    throw new Error('wrapped vault key failed its read-back check');
  }
  const key = await importVaultKey(vaultKey);
  const record = await writeRecord({
    header,
    wrappedKey,
    vaultKey: key,
    plaintext: parts.plaintext,
    random: parts.random,
  });
  return { record, vaultKey };
}
