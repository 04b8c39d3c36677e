/**
 * Issue #7 point 6: settings a compromised page process could change. `storage.local` is readable and writable by
 * every content script (only `storage.session` has an access level), so a compromised renderer of any page our
 * scripts run in can write the lock settings (`settings`: idle lock "never", 24 h unlocked, no lock with the screen)
 * and the clock check (`clock`: a 24 h offset, applied). Those values carry a tag under a key derived from the vault
 * key (lib/keeper/settings/local-tags.ts): a value without a valid tag is ignored (defaults: idle lock at its default, no
 * clock shift) and reported (`settings.ignored`, shown by the options page); a value written through the real
 * handlers is honoured after a worker restart and a browser restart; a tag copied from another vault is refused.
 * Each "worker" below is the real background (keeper, handlers, router, auto-lock) over shared in-memory storage.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAutoLock, type AutoLockEffects, type IdleState } from '@/lib/keeper/session/auto-lock';
import { NO_CLOCK, type ClockSample } from '@/lib/keeper/clock/clock';
import { createHandlers } from '@/lib/keeper/handlers';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { randomHexId } from '@/lib/keeper/random-id';
import { createRouter } from '@/lib/keeper/router';
import { readSessionUnlock } from '@/lib/keeper/session/session-key';
import { createClient, DEFAULT_LOCK_SETTINGS, type Client, type ClockState } from '@/lib/messages';
import { generateCode } from '@/lib/otp/generate-code';
import { recordingFillEffects } from '../support/fill-effects';
import { MemoryStore } from '../support/memory-store';
import { recordingScanEffects } from '../support/scan-effects';
import { SELF, SENDERS } from './support/background';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import { remoteCode } from './support/remote-code';

const PASSWORD = 'settings tamper campaign';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CONSOLE = 'https://clp.trendmicro.com';
/** The plain six-digit console key of the shared test accounts. */
const TOTP = SHARED_ACCOUNTS[0]!;

/** What a compromised renderer writes with `chrome.storage.local.set` (no tag, or a made-up one). */
const NEVER_LOCK = { idleLockMinutes: 0, maxUnlockedHours: 24, lockOnScreenLock: false };
const DAY_AHEAD = (now: number): ClockState => ({
  server: CONSOLE,
  offsetMs: DAY,
  roundTripMs: 12,
  measuredAt: now,
  apply: true,
});
const MADE_UP_TAG = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));

interface Stores {
  local: MemoryStore;
  session: MemoryStore;
}

/** One service worker of the real background over `stores` (a new one = the worker restarted). */
function worker(stores: Stores, clock = { now: Date.now() }, offsetMs = 95_000) {
  const deps: KeeperDeps = { ...stores, now: () => clock.now, newId: randomHexId };
  const keeper = new Keeper(deps);
  const idle: { now: IdleState } = { now: 'idle' };
  const lockEffects: AutoLockEffects = {
    setLockAlarm: async () => undefined,
    setIdleInterval: async () => undefined,
    queryIdle: async () => idle.now,
  };
  const autoLock = createAutoLock(keeper, deps, lockEffects);
  const handlers = createHandlers(
    keeper,
    deps,
    {
      scheduleClipboardClear: async () => undefined,
      ...recordingScanEffects(),
      ...recordingFillEffects(),
      measureClock: async (): Promise<ClockSample> => ({ offsetMs, roundTripMs: 30 }),
    },
    undefined,
    autoLock,
  );
  const route = createRouter(handlers, SELF);
  const client: Client = createClient(async (m) =>
    structuredClone(await route(structuredClone(m), SENDERS.popup)),
  );
  const status = async () => (await client.call('vault.status', {})).vault;
  return { deps, keeper, autoLock, client, idle, clock, status, ...stores };
}

type Worker = ReturnType<typeof worker>;

const fresh = (): Stores => ({ local: new MemoryStore(), session: new MemoryStore() });
const copy = (store: MemoryStore) => {
  const out = new MemoryStore();
  for (const [k, v] of store.data) out.data.set(k, structuredClone(v));
  return out;
};
/** The same storage.local; storage.session emptied (what a browser restart does). */
const afterBrowserRestart = (stores: Stores): Stores => ({ local: stores.local, session: new MemoryStore() });

/** The code the popup shows now, and the codes of this computer's time and of `shift` later. */
async function codeNow(w: Worker, shift: number) {
  const [row] = (await w.client.call('codes.list', {})).accounts;
  const at = w.clock.now;
  return {
    shown: row!.code,
    local: await generateCode(TOTP, at),
    shifted: await generateCode(TOTP, at + shift),
  };
}

/** A vault (one account) made by the real handlers; every test starts from a copy. */
let template: Stores;
/** Another vault (another key), with lock settings and a clock check written by its own handlers. */
let other: Stores;
beforeAll(async () => {
  template = fresh();
  const w = worker(template);
  await w.client.call('vault.create', { password: PASSWORD });
  await w.client.call('account.add', { draft: TOTP });
  other = fresh();
  const o = worker(other);
  await o.client.call('vault.create', { password: 'another vault entirely' });
  await o.client.call('settings.set', NEVER_LOCK);
  await o.client.call('clock.check', { server: CONSOLE });
  await o.client.call('clock.apply', { apply: true });
});

const unlocked = (): Stores => ({ local: copy(template.local), session: copy(template.session) });

describe('a value written straight into storage.local', () => {
  it.each([
    ['without a tag', {}],
    ['with a made-up tag', { tag: MADE_UP_TAG }],
  ])(
    '%s (idle lock never, 24 h unlocked, clock +24 h applied) is ignored and reported',
    async (_name, tag) => {
      const stores = unlocked();
      const w = worker(stores);
      await stores.local.set({
        settings: { ...NEVER_LOCK, ...tag },
        clock: { ...DAY_AHEAD(w.clock.now), ...tag },
      });

      expect(await w.client.call('settings.get', {})).toEqual(DEFAULT_LOCK_SETTINGS);
      expect(await w.client.call('clock.get', {})).toEqual(NO_CLOCK);
      expect((await w.client.call('settings.ignored', {})).ignored).toEqual(['lock', 'clock']);
      // Codes at this computer's time, not a day ahead.
      const code = await codeNow(w, DAY);
      expect(code.shown).toBe(code.local);
      expect(code.shown).not.toBe(code.shifted);
      // The system idle for the default time locks (the forged "never" is not in effect).
      await w.autoLock.idleChanged('idle');
      expect(await w.status()).toBe('locked');
      // The next unlock's deadline: the default 8 hours, not the forged 24.
      await w.client.call('vault.unlock', { password: PASSWORD });
      expect((await readSessionUnlock(stores.session))!.deadline).toBe(w.clock.now + 8 * HOUR);

      // A worker restart and a browser restart change nothing: still ignored, still reported.
      const restarted = worker(afterBrowserRestart(stores));
      await restarted.client.call('vault.unlock', { password: PASSWORD });
      expect(await restarted.client.call('settings.get', {})).toEqual(DEFAULT_LOCK_SETTINGS);
      expect((await restarted.client.call('settings.ignored', {})).ignored).toEqual(['lock', 'clock']);
      // Saving the settings again (through the handlers) is the user's answer: the report goes.
      await restarted.client.call('settings.set', { idleLockMinutes: 5 });
      await restarted.client.call('clock.apply', { apply: false });
      expect((await restarted.client.call('settings.ignored', {})).ignored).toEqual([]);
      expect(await restarted.client.call('settings.get', {})).toEqual({
        ...DEFAULT_LOCK_SETTINGS,
        idleLockMinutes: 5,
      });
    },
  );

  it('a change of one member of a value written by Sekimori breaks its tag: ignored and reported', async () => {
    const stores = unlocked();
    const w = worker(stores);
    await w.client.call('settings.set', { idleLockMinutes: 5 });
    const written = stores.local.data.get('settings') as Record<string, unknown>;
    expect(written.tag).toEqual(expect.any(String));
    await stores.local.set({ settings: { ...written, idleLockMinutes: 0 } });
    const restarted = worker(afterBrowserRestart(stores));
    await restarted.client.call('vault.unlock', { password: PASSWORD });
    expect((await restarted.client.call('settings.get', {})).idleLockMinutes).toBe(15);
    expect((await restarted.client.call('settings.ignored', {})).ignored).toEqual(['lock']);
  });

  it('untagged values from before tags are never adopted; only choices stricter than the defaults are kept', async () => {
    const stores = unlocked();
    const w = worker(stores);
    // Stricter than the defaults: kept as they are, nothing to report.
    await stores.local.set({ settings: { idleLockMinutes: 5, maxUnlockedHours: 2, lockOnScreenLock: true } });
    expect(await w.client.call('settings.get', {})).toEqual({
      idleLockMinutes: 5,
      maxUnlockedHours: 2,
      lockOnScreenLock: true,
    });
    expect((await w.client.call('settings.ignored', {})).ignored).toEqual([]);
    // Looser (even "within the normal limits"): the defaults, and reported.
    await stores.local.set({
      settings: { idleLockMinutes: 60, maxUnlockedHours: 12, lockOnScreenLock: true },
    });
    expect(await w.client.call('settings.get', {})).toEqual(DEFAULT_LOCK_SETTINGS);
    expect((await w.client.call('settings.ignored', {})).ignored).toEqual(['lock']);
    // A measured clock from before tags is not used (nothing shown that could talk the user into applying it).
    await stores.local.set({ clock: { ...DAY_AHEAD(w.clock.now), offsetMs: 40_000, apply: false } });
    expect(await w.client.call('clock.get', {})).toEqual(NO_CLOCK);
    expect((await w.client.call('settings.ignored', {})).ignored).toEqual(['lock', 'clock']);
  });
});

describe('a value written through the real handlers', () => {
  it('is honoured after a worker restart, a browser restart and a password change', async () => {
    const stores = unlocked();
    const w = worker(stores);
    await w.client.call('settings.set', NEVER_LOCK);
    await w.client.call('clock.check', { server: CONSOLE });
    await w.client.call('clock.apply', { apply: true });

    const check = async (x: Worker) => {
      expect(await x.client.call('settings.get', {})).toEqual(NEVER_LOCK);
      expect(await x.client.call('clock.get', {})).toMatchObject({ offsetMs: 95_000, apply: true });
      expect((await x.client.call('settings.ignored', {})).ignored).toEqual([]);
      const code = await codeNow(x, 95_000);
      expect(code.shown).toBe(code.shifted);
      await x.autoLock.idleChanged('idle');
      await x.autoLock.idleChanged('locked');
      expect(await x.status()).toBe('unlocked'); // the user's "never" and "not with the screen"
    };
    await check(worker(stores)); // the service worker restarted

    const restarted = afterBrowserRestart(stores);
    const b = worker(restarted);
    await b.client.call('vault.unlock', { password: PASSWORD });
    expect((await readSessionUnlock(restarted.session))!.deadline).toBe(b.clock.now + 24 * HOUR);
    await check(b);

    // A password change makes a new vault key: the values are tagged again under it.
    await b.client.call('vault.change-password', { current: PASSWORD, next: 'a brand new password' });
    await check(b);
    const c = worker(afterBrowserRestart(restarted));
    await c.client.call('vault.unlock', { password: 'a brand new password' });
    await check(c);
  });

  it('written while locked: vouched for in storage.session, tagged at the next unlock; a browser restart first leaves only the stricter part', async () => {
    const stores = unlocked();
    const w = worker(stores);
    await w.client.call('vault.lock', {});
    await w.client.call('settings.set', { idleLockMinutes: 60, maxUnlockedHours: 2 });
    expect(stores.local.data.get('settings')).not.toHaveProperty('tag');
    expect(await w.client.call('settings.get', {})).toMatchObject({
      idleLockMinutes: 60,
      maxUnlockedHours: 2,
    });

    // Unlocked in the same browser session: honoured and tagged, so it survives the next restart.
    const same = copyOf(stores);
    const u = worker(same);
    await u.client.call('vault.unlock', { password: PASSWORD });
    expect(same.local.data.get('settings')).toHaveProperty('tag');
    const later = worker(afterBrowserRestart(same));
    await later.client.call('vault.unlock', { password: PASSWORD });
    expect(await later.client.call('settings.get', {})).toMatchObject({
      idleLockMinutes: 60,
      maxUnlockedHours: 2,
    });

    // The browser restarted before any unlock: an untagged value like any other (the shorter maximum stays).
    const lost = worker(afterBrowserRestart(stores));
    await lost.client.call('vault.unlock', { password: PASSWORD });
    expect(await lost.client.call('settings.get', {})).toEqual({
      ...DEFAULT_LOCK_SETTINGS,
      maxUnlockedHours: 2,
    });
    expect((await lost.client.call('settings.ignored', {})).ignored).toEqual(['lock']);
  });

  it('a change while locked over a tagged value that cannot be checked yet (after a browser restart) is refused', async () => {
    const stores = unlocked();
    const w = worker(stores);
    await w.client.call('settings.set', { idleLockMinutes: 30 });
    await w.client.call('clock.check', { server: CONSOLE });
    const restarted = worker(afterBrowserRestart(stores));
    expect(await remoteCode(restarted.client.call('settings.set', { maxUnlockedHours: 1 }))).toBe('locked');
    expect(await remoteCode(restarted.client.call('clock.apply', { apply: false }))).toBe('locked');
    await restarted.client.call('vault.unlock', { password: PASSWORD });
    expect(await restarted.client.call('settings.set', { maxUnlockedHours: 1 })).toMatchObject({
      idleLockMinutes: 30,
      maxUnlockedHours: 1,
    });
  });
});

describe('a tag copied from another vault', () => {
  it('is refused: ignored and reported', async () => {
    const stores = unlocked();
    await stores.local.set({
      settings: structuredClone(other.local.data.get('settings')),
      clock: structuredClone(other.local.data.get('clock')),
    });
    expect(stores.local.data.get('settings')).toMatchObject({ ...NEVER_LOCK, tag: expect.any(String) });
    for (const w of [worker(stores), worker(afterBrowserRestart(stores))]) {
      if ((await w.status()) === 'locked') await w.client.call('vault.unlock', { password: PASSWORD });
      expect(await w.client.call('settings.get', {})).toEqual(DEFAULT_LOCK_SETTINGS);
      expect(await w.client.call('clock.get', {})).toEqual(NO_CLOCK);
      expect((await w.client.call('settings.ignored', {})).ignored).toEqual(['lock', 'clock']);
      const code = await codeNow(w, 95_000);
      expect(code.shown).toBe(code.local);
    }
  });
});

function copyOf(stores: Stores): Stores {
  return { local: copy(stores.local), session: copy(stores.session) };
}
