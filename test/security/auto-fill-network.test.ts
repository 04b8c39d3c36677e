/**
 * Issue #12, point 2: automatic fill never happens where the network or another site controls the page. A network
 * attacker on plain http can answer any http page, inject `<iframe src="http://console…">` into it and answer that
 * frame with a field of their own: before this, the code was typed there with no click. Automatic fill is now
 * `https:` only (http on loopback stays, for local consoles), and only in the top frame or under a top document of
 * the frame's own origin — checked by the background (what the browser reports about the sender) and in the page
 * (every ancestor frame). Manual Fill on http keeps its usual confirmations.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { framedBySameOrigin } from '@/lib/autofill';
import { isLoopbackHost, isSecureWebOrigin } from '@/lib/web-origin';
import type { SenderInfo } from '@/lib/keeper/sender';
import { background, copyStores, SENDERS, type Background } from './support/background';
import { remoteCode } from './support/remote-code';

const HTTPS = 'https://clp.trendmicro.com';
const HTTP = 'http://clp.trendmicro.com';
const LOOPBACK = 'http://127.0.0.1:8787';
const SECRET = 'ABCDEFGHIJKL2345';
const URI = `otpauth://totp/Trend%20Micro%20SaaS%20Account:abc?secret=${SECRET}&issuer=Trend%20Micro%20SaaS%20Account`;

let template: Background;
let bg: Background;
let id: string;

beforeAll(async () => {
  template = background();
  await template.client.call('vault.create', { password: 'automatic fill over the network' });
  [id] = (await template.client.call('enrol.save', { text: URI })).added as [string];
  for (const origin of [HTTPS, HTTP, LOOPBACK]) await template.client.call('account.bind', { id, origin });
});

beforeEach(() => {
  bg = background(copyStores(template));
});

const pageOn = (origin: string, over: Partial<SenderInfo> = {}): SenderInfo => ({
  ...SENDERS.contentScript,
  url: `${origin}/login`,
  origin,
  ...over,
});

async function autoFillFrom(sender: SenderInfo, origin: string) {
  bg.fill.tab.origin = origin;
  return bg.route({ type: 'fill.auto', payload: {} }, sender);
}

describe('automatic fill over plain http', () => {
  it('is refused for an http site off this computer, with its own code; nothing is registered or asked', async () => {
    bg.fill.grantedOrigins.add(HTTP);
    expect(await remoteCode(bg.client.call('account.autofill', { id, origin: HTTP, on: true }))).toBe(
      'autofill-insecure',
    );
    expect(bg.fill.registered).toBeNull();
    const account = (await bg.client.call('codes.list', {})).accounts[0]!;
    expect(account.autoFill).toEqual([]);
  });

  it('an http origin kept from an older vault (or a tampered one) is never registered nor filled', async () => {
    // As a vault written before this rule would hold it: automatic fill on the http origin.
    await bg.keeper.mutate((p) => {
      p.accounts[0]!.autoFill = [HTTP];
      return p;
    });
    bg.fill.grantedOrigins.add(HTTP);
    expect(await autoFillFrom(pageOn(HTTP), HTTP)).toEqual({ ok: true, value: { result: 'skipped' } });
    expect(bg.fill.filled).toEqual([]);
    await bg.client.call('account.autofill', { id, origin: HTTPS, on: false });
    expect(bg.fill.registered ?? []).not.toContain(HTTP);
  });

  it('https, and http on loopback, still fill on their own (the control)', async () => {
    for (const origin of [HTTPS, LOOPBACK]) {
      const fresh = background(copyStores(template));
      fresh.fill.grantedOrigins.add(origin);
      expect(await fresh.client.call('account.autofill', { id, origin, on: true })).toEqual({ state: 'on' });
      fresh.fill.tab.origin = origin;
      expect(await fresh.route({ type: 'fill.auto', payload: {} }, pageOn(origin))).toEqual({
        ok: true,
        value: { result: 'filled' },
      });
    }
  });

  it('a click on Fill over http still works, under the usual rules (it is the user who acts)', async () => {
    bg.fill.tab.origin = HTTP;
    const reply = await bg.client.call('fill.code', {
      id,
      tabId: bg.fill.tab.tabId,
      documentId: bg.fill.tab.documentId!,
      origin: HTTP,
      frames: [],
      allowOtherOrigin: false,
      allowEmailCode: false,
    });
    expect(reply).toMatchObject({ result: 'filled' });
  });

  it('which origins count as secure', () => {
    expect(
      ['https://a.example', 'http://127.0.0.1:8787', 'http://localhost:3000', 'http://[::1]:8080'].map(
        isSecureWebOrigin,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      [
        'http://a.example',
        'http://127.0.0.1.evil.example',
        'http://10.0.0.1',
        'ftp://a.example',
        'http://localhost.evil.example',
      ].map(isSecureWebOrigin),
    ).toEqual([false, false, false, false, false]);
    expect(isLoopbackHost('app.localhost')).toBe(true);
  });
});

describe('automatic fill in foreign frames', () => {
  beforeEach(async () => {
    bg.fill.grantedOrigins.add(HTTPS);
    await bg.client.call('account.autofill', { id, origin: HTTPS, on: true });
  });

  it('a frame of the console under a page of another origin (no tab URL reported to us): skipped', async () => {
    const framed = pageOn(HTTPS, { frameId: 5, tab: { id: 3 } });
    expect(await autoFillFrom(framed, HTTPS)).toEqual({ ok: true, value: { result: 'skipped' } });
    const underOther = pageOn(HTTPS, { frameId: 5, tab: { id: 3, url: 'http://news.example/article' } });
    expect(await autoFillFrom(underOther, HTTPS)).toEqual({ ok: true, value: { result: 'skipped' } });
    expect(bg.fill.filled).toEqual([]);
  });

  it('a frame under a top document of its own origin, and the top frame, are filled', async () => {
    const inner = pageOn(HTTPS, { frameId: 5, tab: { id: 3, url: `${HTTPS}/portal` } });
    expect(await autoFillFrom(inner, HTTPS)).toEqual({ ok: true, value: { result: 'filled' } });
    expect(await autoFillFrom(pageOn(HTTPS), HTTPS)).toEqual({ ok: true, value: { result: 'filled' } });
  });
});

/**
 * A window chain as a script in its last frame sees it (`origins` from the top down): reading the location of a
 * window of another origin throws, as the browser's WindowProxy does; the top is its own parent.
 */
function frameChain(origins: string[], listAncestors: boolean): Window {
  const viewer = origins.at(-1)!;
  let parent: Window | null = null;
  let above: string[] = [];
  for (const origin of origins) {
    const win = {} as Record<string, unknown>;
    const up = parent;
    const ancestorOrigins = [...above].reverse();
    const location = {
      origin,
      ...(listAncestors
        ? {
            ancestorOrigins: {
              length: ancestorOrigins.length,
              item: (i: number) => ancestorOrigins[i] ?? null,
            },
          }
        : {}),
    };
    Object.defineProperty(win, 'parent', { get: () => up ?? win });
    Object.defineProperty(win, 'location', {
      get: () => {
        if (origin !== viewer)
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
        return location;
      },
    });
    parent = win as unknown as Window;
    above = [...above, origin];
  }
  return parent!;
}

describe('the page side: framedBySameOrigin', () => {
  it.each([true, false])('ancestorOrigins listed: %s', (listed) => {
    expect(framedBySameOrigin(frameChain([HTTPS], listed))).toBe(true);
    expect(framedBySameOrigin(frameChain([HTTPS, HTTPS, HTTPS], listed))).toBe(true);
    expect(framedBySameOrigin(frameChain(['http://news.example', HTTPS], listed))).toBe(false);
    expect(framedBySameOrigin(frameChain([HTTPS, 'https://ads.example', HTTPS], listed))).toBe(false);
  });

  it('an opaque origin (sandboxed frame, data:) is never a place to fill on its own', () => {
    expect(framedBySameOrigin(frameChain(['null'], true))).toBe(false);
  });
});
