/**
 * Passkey key slots: the vault key wrapped a second (third…) time, under a key derived from a passkey's PRF
 * output (WebAuthn's `prf` extension, CTAP2's hmac-secret). The password slot (`wrappedKey`) always stays. Slots
 * live in the header, so the payload's AAD authenticates every one of them; each wrapped key is also bound to
 * its slot's credential id and salts. Format: docs/vault-format.md, "Passkey slots".
 */
import { decodeBase64Strict as decodeBase64, encodeBase64 } from '../encoding/base64';
import { VaultError } from './errors';
import { takeRandomBytes, type RandomBytes } from './random-bytes';
import { openBytes, sealBytes, type SealedBytes } from './seal';
import { utf8Encode } from './utf8';
import {
  CIPHER_AES_256_GCM,
  GCM_TAG_BYTES,
  NONCE_BYTES,
  VAULT_FORMAT,
  VAULT_KEY_BYTES,
} from './vault-constants';

/** One passkey slot, as stored (members in this order). */
export interface PasskeySlot {
  /** The credential id, base64 (as WebAuthn returns it in `rawId`). */
  id: string;
  /** The user's name for it ("Windows Hello", "YubiKey"): shown in the list, not secret. */
  name: string;
  /** Milliseconds since 1970: when it was added. */
  createdAt: number;
  /** The PRF input (`prf.eval.first`), base64, 32 bytes. */
  prfSalt: string;
  /** HKDF-SHA256's salt for this slot, base64, 32 bytes. */
  hkdfSalt: string;
  /** The vault key under the slot key: AES-256-GCM, AAD = `slotAad`. */
  wrappedKey: { nonce: string; ciphertext: string };
}

/** What a list shows: never the salts or the wrapped key. */
export interface PasskeySlotInfo {
  id: string;
  name: string;
  createdAt: number;
}

/** What an unlock asks the authenticator for: the credential and the PRF input of each slot. */
export interface PasskeyChallenge {
  id: string;
  prfSalt: string;
}

export const PASSKEY_SALT_BYTES = 32;
/** The PRF output WebAuthn returns (`results.first`). */
export const PRF_OUTPUT_BYTES = 32;
export const MAX_PASSKEY_SLOTS = 10;
export const MAX_PASSKEY_NAME = 64;
/** WebAuthn allows credential ids of up to 1 023 bytes. */
export const MAX_CREDENTIAL_ID_BYTES = 1023;
const HKDF_INFO = utf8Encode('sekimori-vault passkey slot v1');
const SLOT_MEMBERS = ['id', 'name', 'createdAt', 'prfSalt', 'hkdfSalt', 'wrappedKey'];

function corrupt(detail: string): VaultError {
  return new VaultError('corrupt', detail);
}

/** The key that wraps the vault key in a slot: HKDF-SHA256(PRF output, the slot's salt, a fixed label). */
async function slotKey(prfOutput: Uint8Array, hkdfSalt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (!(prfOutput instanceof Uint8Array) || prfOutput.length !== PRF_OUTPUT_BYTES) {
    throw new VaultError('invalid-argument', 'a PRF output is 32 bytes');
  }
  const subtle = globalThis.crypto.subtle;
  const ikm = await subtle.importKey('raw', new Uint8Array(prfOutput), 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: hkdfSalt, info: HKDF_INFO },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** AAD of a slot's wrapped key: the format, the cipher and the slot's credential id and salts. */
function slotAad(slot: Pick<PasskeySlot, 'id' | 'prfSalt' | 'hkdfSalt'>): Uint8Array<ArrayBuffer> {
  return utf8Encode(
    JSON.stringify({
      format: VAULT_FORMAT,
      cipher: CIPHER_AES_256_GCM,
      slot: { id: slot.id, prfSalt: slot.prfSalt, hkdfSalt: slot.hkdfSalt },
    }),
  );
}

function checkName(name: unknown): string {
  if (typeof name !== 'string') throw new VaultError('invalid-argument', 'a passkey name is text');
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_PASSKEY_NAME) {
    throw new VaultError('invalid-argument', 'a passkey name has 1 to 64 characters');
  }
  return trimmed;
}

function credentialIdBytes(id: unknown): Uint8Array | null {
  const bytes = typeof id === 'string' ? decodeBase64(id) : null;
  return bytes !== null && bytes.length > 0 && bytes.length <= MAX_CREDENTIAL_ID_BYTES ? bytes : null;
}

/** A new slot for `vaultKey`, from the passkey's credential id, the PRF input used and its output. */
export async function makePasskeySlot(input: {
  vaultKey: Uint8Array;
  id: string;
  name: string;
  prfSalt: string;
  prfOutput: Uint8Array;
  createdAt: number;
  random: RandomBytes;
}): Promise<PasskeySlot> {
  if (credentialIdBytes(input.id) === null) throw new VaultError('invalid-argument', 'bad credential id');
  const prfSalt = decodeBase64(input.prfSalt);
  if (prfSalt === null || prfSalt.length !== PASSKEY_SALT_BYTES) {
    throw new VaultError('invalid-argument', 'a PRF input is 32 bytes');
  }
  if (!(input.vaultKey instanceof Uint8Array) || input.vaultKey.length !== VAULT_KEY_BYTES) {
    throw new VaultError('invalid-argument', 'vault key must be 32 bytes');
  }
  const hkdfSaltBytes = takeRandomBytes(input.random, PASSKEY_SALT_BYTES);
  const base = { id: input.id, prfSalt: input.prfSalt, hkdfSalt: encodeBase64(hkdfSaltBytes) };
  const key = await slotKey(input.prfOutput, hkdfSaltBytes);
  const sealed = await sealBytes(key, new Uint8Array(input.vaultKey), slotAad(base), input.random);
  return {
    id: base.id,
    name: checkName(input.name),
    createdAt: input.createdAt,
    prfSalt: base.prfSalt,
    hkdfSalt: base.hkdfSalt,
    wrappedKey: { nonce: encodeBase64(sealed.nonce), ciphertext: encodeBase64(sealed.ciphertext) },
  };
}

/** The vault key from a slot, or null when this PRF output (another credential, a tampered slot) does not open it. */
export async function unwrapPasskeySlot(
  slot: PasskeySlot,
  prfOutput: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const hkdfSalt = decodeBase64(slot.hkdfSalt)!;
  const wrapped: SealedBytes = {
    nonce: decodeBase64(slot.wrappedKey.nonce)!,
    ciphertext: decodeBase64(slot.wrappedKey.ciphertext)!,
  };
  const vaultKey = await openBytes(await slotKey(prfOutput, hkdfSalt), wrapped, slotAad(slot));
  return vaultKey !== null && vaultKey.length === VAULT_KEY_BYTES ? vaultKey : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exactBytes(value: unknown, length: number): boolean {
  const bytes = typeof value === 'string' ? decodeBase64(value) : null;
  return bytes !== null && bytes.length === length;
}

/** Checks the header's `passkeys` member (no key needed); throws 'corrupt'. */
export function parsePasskeySlots(value: unknown): PasskeySlot[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_PASSKEY_SLOTS) {
    throw corrupt('bad passkey slots');
  }
  const ids = new Set<string>();
  return value.map((slot: unknown) => {
    if (!isRecord(slot) || JSON.stringify(Object.keys(slot)) !== JSON.stringify(SLOT_MEMBERS)) {
      throw corrupt('unexpected members in a passkey slot');
    }
    const { id, name, createdAt, prfSalt, hkdfSalt, wrappedKey } = slot;
    if (credentialIdBytes(id) === null || ids.has(id as string)) throw corrupt('bad passkey credential id');
    ids.add(id as string);
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_PASSKEY_NAME) {
      throw corrupt('bad passkey name');
    }
    if (typeof createdAt !== 'number' || !Number.isSafeInteger(createdAt) || createdAt < 0) {
      throw corrupt('bad passkey date');
    }
    if (!exactBytes(prfSalt, PASSKEY_SALT_BYTES) || !exactBytes(hkdfSalt, PASSKEY_SALT_BYTES)) {
      throw corrupt('bad passkey salt');
    }
    if (
      !isRecord(wrappedKey) ||
      JSON.stringify(Object.keys(wrappedKey)) !== '["nonce","ciphertext"]' ||
      !exactBytes(wrappedKey.nonce, NONCE_BYTES) ||
      !exactBytes(wrappedKey.ciphertext, VAULT_KEY_BYTES + GCM_TAG_BYTES)
    ) {
      throw corrupt('bad passkey wrapped key');
    }
    return {
      id: id as string,
      name,
      createdAt,
      prfSalt: prfSalt as string,
      hkdfSalt: hkdfSalt as string,
      wrappedKey: { nonce: wrappedKey.nonce as string, ciphertext: wrappedKey.ciphertext as string },
    };
  });
}

export function slotInfo(slot: PasskeySlot): PasskeySlotInfo {
  return { id: slot.id, name: slot.name, createdAt: slot.createdAt };
}
