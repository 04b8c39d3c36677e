/**
 * Opens an encrypted Aegis vault: for each password slot (`type: 1`), scrypt(UTF-8 password, salt, N, r, p, 32)
 * unwraps the master key (AES-256-GCM over `key || key_params.tag`); the master key opens `db || params.tag`.
 * scrypt comes from @noble/hashes (audited), AES-GCM from WebCrypto. Slot parameters are checked against the
 * limits in import-limits.ts before any scrypt run, and the slots that would be tried together against KDF_BUDGET
 * (lib/kdf-budget.ts): more is 'kdf-too-costly', before the first derivation (and, through checkAegisKdfBudget,
 * before a password is even asked for). No slot opens: 'wrong-password'. The master key opens but the content does
 * not: 'corrupt-backup'.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { withinKdfBudget } from '../../kdf-budget';
import { FormatError } from '../format-error';
import { concatBytes, decodeBase64, decodeHex } from './bytes';
import {
  MAX_PASSWORD_SLOTS,
  SCRYPT_MAX_N,
  SCRYPT_MAX_N_TIMES_R,
  SCRYPT_MAX_WORK,
  SCRYPT_MIN_N,
} from './import-limits';
import { isJsonObject, own, ownObject, type JsonObject } from './json-value';
import { openAesGcm } from './web-crypto';

const PASSWORD_SLOT = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const MAX_R = 32;
const MAX_P = 16;

interface PasswordSlot {
  wrappedKey: Uint8Array;
  nonce: Uint8Array;
  tag: Uint8Array;
  salt: Uint8Array;
  n: number;
  r: number;
  p: number;
}

/** The decrypted content bytes, or FormatError. */
export async function unlockAegis(header: JsonObject, db: string, password: string): Promise<Uint8Array> {
  const params = ownObject(header, 'params');
  const nonce = params === undefined ? null : decodeHex(own(params, 'nonce'), NONCE_BYTES);
  const tag = params === undefined ? null : decodeHex(own(params, 'tag'), TAG_BYTES);
  const ciphertext = decodeBase64(db);
  const slots = own(header, 'slots');
  if (nonce === null || tag === null || ciphertext === null || !Array.isArray(slots)) {
    throw new FormatError('corrupt-backup');
  }
  const masterKey = await openAnySlot(slots, new TextEncoder().encode(password));
  const plain = await openAesGcm(masterKey, nonce, concatBytes(ciphertext, tag));
  if (plain === null) throw new FormatError('corrupt-backup');
  return plain;
}

/**
 * Throws 'kdf-too-costly' when the password slots of an encrypted vault's header would together cost more than
 * KDF_BUDGET; anything else about the header is left to unlockAegis. Cheap: no derivation.
 */
export function checkAegisKdfBudget(header: JsonObject | undefined): void {
  const slots = header === undefined ? undefined : own(header, 'slots');
  if (Array.isArray(slots)) passwordSlots(slots);
}

/**
 * The password slots that would be tried, in order (at most MAX_PASSWORD_SLOTS; damaged or unsupported ones left
 * out), and the error to report if none is left. Their summed cost is checked here, before any is derived.
 */
function passwordSlots(slots: readonly unknown[]): { usable: PasswordSlot[]; failure: FormatError } {
  const candidates = slots
    .filter((slot): slot is JsonObject => isJsonObject(slot) && own(slot, 'type') === PASSWORD_SLOT)
    .slice(0, MAX_PASSWORD_SLOTS);
  // An export always has a password slot: none left means the header was damaged.
  let failure = new FormatError('corrupt-backup');
  const usable: PasswordSlot[] = [];
  for (const candidate of candidates) {
    const slot = readSlot(candidate);
    if (slot instanceof FormatError) failure = slot;
    else usable.push(slot);
  }
  if (!withinKdfBudget(usable.map(({ n, r, p }) => ({ kind: 'scrypt', n, r, p })))) {
    throw new FormatError('kdf-too-costly');
  }
  return { usable, failure };
}

async function openAnySlot(slots: readonly unknown[], password: Uint8Array): Promise<Uint8Array> {
  const { usable, failure } = passwordSlots(slots);
  for (const slot of usable) {
    const keyEncryptionKey = await scryptAsync(password, slot.salt, {
      N: slot.n,
      r: slot.r,
      p: slot.p,
      dkLen: KEY_BYTES,
      maxmem: 2 * 128 * SCRYPT_MAX_N_TIMES_R,
    });
    const masterKey = await openAesGcm(keyEncryptionKey, slot.nonce, concatBytes(slot.wrappedKey, slot.tag));
    if (masterKey !== null && masterKey.length === KEY_BYTES) return masterKey;
  }
  throw usable.length > 0 ? new FormatError('wrong-password') : failure;
}

function readSlot(slot: JsonObject): PasswordSlot | FormatError {
  const keyParams = ownObject(slot, 'key_params');
  const wrappedKey = decodeHex(own(slot, 'key'), KEY_BYTES);
  const nonce = keyParams === undefined ? null : decodeHex(own(keyParams, 'nonce'), NONCE_BYTES);
  const tag = keyParams === undefined ? null : decodeHex(own(keyParams, 'tag'), TAG_BYTES);
  const salt = decodeHex(own(slot, 'salt'), SALT_BYTES);
  const [n, r, p] = [own(slot, 'n'), own(slot, 'r'), own(slot, 'p')];
  if (wrappedKey === null || nonce === null || tag === null || salt === null)
    return new FormatError('corrupt-backup');
  if (
    !isInteger(n) ||
    !isInteger(r) ||
    !isInteger(p) ||
    !isPowerOfTwo(n) ||
    n < SCRYPT_MIN_N ||
    r < 1 ||
    p < 1
  ) {
    return new FormatError('corrupt-backup');
  }
  if (
    n > SCRYPT_MAX_N ||
    r > MAX_R ||
    p > MAX_P ||
    n * r > SCRYPT_MAX_N_TIMES_R ||
    n * r * p > SCRYPT_MAX_WORK
  ) {
    return new FormatError('unsupported-version');
  }
  return { wrappedKey, nonce, tag, salt, n, r, p };
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isPowerOfTwo(value: number): boolean {
  return value > 0 && value <= 2 ** 52 && 2 ** Math.round(Math.log2(value)) === value;
}
