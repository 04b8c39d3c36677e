import { encodeBase64 } from '../encoding/base64';
import { checkIterations, deriveKeyEncryptionKey } from './derive-key';
import { VaultError } from './errors';
import { takeRandomBytes, type RandomBytes } from './random-bytes';
import { SALT_BYTES } from './vault-constants';
import { wrappedKeyAad } from './vault-aad';
import { generateVaultKey, importVaultKey, unwrapVaultKey, wrapVaultKey } from './vault-key';
import { buildHeader } from './vault-record';
import { writeRecord } from './write-record';

/** A freshly written record and the vault key that opens it (keep it in `storage.session` while unlocked). */
export interface WrittenVault {
  record: string;
  vaultKey: Uint8Array;
}

/** Writes `plaintext` under a new random vault key, wrapped by a key derived from `password` with a new salt. */
export async function writeRecordWithNewKey(parts: {
  password: string;
  plaintext: Uint8Array<ArrayBuffer>;
  iterations: number;
  revision: number;
  random: RandomBytes;
}): Promise<WrittenVault> {
  if (typeof parts.password !== 'string' || parts.password.length === 0) {
    throw new VaultError('invalid-argument', 'password must not be empty');
  }
  checkIterations(parts.iterations);
  const salt = takeRandomBytes(parts.random, SALT_BYTES);
  const vaultKey = generateVaultKey(parts.random);
  const header = buildHeader({ iterations: parts.iterations, salt: encodeBase64(salt) }, parts.revision);
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
