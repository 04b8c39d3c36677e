/**
 * Locking by itself, with an injected clock and recorded platform effects: the maximum unlocked time (checked
 * by every request, and by the alarm), a clock set back, the system idle and the screen locked, and the
 * settings that drive them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAutoLock,
  MAX_IDLE_SECONDS,
  type AutoLockEffects,
  type IdleState,
} from '@/lib/keeper/session/auto-lock';
import { createHandlers } from '@/lib/keeper/handlers';
import { CLOCK_SLACK_MS, Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { readSessionUnlock } from '@/lib/keeper/session/session-key';
import { DEFAULT_LOCK_SETTINGS } from '@/lib/messages';
import { recordingFillEffects } from '../../../support/fill-effects';
import { storeFrom, vaultTemplate } from '../../../support/keeper-deps';
import { MemoryStore } from '../../../support/memory-store';
import { recordingScanEffects } from '../../../support/scan-effects';

const PASSWORD = 'correct horse battery staple';
const T0 = 1_700_000_000_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CONSOLE = { issuer: 'Trend Micro', account: 'abc@example.co.jp', secret: 'JBSWY3DPEHPK3PXP' };

interface RecordedEffects extends AutoLockEffects {
  alarms: (number | null)[];
  intervals: number[];
  /** What queryIdle answers. */
  idleNow: IdleState;
}

function recordingEffects(): RecordedEffects {
  const effects: RecordedEffects = {
    alarms: [],
    intervals: [],
    idleNow: 'idle',
    setLockAlarm: async (when) => void effects.alarms.push(when),
    setIdleInterval: async (seconds) => void effects.intervals.push(seconds),
    queryIdle: async () => effects.idleNow,
  };
  return effects;
}

/** One vault, created once (the KDF is slow); every test gets its own copy of storage and its own clock. */
let template: [string, unknown][];
beforeAll(async () => {
  template = await vaultTemplate(PASSWORD, T0);
});

function setup(ceiling: { minutes: number | null } = { minutes: null }) {
  const local = storeFrom(template);
  const session = new MemoryStore();
  const clock = { now: T0 };
  let n = 0;
  const deps: KeeperDeps = {
    local,
    session,
    now: () => clock.now,
    newId: () => (++n).toString(16).padStart(8, '0'),
  };
  const keeper = new Keeper(deps);
  const effects = recordingEffects();
  const autoLock = createAutoLock(keeper, deps, effects, async () => ceiling.minutes);
  const handlers = createHandlers(
    keeper,
    deps,
    { scheduleClipboardClear: async () => undefined, ...recordingScanEffects(), ...recordingFillEffects() },
    undefined,
    autoLock,
  );
  const isUnlocked = async () => (await handlers['vault.status']({})).vault === 'unlocked';
  return { local, session, clock, keeper, effects, autoLock, handlers, isUnlocked };
}

type Setup = ReturnType<typeof setup>;

async function unlocked(): Promise<Setup> {
  const s = setup();
  await s.handlers['vault.unlock']({ password: PASSWORD });
  return s;
}

describe('maximum unlocked time', () => {
  it('keeps the deadline next to the key, written in the same set(), and arms the alarm for it', async () => {
    const s = await unlocked();
    const write = s.session.writes.find((w) => 'unlocked' in w)!;
    expect(write).toMatchObject({ unlocked_at: T0, lock_deadline: T0 + 8 * HOUR });
    expect(await readSessionUnlock(s.session)).toMatchObject({ unlockedAt: T0, deadline: T0 + 8 * HOUR });
    expect(s.effects.alarms.at(-1)).toBe(T0 + 8 * HOUR);
  });

  it('locks at the START of the first request past the deadline, even if no alarm rang', async () => {
    const s = await unlocked();
    await s.handlers['account.add']({ draft: CONSOLE });
    s.clock.now = T0 + 8 * HOUR - 1;
    expect((await s.handlers['codes.list']({})).accounts).toHaveLength(1);
    s.clock.now = T0 + 8 * HOUR;
    expect(await s.handlers['codes.list']({})).toMatchObject({ status: { vault: 'locked' }, accounts: [] });
    expect(await readSessionUnlock(s.session)).toBeNull();
    expect(s.session.data.get('unlocked')).toBe('');
  });

  it.each([
    ['account.add', { draft: { ...CONSOLE, account: 'late' } }],
    ['hotp.next', { id: '00000001' }],
    ['backup.export', { kind: 'otpauth-list', password: PASSWORD }],
  ] as const)('%s past the deadline answers `locked` and writes nothing', async (type, payload) => {
    const s = await unlocked();
    s.clock.now = T0 + 9 * HOUR;
    const writes = s.local.writes.length;
    const handler = s.handlers[type] as (p: typeof payload) => Promise<unknown>;
    await expect(handler(payload)).rejects.toMatchObject({ code: 'locked' });
    expect(s.local.writes.length).toBe(writes);
    expect(await s.isUnlocked()).toBe(false);
  });

  it('the alarm (or a start-up) past the deadline locks and disarms; before it, it re-arms', async () => {
    const s = await unlocked();
    s.clock.now = T0 + HOUR;
    await s.autoLock.refresh();
    expect(s.effects.alarms.at(-1)).toBe(T0 + 8 * HOUR);
    expect(await s.isUnlocked()).toBe(true);
    s.clock.now = T0 + 8 * HOUR + 30_000; // the alarm rang late, as Chromium's may
    await s.autoLock.refresh();
    expect(s.effects.alarms.at(-1)).toBeNull();
    expect(await readSessionUnlock(s.session)).toBeNull();
  });

  it('a clock set back by more than a few minutes locks; a small correction does not', async () => {
    const s = await unlocked();
    s.clock.now = T0 - CLOCK_SLACK_MS + 1;
    expect(await s.isUnlocked()).toBe(true);
    s.clock.now = T0 - CLOCK_SLACK_MS - 1;
    expect(await s.isUnlocked()).toBe(false);
  });

  it('a key without a readable deadline counts as expired (locks, fails closed)', async () => {
    const s = await unlocked();
    await s.session.set({ lock_deadline: 'tomorrow' });
    expect(await s.isUnlocked()).toBe(false);
    const t = await unlocked();
    t.session.data.delete('lock_deadline');
    expect(await t.isUnlocked()).toBe(false);
  });

  it('a new unlock starts a new unlocked time', async () => {
    const s = await unlocked();
    s.clock.now = T0 + 9 * HOUR;
    expect(await s.isUnlocked()).toBe(false);
    await s.handlers['vault.unlock']({ password: PASSWORD });
    expect(await readSessionUnlock(s.session)).toMatchObject({ deadline: T0 + 17 * HOUR });
    expect(s.effects.alarms.at(-1)).toBe(T0 + 17 * HOUR);
  });

  it('"Lock" disarms the alarm', async () => {
    const s = await unlocked();
    await s.handlers['vault.lock']({});
    expect(s.effects.alarms.at(-1)).toBeNull();
  });

  it('a shorter maximum moves the deadline from the unlock time, and locks at once if already past', async () => {
    const s = await unlocked();
    s.clock.now = T0 + 90 * MINUTE;
    await s.handlers['settings.set']({ maxUnlockedHours: 2 });
    expect(await readSessionUnlock(s.session)).toMatchObject({ unlockedAt: T0, deadline: T0 + 2 * HOUR });
    expect(s.effects.alarms.at(-1)).toBe(T0 + 2 * HOUR);
    await s.handlers['settings.set']({ maxUnlockedHours: 1 });
    expect(await s.isUnlocked()).toBe(false);
    expect(s.effects.alarms.at(-1)).toBeNull();
  });

  it('the maximum in the settings applies to the next unlock', async () => {
    const s = setup();
    await s.handlers['settings.set']({ maxUnlockedHours: 1 });
    await s.handlers['vault.unlock']({ password: PASSWORD });
    expect(await readSessionUnlock(s.session)).toMatchObject({ deadline: T0 + HOUR });
  });
});

describe('idle and screen lock', () => {
  it('sets the idle interval from the settings at start-up and on every change (off: the longest)', async () => {
    const s = setup();
    await s.autoLock.refresh();
    expect(s.effects.intervals.at(-1)).toBe(15 * 60);
    await s.handlers['settings.set']({ idleLockMinutes: 1 });
    expect(s.effects.intervals.at(-1)).toBe(60);
    await s.handlers['settings.set']({ idleLockMinutes: 0 });
    expect(s.effects.intervals.at(-1)).toBe(MAX_IDLE_SECONDS);
  });

  it('locks when the system has been idle for the set time', async () => {
    const s = await unlocked();
    await s.autoLock.idleChanged('idle');
    expect(await s.isUnlocked()).toBe(false);
    expect(s.effects.alarms.at(-1)).toBeNull();
  });

  it('an idle event from an older, shorter interval does not lock before the set time', async () => {
    const s = await unlocked();
    s.effects.idleNow = 'active';
    await s.autoLock.idleChanged('idle');
    expect(await s.isUnlocked()).toBe(true);
  });

  it('idle locking off: idle never locks, the screen lock still does', async () => {
    const s = await unlocked();
    await s.handlers['settings.set']({ idleLockMinutes: 0 });
    await s.autoLock.idleChanged('idle');
    expect(await s.isUnlocked()).toBe(true);
    await s.autoLock.idleChanged('locked');
    expect(await s.isUnlocked()).toBe(false);
  });

  it('the screen lock locks only when that setting is on; "active" never locks', async () => {
    const s = await unlocked();
    await s.handlers['settings.set']({ lockOnScreenLock: false, idleLockMinutes: 0 });
    await s.autoLock.idleChanged('locked');
    await s.autoLock.idleChanged('active');
    expect(await s.isUnlocked()).toBe(true);
  });

  it('events while locked write nothing', async () => {
    const s = setup();
    await s.autoLock.idleChanged('locked');
    await s.autoLock.idleChanged('idle');
    expect(s.session.writes).toEqual([]);
  });
});

describe('lock settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    const s = setup();
    expect(await s.handlers['settings.get']({})).toEqual(DEFAULT_LOCK_SETTINGS);
    expect(DEFAULT_LOCK_SETTINGS).toEqual({
      idleLockMinutes: 15,
      maxUnlockedHours: 8,
      lockOnScreenLock: true,
    });
  });

  it('changes only what is given, in one storage key, and answers the settings in effect', async () => {
    const s = setup();
    expect(await s.handlers['settings.set']({ idleLockMinutes: 5 })).toEqual({
      ...DEFAULT_LOCK_SETTINGS,
      idleLockMinutes: 5,
    });
    expect(await s.handlers['settings.set']({ lockOnScreenLock: false })).toEqual({
      idleLockMinutes: 5,
      maxUnlockedHours: 8,
      lockOnScreenLock: false,
    });
    expect(s.local.writes.slice(-2).map((w) => Object.keys(w))).toEqual([['settings'], ['settings']]);
    expect(await s.handlers['settings.get']({})).toMatchObject({
      idleLockMinutes: 5,
      lockOnScreenLock: false,
    });
  });

  it('two changes at once both land', async () => {
    const s = setup();
    await Promise.all([
      s.handlers['settings.set']({ idleLockMinutes: 30 }),
      s.handlers['settings.set']({ maxUnlockedHours: 4 }),
    ]);
    expect(await s.handlers['settings.get']({})).toMatchObject({ idleLockMinutes: 30, maxUnlockedHours: 4 });
  });

  it('a damaged stored value reads as the defaults (never as "off"), and other members are kept', async () => {
    const s = setup();
    await s.local.set({
      settings: { idleLockMinutes: -3, maxUnlockedHours: 1e9, lockOnScreenLock: 'no', theme: 'dark' },
    });
    expect(await s.handlers['settings.get']({})).toEqual(DEFAULT_LOCK_SETTINGS);
    await s.handlers['settings.set']({ idleLockMinutes: 10 });
    expect(s.local.data.get('settings')).toMatchObject({ idleLockMinutes: 10, theme: 'dark' });
    await s.local.set({ settings: 'garbage' });
    expect(await s.handlers['settings.get']({})).toEqual(DEFAULT_LOCK_SETTINGS);
  });
});

describe("an organisation's ceiling on the idle time", () => {
  it('caps the idle time and never lets idle locking be off; the own choice returns without the ceiling', async () => {
    const ceiling = { minutes: 10 as number | null };
    const s = setup(ceiling);
    expect(await s.handlers['settings.get']({})).toMatchObject({ idleLockMinutes: 10 });
    expect(await s.handlers['settings.set']({ idleLockMinutes: 5 })).toMatchObject({ idleLockMinutes: 5 });
    expect(s.effects.intervals.at(-1)).toBe(5 * 60);
    expect(await s.handlers['settings.set']({ idleLockMinutes: 0 })).toMatchObject({ idleLockMinutes: 10 });
    expect(s.effects.intervals.at(-1)).toBe(10 * 60);
    expect(await s.handlers['settings.set']({ idleLockMinutes: 120 })).toMatchObject({ idleLockMinutes: 10 });
    ceiling.minutes = null;
    expect(await s.handlers['settings.get']({})).toMatchObject({ idleLockMinutes: 120 });
  });

  it('with the ceiling, an idle event locks even when the own choice was "off"', async () => {
    const ceiling = { minutes: null as number | null };
    const s = setup(ceiling);
    await s.handlers['settings.set']({ idleLockMinutes: 0 });
    await s.handlers['vault.unlock']({ password: PASSWORD });
    ceiling.minutes = 30;
    await s.autoLock.refresh();
    expect(s.effects.intervals.at(-1)).toBe(30 * 60);
    await s.autoLock.idleChanged('idle');
    expect(await s.isUnlocked()).toBe(false);
  });

  it('a ceiling above what the browser can detect (4 hours) is held at 4 hours', async () => {
    const s = setup({ minutes: 1440 });
    await s.handlers['settings.set']({ idleLockMinutes: 0 });
    expect(await s.handlers['settings.get']({})).toMatchObject({ idleLockMinutes: 240 });
  });
});
