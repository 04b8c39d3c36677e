/**
 * Locking by itself: after a maximum time unlocked (a deadline kept next to the key and checked by every
 * request, plus an alarm so a sleeping background wakes up to lock), after some minutes without input, and
 * when the operating system locks the screen. The platform only reports events; the decisions are here.
 */
import type { LockSettings } from '../../messages';
import type { FeatureHandlers } from '../handler-set';
import type { Keeper, KeeperDeps } from '../keeper';
import { TAGGED_LOCAL_KEYS } from '../settings/ignored-settings';
import { sealVouched } from '../settings/local-tags';
import { readLockSettings, writeLockSettings, type IdleCeiling } from '../settings/lock-settings';
import { sweepHeldSecrets } from './held-secrets';

/** What the operating system reports: input within the interval, none, or the screen locked. */
export type IdleState = 'active' | 'idle' | 'locked';

/** Longest idle interval the browsers accept (4 hours); also used when idle locking is off. */
export const MAX_IDLE_SECONDS = 4 * 60 * 60;

export interface AutoLockEffects {
  /** Wakes the background at `when` (ms since epoch) to check the deadline; null cancels. */
  setLockAlarm(when: number | null): Promise<void>;
  /** After how many seconds without input the system counts as idle (idle events). */
  setIdleInterval(seconds: number): Promise<void>;
  /** The system's state now, counting `seconds` without input as idle. */
  queryIdle(seconds: number): Promise<IdleState>;
}

export type AutoLockHandlers = FeatureHandlers<'auto-lock'>;

export interface AutoLock {
  handlers: AutoLockHandlers;
  /**
   * At every start-up of the background, when the alarm rings, after an unlock and a settings change: locks if
   * the time is over, otherwise arms the alarm at the deadline; applies the idle interval.
   */
  refresh(): Promise<void>;
  /** The system's idle state changed. */
  idleChanged(state: IdleState): Promise<void>;
}

export const NO_AUTO_LOCK_EFFECTS: AutoLockEffects = {
  setLockAlarm: async () => undefined,
  setIdleInterval: async () => undefined,
  queryIdle: async () => 'active',
};

const idleSeconds = (settings: LockSettings) =>
  settings.idleLockMinutes === 0 ? MAX_IDLE_SECONDS : settings.idleLockMinutes * 60;

/**
 * `idleCeiling`: an organisation's most idle minutes (e.g. from managed storage), read at each use; null: none.
 */
export function createAutoLock(
  keeper: Keeper,
  deps: KeeperDeps,
  effects: AutoLockEffects,
  idleCeiling: () => Promise<IdleCeiling> = async () => null,
): AutoLock {
  /** Settings writes one after another (two pages saving at once must not lose either change). */
  let writes: Promise<unknown> = Promise.resolve();

  async function arm(deadline: number | null): Promise<void> {
    await effects.setLockAlarm(deadline);
  }

  const settingsNow = async () => readLockSettings(deps, await idleCeiling());

  async function refresh(): Promise<void> {
    // Settings written while locked are tagged once unlocked (local-tags.ts).
    await sealVouched(deps, TAGGED_LOCAL_KEYS).catch(() => undefined);
    const settings = await settingsNow();
    await effects.setIdleInterval(idleSeconds(settings));
    // Secrets held for later are removed when their time is over; while locked, the alarm wakes us for that.
    const heldUntil = await sweepHeldSecrets(deps.session, deps.now());
    const deadline = await keeper.lockIfDue();
    await arm(deadline === null ? heldUntil : heldUntil === null ? deadline : Math.min(deadline, heldUntil));
  }

  async function idleChanged(state: IdleState): Promise<void> {
    if (state === 'active' || (await keeper.lockIfDue()) === null) return;
    const settings = await settingsNow();
    if (state === 'locked') {
      if (settings.lockOnScreenLock) await keeper.lock();
    } else if (settings.idleLockMinutes > 0) {
      // The event may come from an interval set before the latest change: ask again with today's setting.
      if ((await effects.queryIdle(idleSeconds(settings))) !== 'active') await keeper.lock();
    }
    await arm(await keeper.lockIfDue());
  }

  const handlers: AutoLockHandlers = {
    'settings.get': settingsNow,
    'settings.set': (change) => {
      const run = writes.then(async () => {
        const settings = await writeLockSettings(deps, change, await idleCeiling());
        await effects.setIdleInterval(idleSeconds(settings));
        await arm(await keeper.setMaxUnlocked(settings.maxUnlockedHours));
        return settings;
      });
      writes = run.catch(() => undefined);
      return run;
    },
  };

  return { handlers, refresh, idleChanged };
}
