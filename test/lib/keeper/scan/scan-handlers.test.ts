/**
 * The background's side of a scan, over the real keeper on in-memory storage: only the tab the user
 * started the scan on may capture and submit, for a limited time and number of captures; a locked vault
 * keeps the scanned code until unlock; the popup then highlights what was added.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers, type Handlers } from '@/lib/keeper/handlers';
import { MAX_CAPTURES, SCAN_TTL_MS } from '@/lib/keeper/scan/scan-session';
import { PENDING_TTL_MS } from '@/lib/keeper/scan/pending-enrolment';
import { HIGHLIGHT_MS } from '@/lib/keeper/scan/highlight';
import { scannedOrigin } from '@/lib/keeper/scan/scan-handlers';
import type { SenderInfo } from '@/lib/keeper/sender';
import { MemoryStore } from '../../../support/memory-store';
import { recordingFillEffects } from '../../../support/fill-effects';
import { recordingScanEffects, type RecordedScanEffects } from '../../../support/scan-effects';

const PASSWORD = 'correct horse battery staple';
const URI =
  'otpauth://totp/Trend%20Micro%20SaaS%20Account:abc****?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account';
const ORIGIN = 'https://clp.trendmicro.com';
const tabSender = (tabId: number, url = `${ORIGIN}/2fa/setup`): SenderInfo => ({
  id: 'ext',
  url,
  origin: new URL(url).origin,
  tab: { id: tabId },
  frameId: 0,
});

let clock: { now: number };
let handlers: Handlers;
let effects: RecordedScanEffects;
let session: MemoryStore;

describe('scan handlers', () => {
  beforeEach(async () => {
    clock = { now: 1_800_000_000_000 };
    session = new MemoryStore();
    let n = 0;
    const deps: KeeperDeps = {
      local: new MemoryStore(),
      session,
      now: () => clock.now,
      newId: () => (++n).toString(16).padStart(8, '0'),
    };
    effects = recordingScanEffects('data:image/png;base64,AAAA');
    handlers = createHandlers(new Keeper(deps), deps, {
      scheduleClipboardClear: async () => undefined,
      ...effects,
      ...recordingFillEffects(),
    });
    await handlers['vault.create']({ password: PASSWORD });
  });

  it('starts on the active tab, injects there, and lets that tab capture and save with its origin', async () => {
    effects.activeTabId = 7;
    expect(await handlers['scan.start']({})).toEqual({ tabId: 7 });
    expect(effects.injected).toEqual([7]);
    expect(await handlers['scan.capture']({}, tabSender(7))).toEqual({
      dataUrl: 'data:image/png;base64,AAAA',
    });
    const outcome = await handlers['scan.decoded']({ text: URI }, tabSender(7));
    expect(outcome).toEqual({
      result: 'added',
      added: 1,
      duplicates: 0,
      skipped: 0,
      labels: ['Trend Micro SaaS Account (abc****)'],
    });
    const list = await handlers['codes.list']({});
    expect(list.accounts[0]?.origins).toEqual([ORIGIN]);
    expect(list.highlight).toEqual([list.accounts[0]?.id]);
    clock.now += HIGHLIGHT_MS + 1;
    expect((await handlers['codes.list']({})).highlight).toEqual([]);
  });

  it('targets the tab the popup names, bringing it to the front', async () => {
    effects.activeTabId = 1;
    expect(await handlers['scan.start']({ tabId: 12 })).toEqual({ tabId: 12 });
    expect(effects.activeTabId).toBe(12);
    expect(effects.injected).toEqual([12]);
  });

  it('refuses other tabs, and everything after the scan finished or timed out', async () => {
    await handlers['scan.start']({ tabId: 5 });
    await expect(handlers['scan.capture']({}, tabSender(6))).rejects.toMatchObject({ code: 'scan-expired' });
    await expect(handlers['scan.decoded']({ text: URI }, tabSender(6))).rejects.toMatchObject({
      code: 'scan-expired',
    });
    await expect(handlers['scan.capture']({}, undefined)).rejects.toMatchObject({ code: 'scan-expired' });
    // Another tab cannot end this tab's scan either.
    await handlers['scan.finished']({}, tabSender(6));
    await handlers['scan.capture']({}, tabSender(5));

    await handlers['scan.finished']({}, tabSender(5));
    await expect(handlers['scan.capture']({}, tabSender(5))).rejects.toMatchObject({ code: 'scan-expired' });

    await handlers['scan.start']({ tabId: 5 });
    clock.now += SCAN_TTL_MS + 1;
    await expect(handlers['scan.capture']({}, tabSender(5))).rejects.toMatchObject({ code: 'scan-expired' });
    expect((await handlers['codes.list']({})).accounts).toEqual([]);
  });

  it('allows only a few captures per scan', async () => {
    await handlers['scan.start']({ tabId: 3 });
    for (let i = 0; i < MAX_CAPTURES; i++) await handlers['scan.capture']({}, tabSender(3));
    await expect(handlers['scan.capture']({}, tabSender(3))).rejects.toMatchObject({ code: 'scan-expired' });
    expect(effects.captured).toHaveLength(MAX_CAPTURES);
  });

  it('says when the page cannot be scanned, and leaves no scan running', async () => {
    effects.unscriptable.add(9);
    await expect(handlers['scan.start']({ tabId: 9 })).rejects.toMatchObject({ code: 'scan-not-allowed' });
    await expect(handlers['scan.capture']({}, tabSender(9))).rejects.toMatchObject({ code: 'scan-expired' });
  });

  it('a failed screenshot is capture-failed (the tab is no longer the visible one)', async () => {
    await handlers['scan.start']({ tabId: 4 });
    effects.activeTabId = 8;
    await expect(handlers['scan.capture']({}, tabSender(4))).rejects.toMatchObject({
      code: 'capture-failed',
    });
  });

  it('keeps a code scanned while locked and adds it after unlock, without scanning again', async () => {
    await handlers['vault.lock']({});
    await handlers['scan.start']({ tabId: 2 });
    expect(await handlers['scan.decoded']({ text: URI }, tabSender(2))).toEqual({ result: 'locked' });
    await handlers['vault.unlock']({ password: PASSWORD });
    const result = await handlers['enrol.pending']({});
    expect(result?.labels).toEqual(['Trend Micro SaaS Account (abc****)']);
    const list = await handlers['codes.list']({});
    expect(list.accounts.map((a) => a.origins)).toEqual([[ORIGIN]]);
    expect(list.highlight).toEqual(result?.added);
    expect(await handlers['enrol.pending']({})).toBeNull();
  });

  it('refuses a non-authenticator code at once, even while locked (nothing is kept)', async () => {
    await handlers['vault.lock']({});
    await handlers['scan.start']({ tabId: 2 });
    await expect(
      handlers['scan.decoded']({ text: 'https://example.co.jp/' }, tabSender(2)),
    ).rejects.toMatchObject({
      code: 'not-otp-link',
    });
    await handlers['vault.unlock']({ password: PASSWORD });
    expect(await handlers['enrol.pending']({})).toBeNull();
  });

  it('forgets a code scanned while locked after a while', async () => {
    await handlers['vault.lock']({});
    await handlers['scan.start']({ tabId: 2 });
    await handlers['scan.decoded']({ text: URI }, tabSender(2));
    clock.now += PENDING_TTL_MS + 1;
    await handlers['vault.unlock']({ password: PASSWORD });
    expect(await handlers['enrol.pending']({})).toBeNull();
    expect((await handlers['codes.list']({})).accounts).toEqual([]);
  });

  it('refuses what is not an authenticator key, and lets the user try again', async () => {
    await handlers['scan.start']({ tabId: 2 });
    await expect(
      handlers['scan.decoded']({ text: 'https://example.co.jp/app/download' }, tabSender(2)),
    ).rejects.toMatchObject({ code: 'not-otp-link' });
    expect((await handlers['scan.decoded']({ text: URI }, tabSender(2))).result).toBe('added');
  });

  it('a second scan of the same code adds nothing', async () => {
    await handlers['scan.start']({ tabId: 2 });
    await handlers['scan.decoded']({ text: URI }, tabSender(2));
    expect(await handlers['scan.decoded']({ text: URI }, tabSender(2))).toMatchObject({
      result: 'added',
      added: 0,
      duplicates: 1,
    });
    expect((await handlers['codes.list']({})).accounts).toHaveLength(1);
  });
});

describe('scannedOrigin', () => {
  it.each([
    [
      { origin: 'https://clp.trendmicro.com', url: 'https://clp.trendmicro.com/x' },
      'https://clp.trendmicro.com',
    ],
    [{ url: 'http://127.0.0.1:8080/trend/enrol?x=1#y' }, 'http://127.0.0.1:8080'],
    [{ url: 'file:///C:/qr.html' }, undefined],
    [{ url: 'chrome-extension://abc/popup.html' }, undefined],
    [{ origin: 'null', url: 'data:text/html,x' }, undefined],
    [{}, undefined],
  ])('%o -> %s', (sender, expected) => {
    expect(scannedOrigin(sender)).toBe(expected);
  });
});
