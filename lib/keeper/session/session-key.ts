/**
 * The unlocked vault key lives only in session storage (memory, trusted contexts only): it survives the
 * service worker being stopped, and the browser drops it on restart, extension update and reload. Next to it,
 * written in the same `set()`, are when it was unlocked and when it must lock at the latest (the deadline), so a
 * key is never kept without its deadline.
 */
import { decodeVaultKey, encodeVaultKey, type KeyValueStore } from '../../vault';
import { SESSION_DEADLINE_KEY, SESSION_REVISION_KEY } from '../../protocol/code-sheet';
import { heldSecretsCleared } from './held-secrets';

const KEY = 'unlocked';
const SINCE = 'unlocked_at';
const DEADLINE = SESSION_DEADLINE_KEY;
/**
 * The highest vault revision this browser session has seen (kept across lock and unlock, gone at restart): a
 * stored record older than that was written back by someone else (a replayed copy), and is never served as if
 * nothing happened.
 */
const SEEN_REVISION = SESSION_REVISION_KEY;

export interface SessionUnlock {
  key: Uint8Array;
  /** When the vault was unlocked (ms since epoch). */
  unlockedAt: number;
  /** When it locks at the latest (ms since epoch); NaN when missing or unreadable (then it locks at once). */
  deadline: number;
  /** The highest vault revision seen in this browser session (0: none). */
  seenRevision: number;
}

const timeOf = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;

/** The key and its times while unlocked, or null when locked (no key, or an unreadable one). */
export async function readSessionUnlock(session: KeyValueStore): Promise<SessionUnlock | null> {
  const items = await session.get([KEY, SINCE, DEADLINE, SEEN_REVISION]);
  const value = items[KEY];
  if (typeof value !== 'string' || value === '') return null;
  try {
    return {
      key: decodeVaultKey(value),
      unlockedAt: timeOf(items[SINCE]),
      deadline: timeOf(items[DEADLINE]),
      seenRevision: revisionOf(items[SEEN_REVISION]),
    };
  } catch {
    return null;
  }
}

const revisionOf = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;

export async function readSeenRevision(session: KeyValueStore): Promise<number> {
  return revisionOf((await session.get([SEEN_REVISION]))[SEEN_REVISION]);
}

/** Remembers `revision` as seen (only ever upwards: the caller passes what it read before). */
export async function noteSeenRevision(session: KeyValueStore, revision: number): Promise<void> {
  await session.set({ [SEEN_REVISION]: revision });
}

export async function writeSessionUnlock(
  session: KeyValueStore,
  unlock: Omit<SessionUnlock, 'seenRevision'>,
): Promise<void> {
  await session.set({
    [KEY]: encodeVaultKey(unlock.key),
    [SINCE]: unlock.unlockedAt,
    [DEADLINE]: unlock.deadline,
  });
}

/** Locks: the key, its times, and every secret held for later (held-secrets.ts) go in one write. */
export async function clearSessionKey(session: KeyValueStore): Promise<void> {
  await session.set({ [KEY]: '', [SINCE]: 0, [DEADLINE]: 0, ...heldSecretsCleared() });
}

/** Clears the key only if it is still `key` (a password change may have put the new one there meanwhile). */
export async function clearSessionKeyIf(session: KeyValueStore, key: Uint8Array): Promise<void> {
  const current = await readSessionUnlock(session);
  if (current && encodeVaultKey(current.key) === encodeVaultKey(key)) await clearSessionKey(session);
}
