/**
 * Values Sekimori keeps in `storage.local` outside the vault — the lock settings (`settings`) and the clock check
 * (`clock`) — are not secret, but they decide when the vault locks and at what time codes are made. Every content
 * script can read AND write `storage.local` (only `storage.session` has an access level), so a compromised renderer
 * of any page one of our scripts runs in could set "never lock" or a clock 24 h off. So each such value carries a
 * tag: HMAC-SHA256 under a key derived (HKDF-SHA256) from the vault key, which exists only inside the encrypted
 * vault record and, while unlocked, in `storage.session` (trusted contexts only). The tag covers the key name and
 * every member of the value; a tag from another vault, or for another key, does not verify. A value that does not
 * verify is not used: the callers fall back to safe values (lock-settings.ts, clock.ts) and report it
 * (ignored-settings.ts).
 *
 * Decisions:
 * - Untagged values — from a version before tags, or written by an attacker: the two cannot be told apart — are
 *   never adopted, not even "if within their normal limits". The callers use their defaults, keeping only a choice
 *   that is stricter than the default (a shorter idle lock, locking with the screen).
 * - Writes while locked (the options page may change settings while locked): there is no key to tag with. The value
 *   is written untagged and vouched for in `storage.session` (a copy; trusted contexts only, it survives the service
 *   worker, the browser drops it at restart): a stored value equal to the vouched copy is ours. The next unlock tags
 *   it (`sealVouched`). If the browser restarts before, it is one more untagged value (see above).
 * - A write while locked over a tagged value that cannot be checked (after a browser restart, before the first
 *   unlock) is refused with `locked`: merging a change into a value that may be forged would launder it.
 * - A password change makes a new vault key: the values the old key verifies are vouched for first, then tagged
 *   again with the new key (a browser restart in between leaves them untagged: defaults and a report, never more).
 * - Known limit: an older value of the same vault, with its tag, can be written back (it is authentic, only stale).
 */
import { decodeBase64Strict, encodeBase64 } from '../../encoding/base64';
import type { KeyValueStore } from '../../vault';
import { utf8Encode } from '../../vault/utf8';
import { readSessionUnlock } from '../session/session-key';

/** The member of a stored value that holds its tag. */
export const TAG_MEMBER = 'tag';
/** storage.session, per name: the value Sekimori last wrote in this browser session (canonical JSON). */
const vouchedKey = (name: string) => `vouched_${name}`;
const HKDF_INFO = utf8Encode('sekimori: tags of storage.local values, v1');
const MAC_LABEL = 'sekimori-local-tag-v1';

export type Trust =
  /** Nothing stored. */
  | 'absent'
  /** Written by Sekimori: its tag verifies under this vault's key, or it is the value vouched for this session. */
  | 'trusted'
  /** Unusable: no tag, a tag that does not verify, or not an object. */
  | 'untrusted'
  /** Tagged, but locked: no key to check it now. Nothing may be decided on it (it is only shown). */
  | 'unknown';

export interface TaggedValue {
  /** The stored members, without the tag ({} when absent or not an object). */
  value: Record<string, unknown>;
  trust: Trust;
}

export interface TagStores {
  local: KeyValueStore;
  session: KeyValueStore;
}

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON with the members of every object in sorted order: the same value always gives the same text (tags here; the
 * synced state's bytes in lib/keeper/sync).
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (plainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function withoutTag(value: Record<string, unknown>): Record<string, unknown> {
  const { [TAG_MEMBER]: _tag, ...rest } = value;
  return rest;
}

/** The tag key of one vault key (derived at each use: no copy of the vault key is kept for it). */
async function macKey(vaultKey: Uint8Array): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', new Uint8Array(vaultKey), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: HKDF_INFO },
    ikm,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
}

const macInput = (name: string, value: Record<string, unknown>) =>
  utf8Encode(`${MAC_LABEL}\n${name}\n${canonical(withoutTag(value))}`);

/** The tag of `value` stored under `name` (Base64). */
export async function tagOf(
  vaultKey: Uint8Array,
  name: string,
  value: Record<string, unknown>,
): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await macKey(vaultKey), macInput(name, value));
  return encodeBase64(new Uint8Array(mac));
}

async function tagVerifies(
  vaultKey: Uint8Array,
  name: string,
  value: Record<string, unknown>,
): Promise<boolean> {
  const tag = value[TAG_MEMBER];
  if (typeof tag !== 'string' || tag.length > 100) return false;
  const mac = decodeBase64Strict(tag);
  if (!mac) return false;
  return crypto.subtle.verify('HMAC', await macKey(vaultKey), mac, macInput(name, value));
}

async function vouched(session: KeyValueStore, name: string): Promise<unknown> {
  return (await session.get([vouchedKey(name)]))[vouchedKey(name)];
}

async function vouch(session: KeyValueStore, name: string, value: Record<string, unknown>): Promise<void> {
  await session.set({ [vouchedKey(name)]: canonical(withoutTag(value)) });
}

/** The session's vault key while unlocked (the deadline is the keeper's business), else null. */
async function sessionKey(session: KeyValueStore): Promise<Uint8Array | null> {
  return (await readSessionUnlock(session))?.key ?? null;
}

/**
 * The value stored under `name` and whether it can be trusted. `key`: the vault key to check with (default: the
 * session's; null: none).
 */
export async function readTagged(
  stores: TagStores,
  name: string,
  key?: Uint8Array | null,
): Promise<TaggedValue> {
  const stored = (await stores.local.get([name]))[name];
  if (stored === undefined) return { value: {}, trust: 'absent' };
  if (!plainObject(stored)) return { value: {}, trust: 'untrusted' };
  const value = withoutTag(stored);
  if ((await vouched(stores.session, name)) === canonical(value)) return { value, trust: 'trusted' };
  if (typeof stored[TAG_MEMBER] !== 'string') return { value, trust: 'untrusted' };
  const vaultKey = key === undefined ? await sessionKey(stores.session) : key;
  if (!vaultKey) return { value, trust: 'unknown' };
  return { value, trust: (await tagVerifies(vaultKey, name, stored)) ? 'trusted' : 'untrusted' };
}

/**
 * Stores `value` under `name` as Sekimori's own: tagged with the session's vault key while unlocked, and vouched
 * for in this browser session either way (untagged while locked: tagged by `sealVouched` at the next unlock).
 */
export async function writeTagged(
  stores: TagStores,
  name: string,
  value: Record<string, unknown>,
): Promise<void> {
  const members = withoutTag(value);
  const key = await sessionKey(stores.session);
  // Vouched for first: a value of ours that lands without its voucher would read as untrusted (safe, but wrong).
  await vouch(stores.session, name, members);
  await stores.local.set({
    [name]: key ? { ...members, [TAG_MEMBER]: await tagOf(key, name, members) } : members,
  });
}

/** Before the vault key changes (password change): vouches for every value the current key verifies. */
export async function vouchVerified(stores: TagStores, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const { value, trust } = await readTagged(stores, name);
    if (trust === 'trusted') await vouch(stores.session, name, value);
  }
}

/**
 * While unlocked: tags the values vouched for (written while locked, or before a password change) whose tag does
 * not verify under the session's key.
 */
export async function sealVouched(stores: TagStores, names: readonly string[]): Promise<void> {
  const key = await sessionKey(stores.session);
  if (!key) return;
  for (const name of names) {
    const stored = (await stores.local.get([name]))[name];
    if (!plainObject(stored) || (await tagVerifies(key, name, stored))) continue;
    const { value, trust } = await readTagged(stores, name, key);
    if (trust === 'trusted') await writeTagged(stores, name, value);
  }
}
