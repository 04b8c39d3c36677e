/**
 * Sync on this browser: the vault's replicated state (lib/sync, docs/sync-merge.md) carried through the
 * browser's own sync service (`storage.sync`) as one sealed record split into items (docs/sync-format.md). Only
 * ciphertext leaves: the record is sealed with the vault key, beside the vault's own password slot, so another
 * browser opens it with the password alone.
 *
 * One run (`syncNow`, one at a time): read the synced items; open the record with this browser's key (or the key
 * before its last password change); merge it with the local state inside the vault's own lock, saving the vault
 * only if something changed; then write the merged state if it differs from what is synced — within the quota
 * (else: paused, and says by how much) and the write limits, in the order that never lets a reader see half a
 * record. A record under a key this browser does not have (a password changed elsewhere) is never written over:
 * this browser goes on locally and asks for the new password.
 */
import type { SyncJoinPreview, SyncProblem, SyncStatus } from '../../messages';
import {
  inspectSyncRecord,
  isSyncRecordError,
  nextWriteAt,
  openSyncRecordWithKey,
  openSyncRecordWithPassword,
  planWrite,
  previewUnion,
  readItems,
  recordWrites,
  sealSyncRecord,
  syncKeyId,
  syncWrappingOf,
  type SyncHeader,
  type SyncState,
  type WriteStep,
} from '../../sync';
import { decodeVaultKey, encodeVaultKey, VaultError } from '../../vault';
import { inPlace, mergeSynced } from '../accounts/accounts';
import type { Keeper, KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { readPolicy } from '../policy/policy-rules';
import { canonical } from '../settings/local-tags';

/** The browser's sync area, as the engine needs it (lib/platform/sync-area.ts; a memory one in tests). */
export interface SyncArea {
  /** Every item of Sekimori's in the sync area. */
  read(): Promise<Record<string, unknown>>;
  apply(step: WriteStep): Promise<void>;
}

/** storage.local: what the pages show about sync (not secret; nothing is decided on it). */
export const SYNC_STATUS_KEY = 'sync_status';
/** A local save or a remote change is written within this (the write limits permitting). */
const DEBOUNCE_MS = 500;

interface StoredStatus {
  lastSyncedAt?: number;
  problem?: SyncProblem;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** The state a record holds; its bytes are authenticated, so only its outline is checked. */
function parseState(plain: Uint8Array): SyncState {
  const value = JSON.parse(text.decode(plain)) as Partial<SyncState> | null;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!value || !isObject(value.a) || !isObject(value.v) || !isObject(value.k))
    throw new KeeperError('sync-unreadable');
  return value as SyncState;
}

export class SyncEngine {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writes: number[] = [];

  constructor(
    private readonly keeper: Keeper,
    private readonly deps: KeeperDeps,
    private readonly area: SyncArea,
    /** Runs a later sync (the background: a timer); tests run `syncNow` themselves. */
    private readonly later: (run: () => void, ms: number) => ReturnType<typeof setTimeout> | null = (
      run,
      ms,
    ) => setTimeout(run, ms),
  ) {}

  /** A local save, a remote change or an unlock: a run soon (one for a burst of them). */
  schedule(delay = DEBOUNCE_MS): void {
    if (this.timer !== null) return;
    this.timer = this.later(() => {
      this.timer = null;
      void this.syncNow().catch(() => undefined);
    }, delay);
  }

  syncNow(): Promise<SyncStatus> {
    const run = this.queue.then(
      () => this.runOnce(),
      () => this.runOnce(),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  async status(): Promise<SyncStatus> {
    const [policy, stored, key] = await Promise.all([
      readPolicy(this.deps),
      this.readStatus(),
      this.keeper.vaultKey(),
    ]);
    let on: boolean | null = null;
    if (key) {
      const { payload } = await this.keeper.snapshot();
      on = payload ? payload.syncConfig !== undefined : null;
    }
    return {
      policyOff: policy.disableSync,
      on: policy.disableSync ? false : on,
      lastSyncedAt: stored.lastSyncedAt ?? null,
      problem: on === false || policy.disableSync ? null : (stored.problem ?? null),
    };
  }

  /**
   * Turns sync on. The browser's sync holding no vault (or this one): this browser's state is written. Holding
   * another vault: `join` — its password is needed (`join()`), and nothing is changed yet.
   */
  async enable(): Promise<{ status: SyncStatus; join: boolean }> {
    await this.allowed();
    const key = await this.requireKey();
    const header = await this.remoteHeader();
    if (header && header.keyId !== (await syncKeyId(key))) return { status: await this.status(), join: true };
    await this.keeper.mutate((payload) => {
      payload.syncConfig ??= { device: this.deps.newId(), keyGeneration: header?.keyGeneration ?? 1 };
    });
    await this.writeStatus({ problem: undefined });
    return { status: await this.syncNow(), join: false };
  }

  /**
   * Joins the vault the browser's sync holds, with its password. Without `confirm`, only says what the union would
   * be. With it, this browser's accounts and the synced ones become one list, and this browser's vault takes the
   * synced vault's key and password (so any browser's password change reaches the others).
   */
  async join(password: string, confirm: boolean): Promise<{ preview: SyncJoinPreview; status: SyncStatus }> {
    await this.allowed();
    await this.requireKey();
    const { remote, opened } = await this.openWithPassword(password);
    const { payload } = await this.keeper.snapshot();
    if (!payload) throw new KeeperError('locked');
    const preview = previewUnion(payload, remote);
    if (!confirm) return { preview, status: await this.status() };
    const device = this.deps.newId();
    const now = this.deps.now();
    await this.keeper.adoptKey(opened.wrapping, opened.vaultKey, (p) => {
      delete p.sync; // this browser's accounts join as new changes
      p.syncConfig = { device, keyGeneration: opened.header.keyGeneration };
      inPlace((q) => mergeSynced(q, remote, device, now))(p);
    });
    await this.writeStatus({ problem: undefined });
    return { preview, status: await this.syncNow() };
  }

  /** The new password, set on another browser: the synced state merged in, and this browser's vault re-keyed. */
  async newPassword(password: string): Promise<SyncStatus> {
    await this.allowed();
    await this.requireKey();
    const { remote, opened } = await this.openWithPassword(password);
    const now = this.deps.now();
    await this.keeper.adoptKey(opened.wrapping, opened.vaultKey, (p) => {
      if (!p.syncConfig) throw new KeeperError('bad-request');
      p.syncConfig = { device: p.syncConfig.device, keyGeneration: opened.header.keyGeneration };
      inPlace((q) => mergeSynced(q, remote, p.syncConfig!.device, now))(p);
    });
    await this.writeStatus({ problem: undefined });
    return this.syncNow();
  }

  /** Turns sync off here; the synced record stays for the other browsers. */
  async disable(): Promise<SyncStatus> {
    await this.keeper.mutate(
      (payload) => {
        delete payload.syncConfig;
        delete payload.sync;
      },
      { onlyIfChanged: true },
    );
    await this.writeStatus({ problem: undefined });
    return this.status();
  }

  /** After this browser changed the password (a new vault key): the old key is kept to read what was synced. */
  async passwordChanged(previousKey: Uint8Array): Promise<void> {
    await this.keeper.mutate(
      (payload) => {
        if (!payload.syncConfig) return;
        payload.syncConfig.previousKey = encodeVaultKey(previousKey);
        payload.syncConfig.keyGeneration += 1;
      },
      { onlyIfChanged: true },
    );
    this.schedule(0);
  }

  private async runOnce(): Promise<SyncStatus> {
    if ((await readPolicy(this.deps)).disableSync) return this.status();
    const key = await this.keeper.vaultKey();
    if (!key) return this.status();
    const { status, payload } = await this.keeper.snapshot();
    if (status.vault !== 'unlocked' || status.readOnly || status.recovered || !payload?.syncConfig)
      return this.status();
    const config = payload.syncConfig;
    const items = await this.area.read();
    const blob = readItems(items);
    // A writer is half-way (its next items are on their way): the change that completes it brings a run.
    if (blob === 'incomplete') return this.status();
    const ourId = await syncKeyId(key);
    let remote: SyncState | null = null;
    let header: SyncHeader | null = null;
    if (blob !== 'absent') {
      try {
        header = inspectSyncRecord(blob);
      } catch {
        return this.problem({ kind: 'unreadable' });
      }
      const previous = config.previousKey ? decodeVaultKey(config.previousKey) : null;
      const openKey =
        header.keyId === ourId
          ? key
          : previous && header.keyId === (await syncKeyId(previous))
            ? previous
            : null;
      if (!openKey) {
        // Another browser's key: never written over. Ours goes on locally; the newer key's side is asked for.
        const theirs =
          header.keyGeneration > config.keyGeneration ||
          (header.keyGeneration === config.keyGeneration && header.keyId > ourId);
        return this.problem(theirs ? { kind: 'needs-password' } : { kind: 'waiting' });
      }
      try {
        remote = parseState((await openSyncRecordWithKey(blob, openKey)).plain);
      } catch {
        return this.problem({ kind: 'unreadable' });
      }
    }
    const now = this.deps.now();
    const merged = await this.keeper.mutate(
      (p) => (p.syncConfig ? inPlace((q) => mergeSynced(q, remote, p.syncConfig!.device, now))(p) : null),
      { onlyIfChanged: true },
    );
    if (!merged) return this.status();
    const underOurKey = header?.keyId === ourId;
    if (remote && underOurKey && canonical(remote) === canonical(merged)) return this.synced();
    return this.write(items, merged, key, (header?.revision ?? 0) + 1, config.keyGeneration);
  }

  private async write(
    items: Record<string, unknown>,
    state: SyncState,
    key: Uint8Array,
    revision: number,
    keyGeneration: number,
  ): Promise<SyncStatus> {
    const { record } = await this.keeper.snapshot();
    if (record === undefined) return this.status();
    const wrapping = await syncWrappingOf(record, key);
    const blob = await sealSyncRecord(utf8.encode(canonical(state)), key, {
      wrapping,
      keyGeneration,
      revision,
    });
    const plan = planWrite(items, blob);
    if (plan.over) {
      const { bytesNeeded, bytesAllowed, overBy } = plan;
      return this.problem({ kind: 'over-quota', bytesNeeded, bytesAllowed, overBy });
    }
    const now = this.deps.now();
    const at = nextWriteAt(this.writes, now, {
      firstChangeAt: now,
      lastChangeAt: now,
      operations: plan.steps.length,
    });
    // Over the write limits: the run comes back when they leave room (the local vault already has everything).
    if (at > now + 1_000) {
      this.schedule(at - now);
      return this.status();
    }
    for (const step of plan.steps) {
      await this.area.apply(step);
      this.writes = recordWrites(this.writes, this.deps.now(), 1);
    }
    // Written under the current key: the previous one is no longer needed to read what is synced.
    await this.keeper.mutate(
      (p) => {
        if (p.syncConfig?.previousKey) delete p.syncConfig.previousKey;
      },
      { onlyIfChanged: true },
    );
    return this.synced();
  }

  private async openWithPassword(password: string) {
    const blob = readItems(await this.area.read());
    if (!(blob instanceof Uint8Array)) throw new KeeperError('not-found');
    try {
      const opened = await openSyncRecordWithPassword(blob, password);
      return { opened, remote: parseState(opened.plain) };
    } catch (error) {
      if (isSyncRecordError(error, 'wrong-password')) throw new VaultError('wrong-password');
      if (error instanceof KeeperError) throw error;
      throw new KeeperError('sync-unreadable');
    }
  }

  private async remoteHeader(): Promise<SyncHeader | null> {
    let blob = readItems(await this.area.read());
    if (blob === 'incomplete') {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      blob = readItems(await this.area.read());
    }
    if (!(blob instanceof Uint8Array)) return null;
    try {
      return inspectSyncRecord(blob);
    } catch {
      throw new KeeperError('sync-unreadable');
    }
  }

  private async allowed(): Promise<void> {
    if ((await readPolicy(this.deps)).disableSync) throw new KeeperError('policy-forbids');
  }

  private async requireKey(): Promise<Uint8Array> {
    const key = await this.keeper.vaultKey();
    if (!key) throw new KeeperError('locked');
    return key;
  }

  private async synced(): Promise<SyncStatus> {
    await this.writeStatus({ lastSyncedAt: this.deps.now(), problem: undefined });
    return this.status();
  }

  private async problem(problem: SyncProblem): Promise<SyncStatus> {
    await this.writeStatus({ problem });
    return this.status();
  }

  private async readStatus(): Promise<StoredStatus> {
    const value = (await this.deps.local.get([SYNC_STATUS_KEY]))[SYNC_STATUS_KEY];
    return typeof value === 'object' && value !== null ? (value as StoredStatus) : {};
  }

  private async writeStatus(change: StoredStatus): Promise<void> {
    const next = { ...(await this.readStatus()), ...change };
    if (change.problem === undefined) delete next.problem;
    await this.deps.local.set({ [SYNC_STATUS_KEY]: next });
  }
}
