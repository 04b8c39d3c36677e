/**
 * The background's answer to every message type: the core messages answered here, merged with each feature's
 * group (a message answered twice throws at start-up) and the wrapped steps other features add. `Handlers` is a
 * mapped type over the protocol, so adding a message without a handler is a compile error.
 */
import { mergeHandlers, wrapHandlers, type FeatureHandlers, type Handlers } from './handler-set';
import { createEnroller } from './scan/enrol';
import { readHighlight } from './scan/highlight';
import { createScanHandlers, type ScanEffects } from './scan/scan-handlers';
import { createFillHandlers, type FillEffects } from './fill/fill-handlers';
import { createAutoFill, type AutoFill, type AutoFillEffects } from './fill/auto-fill-handlers';
import { backupState, createBackupHandlers } from './backup/backup-handlers';
import { checkPasswordPolicy, policyIdleCeiling } from './policy/policy-rules';
import { clockShift, createClockHandlers, type ClockEffects } from './clock/clock';
import { ignoredSettings, TAGGED_LOCAL_KEYS } from './settings/ignored-settings';
import { sealVouched, vouchVerified } from './settings/local-tags';
import { createAutoLock, NO_AUTO_LOCK_EFFECTS, type AutoLock } from './session/auto-lock';
import { createPasskeyHandlers } from './passkeys/passkey-handlers';
import { MemorySyncArea } from './sync/memory-sync-area';
import { SyncEngine } from './sync/sync-engine';
import { createSyncHandlers } from './sync/sync-handlers';
import { generateCode } from '../otp/generate-code';
import type { Keeper, KeeperDeps } from './keeper';
import { KeeperError } from './keeper-error';
import { advanceHotp } from './accounts/live-account';
import { CodeCache } from './accounts/code-cache';
import { listCodes } from './accounts/list-codes';
import { refreshCodeSheet } from './accounts/code-sheet';
import { draftToAccount } from './accounts/drafts';
import {
  addAccount,
  deleteAccount,
  inPlace,
  moveAccount,
  pinAccount,
  restoreAccount,
  sortAccounts,
  updateAccount,
} from './accounts/accounts';

export type { Handlers };

export interface HandlerEffects extends ScanEffects, FillEffects, AutoFillEffects, Partial<ClockEffects> {
  /** Clears the clipboard later if it still holds the text with this SHA-256 hex digest. */
  scheduleClipboardClear(digest: string): Promise<void>;
  /**
   * Runs work after the popup has its answer, off its start-up path (the code sheet, written ahead for the next
   * popup). Without it, no sheet is written.
   */
  later?(task: () => Promise<unknown>): void;
}

export function createHandlers(
  keeper: Keeper,
  deps: KeeperDeps,
  effects: HandlerEffects,
  autoFill: AutoFill = createAutoFill(keeper, deps, effects),
  autoLock: AutoLock = createAutoLock(keeper, deps, NO_AUTO_LOCK_EFFECTS, policyIdleCeiling(deps)),
  sync: SyncEngine = new SyncEngine(keeper, deps, new MemorySyncArea(), () => null),
): Handlers {
  // Every save of the vault's contents reaches the browser's sync soon (when sync is on).
  keeper.onSaved(() => sync.schedule());
  const codes = new CodeCache();
  keeper.onLock(() => codes.clear());
  /** The popup's next first frame, written ahead while unlocked (lib/protocol/code-sheet.ts). */
  const writeSheet = () =>
    refreshCodeSheet({
      session: deps.session,
      now: deps.now,
      read: async () => {
        const [{ status, payload, revision }, shift] = await Promise.all([
          keeper.snapshot(),
          clockShift(deps),
        ]);
        const plain = status.vault === 'unlocked' && !status.readOnly && !status.recovered;
        if (!plain || !payload || revision === undefined) return null;
        return { payload, revision, shift, backup: backupState(payload, deps.now()) };
      },
    });
  const enroller = createEnroller(keeper, deps);
  const fill = createFillHandlers(keeper, deps, effects);
  /**
   * After an unlock, or a secret held for later: the alarm that locks at the deadline or removes the secret when
   * its time is over (a failure to arm it does not undo the request).
   */
  const thenArm =
    <T>(run: () => Promise<T>) =>
    async (): Promise<T> => {
      const result = await run();
      await autoLock.refresh().catch(() => undefined);
      return result;
    };
  /** A change that can end an automatic fill (a site removed, an account deleted): the registration follows. */
  const thenSync =
    <T>(run: () => Promise<T>) =>
    async (): Promise<T> => {
      const result = await run();
      await autoFill.sync().catch(() => undefined);
      return result;
    };
  const scan = createScanHandlers(keeper, deps, enroller, effects);
  const backup = createBackupHandlers(keeper, deps);
  const clock = createClockHandlers(deps, {
    measureClock: effects.measureClock ?? (() => Promise.reject(new KeeperError('clock-unreachable'))),
  });
  const core: FeatureHandlers<'core'> = {
    'enrol.preview': ({ text }) => enroller.preview(text),
    'enrol.save': ({ text }) => enroller.save(text),
    'vault.status': () => keeper.status(),
    'vault.create': async ({ password }) => {
      await checkPasswordPolicy(deps, password);
      return thenArm(() => keeper.create(password))();
    },
    'vault.unlock': ({ password }) => thenArm(thenSync(() => keeper.unlock(password)))(),
    'vault.lock': () => thenArm(() => keeper.lock())(),
    'vault.restore-copy': ({ revision }) => keeper.restoreCopy(revision),
    'vault.change-password': async ({ current, next }) => {
      await checkPasswordPolicy(deps, next);
      // The lock and clock settings are tagged under the vault key, which changes: tagged again under the new one.
      await vouchVerified(deps, TAGGED_LOCAL_KEYS);
      const status = await keeper.changePassword(current, next);
      await sealVouched(deps, TAGGED_LOCAL_KEYS).catch(() => undefined);
      return status;
    },
    'settings.ignored': async () => ({ ignored: await ignoredSettings(deps) }),
    'codes.list': async () => {
      const now = deps.now();
      // The popup's start-up call: the reads run side by side, not one after the other.
      const [{ status, payload, record }, highlight, shift] = await Promise.all([
        keeper.snapshot(),
        readHighlight(deps.session, now),
        clockShift(deps),
      ]);
      if (!payload || record === undefined) return { status, accounts: [], now, highlight: [], backup: null };
      // Codes at the measured server time (clock check); their end times back in this computer's time.
      const accounts = await codes.get(`${shift}|${record}`, now, async () =>
        shift === 0
          ? listCodes(payload, now)
          : (await listCodes(payload, now + shift)).map((c) => ({
              ...c,
              validUntilMs: c.validUntilMs === 0 ? 0 : c.validUntilMs - shift,
            })),
      );
      if (status.vault === 'unlocked' && !status.readOnly && !status.recovered) effects.later?.(writeSheet);
      return { status, accounts, now, highlight, backup: backupState(payload, now) };
    },
    'account.preview': async ({ draft }) => {
      const full = draftToAccount(draft);
      const { secret: _secret, ...account } = full;
      return { code: await generateCode(full, deps.now() + (await clockShift(deps))), account };
    },
    'account.add': async ({ draft }) => {
      const account = draftToAccount(draft);
      return keeper.mutate(inPlace((payload) => addAccount(payload, { account }, deps.now(), deps.newId)));
    },
    'account.update': ({ id, patch }) =>
      keeper.mutate(inPlace((payload) => updateAccount(payload, { id, patch }))),
    'account.delete': ({ id }) =>
      thenSync(() => keeper.mutate(inPlace((payload) => deleteAccount(payload, { id }, deps.now()))))(),
    'account.restore': ({ id }) =>
      thenSync(() => keeper.mutate(inPlace((payload) => restoreAccount(payload, { id }))))(),
    'account.move': ({ id, to }) => keeper.mutate(inPlace((payload) => moveAccount(payload, { id, to }))),
    'account.pin': ({ id, pinned }) =>
      keeper.mutate(inPlace((payload) => pinAccount(payload, { id, pinned }))),
    'accounts.sort': () => keeper.mutate(inPlace((payload) => sortAccounts(payload))),
    'hotp.next': async ({ id }) => {
      const account = await advanceHotp(keeper, id);
      return { code: await generateCode(account, deps.now()), counter: account.counter };
    },
    'clipboard.copied': async ({ digest }) => {
      await effects.scheduleClipboardClear(digest);
      return {};
    },
  };
  const passkeys = createPasskeyHandlers(keeper, deps);
  const all = mergeHandlers(
    core,
    scan,
    fill,
    autoFill.handlers,
    backup,
    clock,
    autoLock.handlers,
    passkeys,
    createSyncHandlers(sync),
  );
  /** After an unlock: what the other browsers changed meanwhile comes in. */
  const thenPull =
    <T>(run: () => Promise<T>) =>
    async (): Promise<T> => {
      const result = await run();
      sync.schedule(0);
      return result;
    };
  return wrapHandlers(all, {
    // An unlock arms the lock alarm and registers the automatic fill, whatever unlocked it.
    'vault.unlock': (inner) => (payload) => thenPull(() => inner(payload))(),
    'vault.unlock-passkey': (inner) => (payload) => thenPull(thenArm(thenSync(() => inner(payload))))(),
    // A new vault key: the old one is kept (in the vault) until what was synced under it has been read.
    'vault.change-password': (inner) => async (payload) => {
      const previous = await keeper.vaultKey();
      const status = await inner(payload);
      if (previous) await sync.passwordChanged(previous).catch(() => undefined);
      return status;
    },
    // A site removed can end an automatic fill: the registration follows.
    'account.origins': (inner) => (payload) => thenSync(() => inner(payload))(),
    // A secret held for later (a file's preview, a QR code read while locked) arms the alarm that removes it.
    'import.read': (inner) => (payload) => thenArm(() => inner(payload))(),
    'scan.decoded': (inner) => (payload, sender) => thenArm(() => inner(payload, sender))(),
  });
}
