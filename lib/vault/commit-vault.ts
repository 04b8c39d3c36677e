import { VaultError } from './errors';
import { parseVaultRecord } from './parse-vault-record';
import { ALL_VAULT_STORAGE_KEYS, VAULT_STORAGE_KEYS, type KeyValueStore } from './vault-store';

export interface CommitVaultOptions {
  /**
   * The copy to keep under `vault_prev`; default `previousRecord`. A password change passes the new record
   * itself, so no copy that the old password opens stays in storage.
   */
  keepAsPrevious?: string;
  /**
   * Set when `previousRecord` was opened from the last good copy (`recoveredFromPrevious`): the damaged
   * current value is then moved to `vault_damaged` (appended, never dropped) instead of causing a conflict.
   */
  recovered?: boolean;
}

async function revisionOf(record: string, what: string): Promise<number> {
  try {
    const parsed = await parseVaultRecord(record);
    if (!parsed.readOnly) return parsed.header.revision;
  } catch {
    // reported below
  }
  throw new VaultError('invalid-argument', `${what} is not a valid current-version record`);
}

/**
 * Writes `newRecord` as the current vault and the last good copy under `vault_prev` in ONE `set()` (atomic).
 * `previousRecord` is the record `newRecord` was derived from, or null to create the first vault (only when
 * nothing at all is stored). Throws 'conflict' when storage no longer holds `previousRecord` (re-read, retry)
 * and 'invalid-argument' for records that are not valid or do not advance the revision. Never deletes.
 */
export async function commitVault(
  store: KeyValueStore,
  newRecord: string,
  previousRecord: string | null,
  options: CommitVaultOptions = {},
): Promise<void> {
  const revision = await revisionOf(newRecord, 'new record');
  const keepAsPrevious = options.keepAsPrevious ?? previousRecord;
  if (previousRecord !== null && revision <= (await revisionOf(previousRecord, 'previous record'))) {
    throw new VaultError('invalid-argument', 'revision does not advance');
  }
  if (keepAsPrevious !== null && keepAsPrevious !== newRecord) await revisionOf(keepAsPrevious, 'kept copy');
  const stored = await store.get([...ALL_VAULT_STORAGE_KEYS]);
  if (previousRecord === null) {
    if (ALL_VAULT_STORAGE_KEYS.some((key) => stored[key] !== undefined)) {
      throw new VaultError('conflict', 'a vault is already stored');
    }
    await store.set({ [VAULT_STORAGE_KEYS.current]: newRecord });
    return;
  }
  const items: Record<string, unknown> = {
    [VAULT_STORAGE_KEYS.current]: newRecord,
    [VAULT_STORAGE_KEYS.previous]: keepAsPrevious,
  };
  const current = stored[VAULT_STORAGE_KEYS.current];
  if (current !== previousRecord) {
    if (!options.recovered || stored[VAULT_STORAGE_KEYS.previous] !== previousRecord) {
      throw new VaultError('conflict', 'the stored vault changed');
    }
    if (current !== undefined) {
      const damaged = stored[VAULT_STORAGE_KEYS.damaged];
      const kept = damaged === undefined ? [] : Array.isArray(damaged) ? damaged : [damaged];
      items[VAULT_STORAGE_KEYS.damaged] = [...kept, current];
    }
  }
  await store.set(items);
}
