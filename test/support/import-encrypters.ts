/**
 * Test-only writers of other apps' encrypted backup layouts (Aegis scrypt slots, 2FAS PBKDF2-SHA256, andOTP
 * PBKDF2-SHA1 and its old SHA-256 layout), built from otp-formats.md with WebCrypto and @noble/hashes. Random
 * salts, keys and nonces unless a test fixes the cost: Aegis at N = 2^10 by default (the importer's floor) so that
 * tests stay fast; the real Aegis file (N = 2^15) is tested separately.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { encodeBase64 } from '../../lib/encoding/base64';
import type { Account } from '../../lib/otp/account';
import { aegisContent, andOtpEntries, twoFasServices } from './import-encoders';

const subtle = globalThis.crypto.subtle;
const utf8 = (text: string) => new TextEncoder().encode(text);
const random = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** AES-256-GCM: `ciphertext || tag`. */
export async function sealGcm(key: Uint8Array, iv: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(iv) }, cryptoKey, new Uint8Array(plain)),
  );
}

async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: string,
): Promise<Uint8Array> {
  const base = await subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(
    await subtle.deriveBits({ name: 'PBKDF2', hash, salt: new Uint8Array(salt), iterations }, base, 256),
  );
}

export interface AegisOptions {
  n?: number;
  r?: number;
  p?: number;
  /** Extra slots written before the password slot (e.g. a biometric slot, type 2). */
  extraSlots?: object[];
  /** Content to encrypt instead of the accounts' (any JSON value). */
  content?: unknown;
}

export async function aegisEncrypted(
  accounts: readonly Account[],
  password: string,
  options: AegisOptions = {},
): Promise<string> {
  const { n = 2 ** 10, r = 8, p = 1 } = options;
  const masterKey = random(32);
  const salt = random(32);
  const slotNonce = random(12);
  const keyEncryptionKey = await scryptAsync(utf8(password), salt, { N: n, r, p, dkLen: 32 });
  const wrapped = await sealGcm(keyEncryptionKey, slotNonce, masterKey);
  const dbNonce = random(12);
  const content = options.content === undefined ? aegisContent(accounts) : options.content;
  const sealedDb = await sealGcm(masterKey, dbNonce, utf8(JSON.stringify(content)));
  const slot = {
    type: 1,
    uuid: '11111111-2222-4333-8444-555555555555',
    key: hex(wrapped.subarray(0, 32)),
    key_params: { nonce: hex(slotNonce), tag: hex(wrapped.subarray(32)) },
    n,
    r,
    p,
    salt: hex(salt),
    repaired: true,
    is_backup: false,
  };
  return JSON.stringify(
    {
      version: 1,
      header: {
        slots: [...(options.extraSlots ?? []), slot],
        params: { nonce: hex(dbNonce), tag: hex(sealedDb.subarray(sealedDb.length - 16)) },
      },
      db: encodeBase64(sealedDb.subarray(0, sealedDb.length - 16)),
    },
    null,
    4,
  );
}

const TWOFAS_REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';

export interface TwoFasOptions {
  schemaVersion?: number;
  /** Leave out the `reference` field (older exports). */
  withoutReference?: boolean;
  /** Services to encrypt instead of the accounts' (any JSON value). */
  services?: unknown;
}

export async function twoFasEncrypted(
  accounts: readonly Account[],
  password: string,
  options: TwoFasOptions = {},
): Promise<string> {
  const salt = random(256);
  const key = await pbkdf2(password, salt, 10_000, 'SHA-256');
  const seal = async (text: string) => {
    const iv = random(12);
    return `${encodeBase64(await sealGcm(key, iv, utf8(text)))}:${encodeBase64(salt)}:${encodeBase64(iv)}`;
  };
  const services = options.services === undefined ? twoFasServices(accounts) : options.services;
  return JSON.stringify({
    services: [],
    groups: [],
    updatedAt: 1_700_000_000_000,
    schemaVersion: options.schemaVersion ?? 4,
    appVersionCode: 5000009,
    appVersionName: '5.1.0',
    appOrigin: 'android',
    servicesEncrypted: await seal(JSON.stringify(services)),
    ...(options.withoutReference ? {} : { reference: await seal(TWOFAS_REFERENCE) }),
  });
}

/** `[iterations BE][salt 12][iv 12][ciphertext || tag]`, PBKDF2-SHA1; low iteration counts keep tests fast. */
export async function andOtpEncrypted(
  accounts: readonly Account[],
  password: string,
  iterations = 1_000,
  plain = JSON.stringify(andOtpEntries(accounts)),
): Promise<Uint8Array> {
  const salt = random(12);
  const iv = random(12);
  const sealed = await sealGcm(await pbkdf2(password, salt, iterations, 'SHA-1'), iv, utf8(plain));
  const out = new Uint8Array(4 + 12 + 12 + sealed.length);
  new DataView(out.buffer).setUint32(0, iterations, false);
  out.set(salt, 4);
  out.set(iv, 16);
  out.set(sealed, 28);
  return out;
}

/** Old layout: `[iv 12][ciphertext || tag]`, key = SHA-256(password). `iv` may be fixed by a test. */
export async function andOtpEncryptedOld(
  accounts: readonly Account[],
  password: string,
  iv = random(12),
): Promise<Uint8Array> {
  const key = new Uint8Array(await subtle.digest('SHA-256', utf8(password)));
  const sealed = await sealGcm(key, iv, utf8(JSON.stringify(andOtpEntries(accounts))));
  const out = new Uint8Array(12 + sealed.length);
  out.set(iv);
  out.set(sealed, 12);
  return out;
}
