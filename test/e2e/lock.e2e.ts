/**
 * Locking by itself in real Chromium: the alarm armed at the deadline, a deadline passed while the service
 * worker slept (checked at the start of the next request, and at the worker's next start-up), the alarm waking
 * a stopped worker, the lock settings, and a password change. Idle and screen-lock events cannot be produced
 * here; their handling is unit-tested (test/lib/keeper/session/auto-lock.test.ts) and `chrome.idle` is checked to be
 * granted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAccountInPopup,
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  listAccounts,
  unlockPopup,
  type ExtensionSession,
  askBackground,
} from './harness';

const send = askBackground;

const PASSWORD = 'lock test password 2026';
const NEXT_PASSWORD = 'a new password for the lock test';
const HOUR = 60 * 60 * 1000;

/** Runs `code` (an expression) in the service worker. */
async function inWorker<T>(session: ExtensionSession, code: string): Promise<T> {
  return (await session.serviceWorker()).evaluate(code) as Promise<T>;
}

const lockAlarm = (session: ExtensionSession) =>
  inWorker<number | null>(
    session,
    `chrome.alarms.get('sekimori-auto-lock').then((alarm) => alarm ? alarm.scheduledTime : null)`,
  );

const sessionItems = (session: ExtensionSession) =>
  inWorker<{ unlocked?: string; unlocked_at?: number; lock_deadline?: number }>(
    session,
    `chrome.storage.session.get(['unlocked', 'unlocked_at', 'lock_deadline'])`,
  );

/** Moves the deadline in storage.session (as if that much time had passed), leaving the alarm where it is. */
const setDeadline = (session: ExtensionSession, deadline: number) =>
  inWorker(session, `chrome.storage.session.set({ lock_deadline: ${deadline} })`);

/** Counts the times the extension's service worker starts running (observed through CDP, from a blank page). */
async function watchWorkerStarts(session: ExtensionSession) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const prefix = `chrome-extension://${session.extensionId}/`;
  const status = new Map<string, string>();
  const starts = { count: 0, stop: async () => (await cdp.detach().catch(() => {}), await page.close()) };
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    (event: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
      for (const v of event.versions) {
        if (!v.scriptURL.startsWith(prefix)) continue;
        const before = status.get(v.versionId);
        if (before !== undefined && before !== 'running' && v.runningStatus === 'running') starts.count++;
        status.set(v.versionId, v.runningStatus);
      }
    },
  );
  await cdp.send('ServiceWorker.enable');
  return starts;
}

async function expectLockedPopup(session: ExtensionSession): Promise<Page> {
  const popup = await session.openPopup();
  await popup.getByRole('button', { name: 'Unlock' }).waitFor();
  return popup;
}

async function unlockAgain(session: ExtensionSession, password = PASSWORD): Promise<void> {
  const popup = await expectLockedPopup(session);
  await unlockPopup(popup, password);
  await popup.getByRole('button', { name: 'Add account' }).waitFor();
  await popup.close();
}

describe('automatic lock in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ extensionPath: E2E_EXTENSION });
    const popup = await session.openPopup();
    await createVaultInPopup(popup, PASSWORD);
    await addAccountInPopup(popup, {
      issuer: 'Webroot',
      account: 'admin@example.jp',
      secret: 'JBSWY3DPEHPK3PXP',
    });
    await popup.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('unlocking arms the lock alarm at the deadline kept next to the key (default: 8 hours)', async () => {
    const items = await sessionItems(session);
    expect(items.unlocked).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(items.lock_deadline).toBe(items.unlocked_at! + 8 * HOUR);
    expect(await lockAlarm(session)).toBe(items.lock_deadline);
    expect(await inWorker(session, `chrome.idle.queryState(60)`)).toMatch(/^(active|idle|locked)$/);
  });

  it('the settings answer their defaults, and a shorter maximum moves the deadline and the alarm', async () => {
    expect(await send(session, 'settings.get', {})).toEqual({
      idleLockMinutes: 15,
      maxUnlockedHours: 8,
      lockOnScreenLock: true,
    });
    expect(await send(session, 'settings.set', { maxUnlockedHours: 2 })).toMatchObject({
      maxUnlockedHours: 2,
    });
    const items = await sessionItems(session);
    expect(items.lock_deadline).toBe(items.unlocked_at! + 2 * HOUR);
    expect(await lockAlarm(session)).toBe(items.lock_deadline);
    await expect(send(session, 'settings.set', { maxUnlockedHours: 0 })).rejects.toThrow('bad-request');
  });

  it('a deadline passed while the worker slept locks at the start of the next request', async () => {
    await setDeadline(session, Date.now() - 1000);
    await session.stopServiceWorker();
    const popup = await expectLockedPopup(session);
    expect((await sessionItems(session)).unlocked).toBe('');
    expect(await lockAlarm(session)).toBeNull();
    await popup.close();
    await unlockAgain(session);
    expect(await listAccounts(session)).toHaveLength(1);
  });

  it('a deadline passed while the worker slept locks at its next start-up, before any request', async () => {
    await setDeadline(session, Date.now() - 1000);
    await session.stopServiceWorker();
    await session.serviceWorker();
    await expect.poll(async () => (await sessionItems(session)).unlocked, { timeout: 10_000 }).toBe('');
    await unlockAgain(session);
  });

  it('the alarm locks a running worker, with no page open and no request', async () => {
    const soon = Date.now() + 1500;
    await setDeadline(session, soon);
    await inWorker(session, `chrome.alarms.create('sekimori-auto-lock', { when: ${soon} })`);
    // The worker keeps running (no start-up in between): only the alarm's listener can lock it.
    await expect
      .poll(async () => (await sessionItems(session)).unlocked, { timeout: 30_000, interval: 500 })
      .toBe('');
    await unlockAgain(session);
  });

  it('the alarm wakes a stopped worker, which locks', async () => {
    const soon = Date.now() + 3000;
    await setDeadline(session, soon);
    await inWorker(session, `chrome.alarms.create('sekimori-auto-lock', { when: ${soon} })`);
    await session.stopServiceWorker();
    const starts = await watchWorkerStarts(session);
    try {
      // Nothing here starts the worker: no page of ours is open and nothing is evaluated in it.
      await expect.poll(() => starts.count, { timeout: 60_000, interval: 250 }).toBeGreaterThan(0);
    } finally {
      await starts.stop();
    }
    await expect.poll(async () => (await sessionItems(session)).unlocked, { timeout: 10_000 }).toBe('');
    await unlockAgain(session);
  });

  it('changing the password keeps the vault unlocked; afterwards only the new password opens it', async () => {
    await expect(
      send(session, 'vault.change-password', { current: 'not the password', next: NEXT_PASSWORD }),
    ).rejects.toThrow('wrong-password');
    expect(
      await send(session, 'vault.change-password', { current: PASSWORD, next: NEXT_PASSWORD }),
    ).toMatchObject({ vault: 'unlocked' });
    expect(await listAccounts(session)).toHaveLength(1);
    await send(session, 'vault.lock', {});
    await expect(send(session, 'vault.unlock', { password: PASSWORD })).rejects.toThrow('wrong-password');
    await unlockAgain(session, NEXT_PASSWORD);
    expect(await listAccounts(session)).toHaveLength(1);
  });
});
