/**
 * Opens an encrypted 2FAS backup. `servicesEncrypted` = `b64(ciphertext || tag) ":" b64(salt) ":" b64(iv)`;
 * key = PBKDF2-HMAC-SHA256(UTF-8 password, salt, 10 000, 256 bit); AES-256-GCM. As the app does, the `reference`
 * field (a fixed text encrypted with the same key and salt, its own IV) is opened first: if it does not open to the
 * known text the password is wrong. Then the services not opening means 'corrupt-backup'. Without `reference`
 * (old exports) a services block that does not open is 'wrong-password'.
 */
import { FormatError } from '../format-error';
import { decodeBase64 } from './bytes';
import { TWOFAS_ITERATIONS } from './import-limits';
import { own, type JsonObject } from './json-value';
import { openAesGcm, pbkdf2 } from './web-crypto';

/** 2fas-android `BackupContent.Reference`. */
const REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';

const MIN_SALT_BYTES = 16;
const MAX_SALT_BYTES = 1024;

interface Sealed {
  ciphertext: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
}

/** The decrypted services JSON bytes, or FormatError. */
export async function unlockTwoFas(backup: JsonObject, password: string): Promise<Uint8Array> {
  const services = readSealed(own(backup, 'servicesEncrypted'));
  const rawReference = own(backup, 'reference');
  const reference =
    rawReference === undefined || rawReference === null ? undefined : readSealed(rawReference);
  if (services === null || reference === null) throw new FormatError('corrupt-backup');
  if (reference !== undefined && !sameBytes(reference.salt, services.salt))
    throw new FormatError('corrupt-backup');

  const key = await pbkdf2(new TextEncoder().encode(password), services.salt, TWOFAS_ITERATIONS, 'SHA-256');
  if (reference !== undefined) {
    const opened = await openAesGcm(key, reference.iv, reference.ciphertext);
    if (opened === null || new TextDecoder().decode(opened) !== REFERENCE)
      throw new FormatError('wrong-password');
  }
  const plain = await openAesGcm(key, services.iv, services.ciphertext);
  if (plain === null) throw new FormatError(reference === undefined ? 'wrong-password' : 'corrupt-backup');
  return plain;
}

function readSealed(value: unknown): Sealed | null {
  if (typeof value !== 'string') return null;
  const parts = value.split(':');
  if (parts.length !== 3) return null;
  const [ciphertext, salt, iv] = parts.map(decodeBase64);
  if (!ciphertext || !salt || !iv) return null;
  if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) return null;
  return { ciphertext, salt, iv };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
