/**
 * The keeper: everything the background does with account data, written against injected stores and a
 * clock so it runs the same in the service worker and in unit tests. It is the only writer of the vault.
 */
import type { RecoveryInfo, VaultStatus } from '../messages';
import {
  adoptVaultKey,
  commitVault,
  createVault,
  type PasswordSlot,
  isVaultError,
  makePasskeySlot,
  MAX_PASSKEY_SLOTS,
  needsKdfUpgrade,
  openStoredVault,
  openVault,
  readCurrentRecord,
  readStoredVault,
  rewrapVault,
  sealVault,
  unlockStoredVault,
  unlockStoredVaultWithPasskey,
  upgradeVaultKdf,
  type KeyValueStore,
  type PasskeySlot,
  type StoredVault,
} from '../vault';
import { parseVaultRecord } from '../vault/parse-vault-record';
import { secureRandomBytes } from '../vault/random-bytes';
import { KeeperError } from './keeper-error';
import { readLockSettings } from './settings/lock-settings';
import {
  clearSessionKey,
  clearSessionKeyIf,
  readSessionUnlock,
  noteSeenRevision,
  writeSessionUnlock,
  type SessionUnlock,
} from './session/session-key';
import { EMPTY_PAYLOAD, type VaultPayload } from './accounts/stored-account';
import { purgeDeleted } from './accounts/accounts';
import { checkPayload } from './check-payload';
import type { Policy } from '../policy/policy';

export interface KeeperDeps {
  local: KeyValueStore;
  session: KeyValueStore;
  now: () => number;
  /** Random lowercase hex id. */
  newId: () => string;
  /** The organisation's policy (managed storage); none: the defaults. */
  readPolicy?: () => Promise<Policy>;
}

export const MIN_PASSWORD_LENGTH = 8;
/** Deleted accounts can be restored for this long, then they are purged from the vault. */
export { UNDO_WINDOW_MS } from './accounts/accounts';
const HOUR_MS = 60 * 60 * 1000;
/**
 * A clock set back by more than this since the unlock makes the time spent unlocked unknowable: lock. (Small
 * corrections by time synchronisation stay below it.)
 */
export const CLOCK_SLACK_MS = 5 * 60 * 1000;

/** The unlocked time is over: past the deadline, no readable deadline, or the clock went back too far. */
export function isPastDeadline(unlock: Pick<SessionUnlock, 'unlockedAt' | 'deadline'>, now: number): boolean {
  return !(now < unlock.deadline) || now < unlock.unlockedAt - CLOCK_SLACK_MS;
}

interface Opened {
  payload: VaultPayload;
  record: string;
  readOnly: boolean;
  /** An older copy is served: the last good copy (the current record is damaged), or a replayed older record. */
  recovered: boolean;
  /** The current record is damaged and this is the last good copy (a restore moves the damaged one aside). */
  fromPrevious?: boolean;
  /** Set on a recovered copy: what the user is told before restoring it. */
  recovery?: RecoveryInfo;
  revision: number;
}

function unlockedStatus(opened: Opened): VaultStatus {
  return {
    vault: 'unlocked',
    readOnly: opened.readOnly,
    recovered: opened.recovered,
    ...(opened.recovery ? { recovery: opened.recovery } : {}),
  };
}

export class Keeper {
  /** Serialises writes inside this worker: one mutation at a time, each on the latest stored record. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The last record opened and its payload: reused while storage holds the same record and key. */
  private lastOpened: { record: string; key: Uint8Array; opened: Opened } | null = null;
  private readonly lockListeners: (() => void)[] = [];
  private readonly saveListeners: (() => void)[] = [];
  /** The session's highest seen vault revision, as read with the key at the start of this request. */
  private seenRevision = 0;

  constructor(private readonly deps: KeeperDeps) {}

  async status(): Promise<VaultStatus> {
    return (await this.snapshot()).status;
  }

  /** The vault's state and, when unlocked, its payload, from one read of storage. */
  async snapshot(): Promise<{
    status: VaultStatus;
    payload: VaultPayload | null;
    record?: string;
    revision?: number;
  }> {
    // The popup's start-up path: the session and the current record are read side by side.
    const [unlock, currentRecord] = await Promise.all([
      this.liveUnlock(),
      readCurrentRecord(this.deps.local),
    ]);
    const key = unlock?.key ?? null;
    const current = key && (await this.openCurrent(key, currentRecord));
    const fast = current && (await this.checkedForReplay(current));
    if (fast)
      return {
        status: unlockedStatus(fast),
        payload: fast.payload,
        record: fast.record,
        revision: fast.revision,
      };
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') return { status: { vault: 'absent' }, payload: null };
    // A damaged current record with a good previous copy can still be unlocked (from that copy).
    const openable = stored.state === 'present' || stored.previous !== undefined;
    if (!key) return { status: { vault: openable ? 'locked' : 'unreadable' }, payload: null };
    try {
      const opened = await this.checkedForReplay(await this.open(key, stored));
      return {
        status: unlockedStatus(opened),
        payload: opened.payload,
        record: opened.record,
        revision: opened.revision,
      };
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
      await this.startSession(vaultKey);
      return this.status();
    });
  }

  /**
   * Unlocks with the password, until the deadline (now + the maximum unlocked time). A record whose KDF cost
   * is below today's default is then written again at the default (same password and vault key, new salt).
   */
  async unlock(password: string): Promise<VaultStatus> {
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') throw new KeeperError('no-vault');
    const unlocked = await unlockStoredVault<VaultPayload>(stored, password);
    await this.startSession(unlocked.vaultKey);
    if (
      needsKdfUpgrade(unlocked.header.kdf.iterations) &&
      !unlocked.readOnly &&
      !unlocked.recoveredFromPrevious
    ) {
      // Best effort: a failure (another write came first, storage full) leaves the record as it was, and the
      // next unlock tries again.
      await this.upgradeKdf(unlocked.record, password).catch(() => undefined);
    }
    return this.status();
  }

  /**
   * Unlocks with a passkey: the slot of `credentialId` opened with the key derived from its PRF output (no
   * PBKDF2). Until the deadline, like a password unlock. Throws 'unknown-passkey', 'wrong-passkey', 'corrupt'.
   */
  async unlockWithPasskey(credentialId: string, prfOutput: Uint8Array): Promise<VaultStatus> {
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') throw new KeeperError('no-vault');
    const unlocked = await unlockStoredVaultWithPasskey<VaultPayload>(stored, credentialId, prfOutput);
    await this.startSession(unlocked.vaultKey);
    return this.status();
  }

  /**
   * The passkey slots of the vault as stored (the header is readable without a key: names, ids, dates and the
   * PRF inputs, nothing that opens anything). The current record's, or the last good copy's when it is damaged.
   */
  async passkeySlots(): Promise<PasskeySlot[]> {
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') return [];
    const record = stored.state === 'present' ? stored.current : stored.previous;
    if (record === undefined) return [];
    try {
      return (await parseVaultRecord(record)).header.passkeys ?? [];
    } catch {
      return [];
    }
  }

  /**
   * Adds a passkey slot: the password is checked again (it yields the vault key to wrap), then the next revision
   * is written with the slot in its header. `prfOutput` is the authenticator's answer to `prfSalt`.
   */
  async addPasskey(
    password: string,
    passkey: { id: string; name: string; prfSalt: string; prfOutput: Uint8Array },
  ): Promise<PasskeySlot[]> {
    return this.exclusive(async () => {
      const unlock = await this.liveUnlock();
      if (!unlock) throw new KeeperError('locked');
      const opened = await this.writableWithPassword(password, unlock);
      const slots = opened.header.passkeys ?? [];
      if (slots.some((s) => s.id === passkey.id)) throw new KeeperError('duplicate');
      if (slots.length >= MAX_PASSKEY_SLOTS) throw new KeeperError('too-many-passkeys');
      const slot = await makePasskeySlot({
        vaultKey: opened.vaultKey,
        ...passkey,
        createdAt: this.deps.now(),
        random: secureRandomBytes,
      });
      await this.writeSlots(opened.record, opened.vaultKey, opened.payload, [...slots, slot]);
      return [...slots, slot];
    });
  }

  /**
   * Removes a passkey slot (while unlocked). The new record is also kept as the last good copy, so no stored copy
   * holds the removed slot any more.
   */
  async removePasskey(id: string): Promise<PasskeySlot[]> {
    return this.exclusive(async () => {
      const key = await this.requireKey();
      const opened = await this.checkedForReplay(await this.open(key));
      if (opened.readOnly) throw new KeeperError('read-only');
      const slots = (await parseVaultRecord(opened.record)).header.passkeys ?? [];
      if (!slots.some((s) => s.id === id)) throw new KeeperError('not-found');
      const kept = slots.filter((s) => s.id !== id);
      await this.writeSlots(opened.record, key, opened.payload, kept);
      return kept;
    });
  }

  /** The vault opened with the password, for a change to its header: never an older copy or a newer format. */
  private async writableWithPassword(password: string, unlock: SessionUnlock) {
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') throw new KeeperError('no-vault');
    const opened = await unlockStoredVault<VaultPayload>(stored, password);
    const replayed = opened.header.revision < unlock.seenRevision;
    if (opened.readOnly || replayed || opened.recoveredFromPrevious) throw new KeeperError('read-only');
    return opened;
  }

  private async writeSlots(
    previous: string,
    key: Uint8Array,
    payload: VaultPayload,
    passkeys: PasskeySlot[],
  ): Promise<void> {
    const record = await sealVault(previous, key, payload, { passkeys });
    await commitVault(this.deps.local, record, previous, { keepAsPrevious: record });
    this.lastOpened = null;
    await this.noteRevision((await parseVaultRecord(record)).header.revision);
  }

  /**
   * Password change: the current password is checked again, and the vault is written under a new vault key
   * wrapped by the new password in ONE storage write that also sets the last good copy to the new record, so
   * an interruption leaves either the old vault (old password) or the new one (new password). The vault stays
   * unlocked (the new key replaces the old one in the session; the deadline does not move).
   */
  async changePassword(current: string, next: string): Promise<VaultStatus> {
    if (next.length < MIN_PASSWORD_LENGTH) throw new KeeperError('password-too-short');
    const status = await this.exclusive(async () => {
      const unlock = await this.liveUnlock();
      if (!unlock) throw new KeeperError('locked');
      // Read-only: a newer format, an older record written back, or the last good copy of a damaged record (see
      // checkedForReplay): restored first, by the user's choice, never by a password change.
      const opened = await this.writableWithPassword(current, unlock);
      const { record, vaultKey } = await rewrapVault(opened.record, { vaultKey: opened.vaultKey }, next);
      await commitVault(this.deps.local, record, opened.record, {
        keepAsPrevious: record,
        recovered: opened.recoveredFromPrevious,
      });
      this.lastOpened = null;
      await writeSessionUnlock(this.deps.session, { ...unlock, key: vaultKey });
      return this.status();
    });
    this.saved();
    return status;
  }

  /**
   * Locks when the unlocked time is over (checked by every request through the key, and by the alarm).
   * Returns the deadline while unlocked, null when locked.
   */
  async lockIfDue(): Promise<number | null> {
    return (await this.liveUnlock())?.deadline ?? null;
  }

  /** A new maximum unlocked time: the deadline becomes unlock time + `hours` (locking now if that has passed). */
  async setMaxUnlocked(hours: number): Promise<number | null> {
    const unlock = await this.liveUnlock();
    if (!unlock) return null;
    const deadline = unlock.unlockedAt + hours * HOUR_MS;
    await writeSessionUnlock(this.deps.session, { ...unlock, deadline });
    return this.lockIfDue();
  }

  /** Runs `listener` (synchronously) whenever the vault locks, by request or by itself. */
  onLock(listener: () => void): void {
    this.lockListeners.push(listener);
  }

  /** Checks the vault password again (before an export) without changing anything; throws `wrong-password`. */
  async verifyPassword(password: string): Promise<void> {
    const stored = await readStoredVault(this.deps.local);
    if (stored.state === 'absent') throw new KeeperError('no-vault');
    await unlockStoredVault<VaultPayload>(stored, password);
  }

  async lock(): Promise<VaultStatus> {
    await this.forget();
    return this.status();
  }

  /**
   * Writes the older copy being shown (see checkedForReplay) back as the vault, at a revision above every one
   * this session has seen, once the user has confirmed it knowing what is lost. `revision` is the copy they
   * confirmed: if another copy is shown by now, nothing is written. A damaged current record is kept aside
   * (`vault_damaged`), never deleted.
   */
  async restoreCopy(revision: number): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const key = await this.requireKey();
      const opened = await this.checkedForReplay(await this.open(key));
      if (!opened.recovered || !opened.recovery) return unlockedStatus(opened); // nothing to restore
      if (opened.revision !== revision || !opened.recovery.restorable) throw new KeeperError('read-only');
      const minRevision = Math.max(this.seenRevision, opened.revision) + 1;
      const record = await sealVault(opened.record, key, opened.payload, { minRevision });
      // A replayed record is the current one; the last good copy replaces a damaged current one (kept aside).
      await commitVault(this.deps.local, record, opened.record, { recovered: opened.fromPrevious === true });
      this.lastOpened = null;
      await this.noteRevision(minRevision);
      return this.status();
    });
  }

  /**
   * Applies `change` to the latest payload and commits it in one storage write (the record it replaces is
   * kept as the last good copy). Returns what `change` returned; if `change` throws, nothing is written.
   */
  async mutate<T>(
    change: (payload: VaultPayload) => T,
    options: { onlyIfChanged?: boolean } = {},
  ): Promise<T> {
    const result = await this.exclusive(async () => {
      const key = await this.requireKey();
      const opened = await this.checkedForReplay(await this.open(key));
      if (opened.readOnly) throw new KeeperError('read-only');
      const payload = structuredClone(opened.payload);
      const result = change(payload);
      const { payload: kept } = purgeDeleted(payload, this.deps.now());
      // A change that changed nothing (sync finding nothing new) writes nothing, and tells nobody.
      if (options.onlyIfChanged && JSON.stringify(kept) === JSON.stringify(opened.payload)) return { result };
      const record = await sealVault(opened.record, key, kept);
      await commitVault(this.deps.local, record, opened.record, { recovered: opened.recovered });
      await this.noteRevision(opened.revision + 1);
      return { result, saved: true };
    });
    if (result.saved) this.saved();
    return result.result;
  }

  /** Runs `listener` after every save of the vault's contents (an edit, a restore, a password change). */
  onSaved(listener: () => void): void {
    this.saveListeners.push(listener);
  }

  private saved(): void {
    for (const listener of this.saveListeners) listener();
  }

  /** The vault key while unlocked (null when locked): for sealing what leaves with the vault (sync). */
  async vaultKey(): Promise<Uint8Array | null> {
    return this.liveKey();
  }

  /**
   * Takes a vault key received with its password slot from elsewhere (joining a synced vault, or a password
   * changed on another browser): the vault is written again under that key and slot with `change` applied, at a
   * revision above every one seen, and the session goes on with the new key. Passkey slots do not follow (they
   * wrap the old key). The previous record is not kept as a last good copy: it opens only with the old key.
   */
  async adoptKey(
    slot: PasswordSlot,
    vaultKey: Uint8Array,
    change: (payload: VaultPayload) => void,
  ): Promise<VaultStatus> {
    await this.exclusive(async () => {
      const unlock = await this.liveUnlock();
      if (!unlock) throw new KeeperError('locked');
      const opened = await this.checkedForReplay(await this.open(unlock.key));
      if (opened.readOnly) throw new KeeperError('read-only');
      const payload = structuredClone(opened.payload);
      change(payload);
      const revision = Math.max(opened.revision, this.seenRevision) + 1;
      const record = await adoptVaultKey(slot, vaultKey, payload, revision);
      await commitVault(this.deps.local, record, opened.record, { keepAsPrevious: record });
      this.lastOpened = null;
      await writeSessionUnlock(this.deps.session, { ...unlock, key: vaultKey });
      await this.noteRevision(revision);
    });
    this.saved();
    return this.status();
  }

  private async requireKey(): Promise<Uint8Array> {
    const key = await this.liveKey();
    if (!key) throw new KeeperError('locked');
    return key;
  }

  private async liveKey(): Promise<Uint8Array | null> {
    return (await this.liveUnlock())?.key ?? null;
  }

  /** The session while unlocked and within its time; a session past its deadline is locked first. */
  private async liveUnlock(): Promise<SessionUnlock | null> {
    const unlock = await readSessionUnlock(this.deps.session);
    if (!unlock) return null;
    this.seenRevision = unlock.seenRevision;
    if (!isPastDeadline(unlock, this.deps.now())) return unlock;
    await this.forget();
    return null;
  }

  private async startSession(key: Uint8Array): Promise<void> {
    const unlockedAt = this.deps.now();
    // Checked with the new key (the session does not hold it yet): a forged maximum never sets the deadline.
    const { maxUnlockedHours } = await readLockSettings(this.deps, null, key);
    await writeSessionUnlock(this.deps.session, {
      key,
      unlockedAt,
      deadline: unlockedAt + maxUnlockedHours * HOUR_MS,
    });
  }

  /**
   * A record older than one this browser session has already seen was written back by someone else (a copy
   * replayed from disk, a sync gone wrong): it is served read-only and flagged, never written over as if it were
   * the vault. A newer one is remembered.
   */
  private async checkedForReplay(opened: Opened): Promise<Opened> {
    // A last good copy (the current record is damaged) is older by design, and may be older still than what
    // this session saw (a planted copy): read-only either way until the user restores it knowing what is lost.
    const replayed = opened.revision < this.seenRevision;
    if (replayed || opened.recovered) {
      const recovery: RecoveryInfo = {
        copyRevision: opened.revision,
        newestSeen: Math.max(this.seenRevision, opened.revision),
        restorable: !opened.readOnly,
      };
      return { ...opened, readOnly: true, recovered: true, recovery };
    }
    await this.noteRevision(opened.revision);
    return opened;
  }

  private async noteRevision(revision: number): Promise<void> {
    if (revision <= this.seenRevision) return;
    this.seenRevision = revision;
    await noteSeenRevision(this.deps.session, revision);
  }

  private async forget(): Promise<void> {
    this.lastOpened = null;
    await clearSessionKey(this.deps.session);
    for (const listener of this.lockListeners) listener();
  }

  /** Same password, same vault key, new salt, default cost; committed only on the record that was unlocked. */
  private upgradeKdf(record: string, password: string): Promise<void> {
    return this.exclusive(async () => {
      const upgraded = await upgradeVaultKdf(record, password);
      await commitVault(this.deps.local, upgraded.record, record);
    });
  }

  /**
   * The common case in one small read: unlocked, and the current record intact and opening with the session
   * key. Anything else returns null and goes through the full read with its fallbacks.
   */
  private async openCurrent(key: Uint8Array, known?: string | null): Promise<Opened | null> {
    const record = known === undefined ? await readCurrentRecord(this.deps.local) : known;
    if (!record) return null;
    const last = this.lastOpened;
    if (last && last.record === record && sameBytes(last.key, key)) return last.opened;
    try {
      const o = await openVault<VaultPayload>(record, key);
      const opened = {
        payload: checkPayload(o.payload),
        record,
        readOnly: o.readOnly,
        recovered: false,
        revision: o.header.revision,
      };
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
        fromPrevious: o.recoveredFromPrevious,
        revision: o.header.revision,
      };
    } catch (error) {
      // The key in the session no longer fits the stored vault (replaced, re-keyed): lock and ask again.
      if (isVaultError(error, 'wrong-key')) {
        this.lastOpened = null;
        await clearSessionKeyIf(this.deps.session, key);
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
