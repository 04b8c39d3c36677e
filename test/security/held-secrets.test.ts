/**
 * Issue #12, point 3: secrets held outside the vault — the accounts of a file read for import (until its preview
 * is committed) and a QR code scanned while locked (until the unlock) — are not readable after the vault locks.
 * Before, a pending import stayed in `storage.session` after Lock and after the session expired; only a commit
 * cleared it. Each test holds a secret, checks session storage holds it (the control), then does one of: Lock,
 * idle lock, screen lock, the longest unlocked time, the held secret's own time running out, an extension update
 * or browser restart — and searches all of session storage (and local storage) for the secret in any spelling.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createAutoLock,
  type AutoLock,
  type AutoLockEffects,
  type IdleState,
} from '@/lib/keeper/session/auto-lock';
import { createHandlers, type Handlers } from '@/lib/keeper/handlers';
import { IMPORT_TTL_MS, PENDING_TTL_MS } from '@/lib/keeper/session/held-secrets';
import { Keeper } from '@/lib/keeper/keeper';
import { clearSessionKey } from '@/lib/keeper/session/session-key';
import type { SenderInfo } from '@/lib/keeper/sender';
import { recordingFillEffects } from '../support/fill-effects';
import { storeFrom, testDeps, vaultTemplate } from '../support/keeper-deps';
import { MemoryStore } from '../support/memory-store';
import { recordingScanEffects } from '../support/scan-effects';

const PASSWORD = 'nothing readable after lock';
const T0 = 1_800_000_000_000;
const HOUR = 3_600_000;
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ'];
const FILE = SECRETS.map(
  (s, i) => `otpauth://totp/Console${i}:admin${i}?secret=${s}&issuer=Console${i}`,
).join('\n');
const SCANNED = 'KRSXG5CTMVRXEZLU';
const QR = `otpauth://totp/Webroot:admin?secret=${SCANNED}&issuer=Webroot`;
const ORIGIN = 'https://my.webrootanywhere.com';
const tab: SenderInfo = { id: 'ext', url: `${ORIGIN}/2fa`, origin: ORIGIN, tab: { id: 2 }, frameId: 0 };

/** Every spelling of a Base32 secret a store could hold: as is, lower case, spaced, percent-encoded in a URI. */
function holds(store: MemoryStore, secret: string): boolean {
  const text = JSON.stringify([...store.data.entries()])
    .toUpperCase()
    .replace(/[\s-]/g, '');
  return text.includes(secret);
}

let template: [string, unknown][];
beforeAll(async () => {
  template = await vaultTemplate(PASSWORD, T0);
});

let clock: { now: number };
let local: MemoryStore;
let session: MemoryStore;
let handlers: Handlers;
let autoLock: AutoLock;
let effects: AutoLockEffects & { idleNow: IdleState; alarms: (number | null)[] };

beforeEach(async () => {
  clock = { now: T0 };
  local = storeFrom(template);
  session = new MemoryStore();
  const deps = testDeps(local, session, clock);
  const keeper = new Keeper(deps);
  effects = {
    idleNow: 'idle',
    alarms: [],
    setLockAlarm: async (when) => void effects.alarms.push(when),
    setIdleInterval: async () => undefined,
    queryIdle: async () => effects.idleNow,
  };
  autoLock = createAutoLock(keeper, deps, effects);
  const io = {
    scheduleClipboardClear: async () => undefined,
    ...recordingScanEffects(),
    ...recordingFillEffects(),
  };
  handlers = createHandlers(keeper, deps, io, undefined, autoLock);
  await handlers['vault.unlock']({ password: PASSWORD });
});

/** Reads a file for import and checks its secrets are held (the control for every search after). */
async function readFile() {
  const preview = await handlers['import.read']({ data: FILE, encoding: 'text' });
  expect(preview.accounts).toHaveLength(2);
  for (const secret of SECRETS) expect(holds(session, secret)).toBe(true);
  return preview;
}

function expectNoSecret() {
  for (const secret of [...SECRETS, SCANNED]) {
    expect(holds(session, secret), `session holds ${secret}`).toBe(false);
    expect(holds(local, secret), `local holds ${secret}`).toBe(false);
  }
}

describe('a file read for import, not yet committed', () => {
  it('Lock removes it', async () => {
    await readFile();
    await handlers['vault.lock']({});
    expectNoSecret();
  });

  it('the idle lock removes it', async () => {
    await readFile();
    await autoLock.idleChanged('idle');
    expect((await handlers['vault.status']({})).vault).toBe('locked');
    expectNoSecret();
  });

  it('the screen lock removes it', async () => {
    await readFile();
    await autoLock.idleChanged('locked');
    expectNoSecret();
  });

  it('the longest unlocked time (the session expires) removes it: at the alarm, and at the next request', async () => {
    await readFile();
    clock.now += 13 * HOUR; // past the default deadline
    await autoLock.refresh(); // the lock alarm rings
    expectNoSecret();
    await handlers['vault.unlock']({ password: PASSWORD });
    await readFile();
    clock.now += 13 * HOUR;
    await handlers['codes.list']({}); // no alarm: the popup opens
    expectNoSecret();
  });

  it('its own time running out removes it (the alarm is armed for it), while still unlocked', async () => {
    await readFile();
    expect(effects.alarms.at(-1)).toBe(T0 + IMPORT_TTL_MS);
    clock.now += IMPORT_TTL_MS + 1;
    await autoLock.refresh(); // the alarm rings
    expect((await handlers['vault.status']({})).vault).toBe('unlocked');
    expectNoSecret();
  });

  it('an extension update or reload removes it (what the background runs then), and a restart starts empty', async () => {
    await readFile();
    await clearSessionKey(session); // onLifecycle: update, reload, browser start
    expectNoSecret();
    const restarted = new MemoryStore(); // the browser's own restart: session storage is memory only
    expect(holds(restarted, SECRETS[0]!)).toBe(false);
  });

  it('a commit after the lock finds nothing to commit', async () => {
    const { token } = await readFile();
    await handlers['vault.lock']({});
    await handlers['vault.unlock']({ password: PASSWORD });
    await expect(handlers['import.commit']({ token, selected: [0, 1] })).rejects.toMatchObject({
      code: 'import-expired',
    });
  });
});

describe('a QR code scanned while locked', () => {
  async function scanWhileLocked() {
    await handlers['vault.lock']({});
    await handlers['scan.start']({ tabId: 2 });
    expect(await handlers['scan.decoded']({ text: QR }, tab)).toEqual({ result: 'locked' });
    expect(holds(session, SCANNED)).toBe(true); // kept for the unlock: that is what it is for
  }

  it('its time running out removes it, by the alarm armed for it', async () => {
    await scanWhileLocked();
    expect(effects.alarms.at(-1)).toBe(T0 + PENDING_TTL_MS);
    clock.now += PENDING_TTL_MS + 1;
    await autoLock.refresh();
    expectNoSecret();
  });

  it('read once it is over removes it too', async () => {
    await scanWhileLocked();
    clock.now += PENDING_TTL_MS + 1;
    await handlers['vault.unlock']({ password: PASSWORD });
    expect(await handlers['enrol.pending']({})).toBeNull();
    expectNoSecret();
  });

  it('Lock again (or an update) removes it', async () => {
    await scanWhileLocked();
    await handlers['vault.lock']({});
    expectNoSecret();
  });

  it('used at the unlock: saved into the vault, and nothing left in the session', async () => {
    await scanWhileLocked();
    await handlers['vault.unlock']({ password: PASSWORD });
    expect((await handlers['enrol.pending']({}))?.added).toHaveLength(1);
    expectNoSecret();
  });
});
