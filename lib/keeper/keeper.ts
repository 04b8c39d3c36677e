/**
 * The keeper: everything the background does with account data, written against injected stores and a
 * clock so it runs the same in the service worker and in unit tests. It is the only writer of the vault.
 */
import type { VaultStatus } from '../messages';
import {
  commitVault,
  createVault,
  isVaultError,
  openStoredVault,
  openVault,
  readCurrentRecord,
  readStoredVault,
  sealVault,
  unlockStoredVault,
  type KeyValueStore,
  type StoredVault,
} from '../vault';
import { KeeperError } from './keeper-error';
import { clearSessionKey, readSessionKey, writeSessionKey } from './session-key';
import { EMPTY_PAYLOAD, type VaultPayload } from './stored-account';
import { checkPayload } from './check-payload';

export interface KeeperDeps {
  local: KeyValueStore;
  session: KeyValueStore;
  now: () => number;
  /** Random lowercase hex id. */
  newId: () => string;
}

export const MIN_PASSWORD_LENGTH = 8;
/** Deleted accounts can be restored for this long, then they are purged from the vault. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

interface Opened {
  payload: VaultPayload;
  record: string;
  readOnly: boolean;
  recovered: boolean;
}

export class Keeper {
  /** Serialises writes inside this worker: one mutation at a time, each on the latest stored record. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The last record opened and its payload: reused while storage holds the same record and key. */
  private lastOpened: { record: string; key: Uint8Array; opened: Opened } | null = null;

  constructor(private readonly deps: KeeperDeps) {}

  async status(): Promise<VaultStatus> {
    return (await this.snapshot()).status;
  }

  /** The vault's state and, when unlocked, its payload, from one read of storage. */
  async snapshot(): Promise<{ status: VaultStatus; payload: VaultPayload | null; record?: string }> {
    const key = await readSessionKey(this.deps.session);
    const fast = key && (await this.openCurrent(key));
    if (fast) {
      const status: VaultStatus = { vault: 'unlocked', readOnly: fast.readOnly, recovered: false };
      return { status, payload: fast.payload, record: fast.record };
    }
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') return { status: { vault: 'absent' }, payload: null };
    // A damaged current record with a good previous copy can still be unlocked (from that copy).
    const openable = stored.state === 'present' || stored.previous !== undefined;
    if (!key) return { status: { vault: openable ? 'locked' : 'unreadable' }, payload: null };
    try {
      const opened = await this.open(key, stored);
      const status: VaultStatus = {
        vault: 'unlocked',
        readOnly: opened.readOnly,
        recovered: opened.recovered,
      };
      return { status, payload: opened.payload, record: opened.record };
    } catch (error) {
      if (error instanceof KeeperError && error.code === 'locked')
        return { status: { vault: 'locked' }, payload: null };
      if (isVaultError(error, 'corrupt')) return { status: { vault: 'unreadable' }, payload: null };
      throw error;
    }
  }

  async create(password: string): Promise<VaultStatus> {
    if (password.length < MIN_PASSWORD_LENGTH) throw new KeeperError('password-too-short');
    return this.exclusive(async () => {
      const stored = await readStoredVault(this.deps.local);
      // Only a vault that is truly absent may be created; an unreadable one is never replaced.
      if (stored.state !== 'absent') throw new KeeperError('vault-exists');
      const { record, vaultKey } = await createVault<VaultPayload>(password, EMPTY_PAYLOAD);
      await commitVault(this.deps.local, record, null);
      await writeSessionKey(this.deps.session, vaultKey);
      return this.status();
    });
  }

  async unlock(password: string): Promise<VaultStatus> {
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') throw new KeeperError('no-vault');
    const { vaultKey } = await unlockStoredVault<VaultPayload>(stored, password);
    await writeSessionKey(this.deps.session, vaultKey);
    return this.status();
  }

  /** Checks the vault password again (before an export) without changing anything; throws `wrong-password`. */
  async verifyPassword(password: string): Promise<void> {
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') throw new KeeperError('no-vault');
    await unlockStoredVault<VaultPayload>(stored, password);
  }

  async lock(): Promise<VaultStatus> {
    this.lastOpened = null;
    await clearSessionKey(this.deps.session);
    return this.status();
  }

  /**
   * Applies `change` to the latest payload and commits it in one storage write (the record it replaces is
   * kept as the last good copy). Returns what `change` returned; if `change` throws, nothing is written.
   */
  async mutate<T>(change: (payload: VaultPayload) => T): Promise<T> {
    return this.exclusive(async () => {
      const key = await this.requireKey();
      const opened = await this.open(key);
      if (opened.readOnly) throw new KeeperError('read-only');
      const payload = structuredClone(opened.payload);
      const result = change(payload);
      const cutoff = this.deps.now() - UNDO_WINDOW_MS;
      payload.accounts = payload.accounts.filter((a) => a.deletedAt === undefined || a.deletedAt > cutoff);
      const record = await sealVault(opened.record, key, payload);
      await commitVault(this.deps.local, record, opened.record, { recovered: opened.recovered });
      return result;
    });
  }

  private async requireKey(): Promise<Uint8Array> {
    const key = await readSessionKey(this.deps.session);
    if (!key) throw new KeeperError('locked');
    return key;
  }

  /**
   * The common case in one small read: unlocked, and the current record intact and opening with the session
   * key. Anything else returns null and goes through the full read with its fallbacks.
   */
  private async openCurrent(key: Uint8Array): Promise<Opened | null> {
    const record = await readCurrentRecord(this.deps.local);
    if (!record) return null;
    const last = this.lastOpened;
    if (last && last.record === record && sameBytes(last.key, key)) return last.opened;
    try {
      const o = await openVault<VaultPayload>(record, key);
      const opened = { payload: checkPayload(o.payload), record, readOnly: o.readOnly, recovered: false };
      this.lastOpened = { record, key, opened };
      return opened;
    } catch {
      return null;
    }
  }

  private async open(key: Uint8Array, known?: StoredVault): Promise<Opened> {
    if (!known) {
      const fast = await this.openCurrent(key);
      if (fast) return fast;
    }
    const stored = known ?? (await readStoredVault(this.deps.local));
    if (stored.state === 'absent') throw new KeeperError('no-vault');
    try {
      const o = await openStoredVault<VaultPayload>(stored, key);
      return {
        payload: checkPayload(o.payload),
        record: o.record,
        readOnly: o.readOnly,
        recovered: o.recoveredFromPrevious,
      };
    } catch (error) {
      // The key in the session no longer fits the stored vault (replaced, re-keyed): lock and ask again.
      if (isVaultError(error, 'wrong-key')) {
        await clearSessionKey(this.deps.session);
        throw new KeeperError('locked');
      }
      throw error;
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
