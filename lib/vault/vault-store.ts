import { hasValidChecksum } from './record-checksum';

/** The slice of `browser.storage.local` the vault needs; injected so tests use a plain object. */
export interface KeyValueStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Storage keys: the current record, the last good copy, and records that were found damaged (never deleted). */
export const VAULT_STORAGE_KEYS = {
  current: 'vault',
  previous: 'vault_prev',
  damaged: 'vault_damaged',
} as const;

export const ALL_VAULT_STORAGE_KEYS = Object.values(VAULT_STORAGE_KEYS);

/**
 * What storage holds. Only 'absent' (none of the keys exists) may lead to creating a new vault.
 * 'present': the current record is intact (checksum); `previous` is given when that copy is intact too.
 * 'unreadable': something is stored but the current record is missing, not a string, or damaged;
 * `previous` is given when the last good copy is intact, so it can still be opened.
 */
export type StoredVault =
  | { state: 'absent' }
  | { state: 'present'; current: string; previous?: string }
  | { state: 'unreadable'; reason: 'missing' | 'not-a-string' | 'corrupt'; previous?: string };

/**
 * The fast path for reads: only the current record, when it is intact. Returns null when anything else is
 * the case (absent, damaged…), and the caller then uses `readStoredVault` for the full picture.
 */
export async function readCurrentRecord(store: KeyValueStore): Promise<string | null> {
  const current = (await store.get([VAULT_STORAGE_KEYS.current]))[VAULT_STORAGE_KEYS.current];
  return typeof current === 'string' && (await hasValidChecksum(current)) ? current : null;
}

/** Reads and classifies the stored vault (one `get`, checksums only: no KDF, no decryption). */
export async function readStoredVault(store: KeyValueStore): Promise<StoredVault> {
  const items = await store.get([...ALL_VAULT_STORAGE_KEYS]);
  const current = items[VAULT_STORAGE_KEYS.current];
  const previousValue = items[VAULT_STORAGE_KEYS.previous];
  if (ALL_VAULT_STORAGE_KEYS.every((key) => items[key] === undefined)) return { state: 'absent' };
  const previous = (await hasValidChecksum(previousValue)) ? { previous: previousValue as string } : {};
  if (typeof current === 'string' && (await hasValidChecksum(current))) {
    return { state: 'present', current, ...previous };
  }
  const reason = current === undefined ? 'missing' : typeof current === 'string' ? 'corrupt' : 'not-a-string';
  return { state: 'unreadable', reason, ...previous };
}
