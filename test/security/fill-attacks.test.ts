/**
 * Checklist, "Attacks": fill on a lookalike or punycode origin, on a page titled like the console, into a
 * cross-origin iframe, after a navigation race, into a hidden field. The background's side, through the real
 * handlers with the recorded browser side (test/support/fill-effects.ts): only the bound exact origin is filled
 * without asking, the fill is pinned to the document the popup saw, and a code reaches no other document. The page
 * side (hidden fields, the page's own origin check) is fill-attacks-page.test.ts.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FillRequest } from '@/lib/messages';
import { recordingFillEffects } from '../support/fill-effects';
import { background, copyStores, SENDERS, type Background } from './support/background';
import { remoteCode } from './support/remote-code';

const CONSOLE = 'https://clp.trendmicro.com';
const SECRET = 'ABCDEFGHIJKL2345';
const URI = `otpauth://totp/Trend%20Micro%20SaaS%20Account:abc?secret=${SECRET}&issuer=Trend%20Micro%20SaaS%20Account`;

/** An internationalised host as the browser's origin writes it (punycode). */
const ascii = (host: string) => new URL(`https://${host}`).origin;

/** Origins that look like the console to a person, each one a different site to the browser. */
const LOOKALIKES = [
  'https://clp.trendrnicro.com', // rn for m
  'https://clp.trendmicro.co', // another top-level domain
  'https://clp.trendmicro.com.evil.example', // the real name as a subdomain
  'https://clp-trendmicro.com',
  'http://clp.trendmicro.com', // the same host without TLS
  'https://clp.trendmicro.com:8443', // another port
  ascii('clp.trendm\u00edcro.com'), // trendmícro, as punycode
  ascii('clp.tr\u0435ndmicro.com'), // a Cyrillic е
  ascii('\u0430\u0440\u0440\u04cf\u0435.com'), // аррӏе, all Cyrillic
];

let bg: Background;
let id: string;
/** The vault every test starts from (one key derivation for the whole file). */
let template: Background;

const request = (over: Partial<FillRequest> = {}): FillRequest => ({
  id,
  tabId: bg.fill.tab.tabId,
  documentId: bg.fill.tab.documentId!,
  origin: CONSOLE,
  frames: bg.fill.tab.frames,
  allowOtherOrigin: false,
  allowEmailCode: false,
  ...over,
});

beforeAll(async () => {
  template = background();
  await template.client.call('vault.create', { password: 'fill attacks campaign' });
  [id] = (await template.client.call('enrol.save', { text: URI })).added as [string];
  await template.client.call('account.bind', { id, origin: CONSOLE });
});

beforeEach(() => {
  bg = background(copyStores(template));
});

describe('fill on a lookalike or punycode origin', () => {
  it.each(LOOKALIKES)(
    '%s: asks first, naming both origins; fills nothing unless the user confirms',
    async (origin) => {
      bg.fill.tab.origin = origin;
      expect(await bg.client.call('fill.code', request({ origin }))).toEqual({
        result: 'confirm-origin',
        origin,
        accountOrigins: [CONSOLE],
      });
      expect(bg.fill.filled).toEqual([]);
    },
  );

  it('a Unicode homoglyph origin (Cyrillic і in trendmіcro) is not even a valid request: only canonical origins are', async () => {
    const homoglyph = 'https://clp.trendm\u0456cro.com';
    expect(new URL(homoglyph).origin).not.toBe(homoglyph); // the browser itself sees xn--…
    expect(await remoteCode(bg.client.call('fill.code', request({ origin: homoglyph })))).toBe('bad-request');
    expect(await remoteCode(bg.client.call('account.bind', { id, origin: homoglyph }))).toBe('bad-request');
    expect(bg.fill.filled).toEqual([]);
  });

  it.each(LOOKALIKES)(
    '%s asks to be filled automatically (even granted by the user): skipped',
    async (origin) => {
      bg.fill.grantedOrigins.add(CONSOLE);
      bg.fill.grantedOrigins.add(origin);
      await bg.client.call('account.autofill', { id, origin: CONSOLE, on: true });
      bg.fill.tab.origin = origin;
      const sender = { ...SENDERS.contentScript, url: `${origin}/login`, origin };
      expect(await bg.route({ type: 'fill.auto', payload: {} }, sender)).toEqual({
        ok: true,
        value: { result: 'skipped' },
      });
      expect(bg.fill.filled).toEqual([]);
    },
  );
});

describe('fill on a page titled like the console', () => {
  it('the title, the issuer and the account name never count: a page on another origin named "Trend Micro SaaS Account" is asked about', async () => {
    // Everything a page controls says "console"; only the origin the browser reports decides.
    bg.fill.tab.origin = 'https://evil.example';
    const reply = await bg.client.call('fill.code', request({ origin: 'https://evil.example' }));
    expect(reply).toMatchObject({ result: 'confirm-origin', origin: 'https://evil.example' });
    expect(bg.fill.filled).toEqual([]);
    // The popup's idea of the tab comes from the browser (tab.context), never from the page.
    expect((await bg.client.call('tab.context', {})).origin).toBe('https://evil.example');
  });

  it('a page that reports another origin than the one the user saw (it lied or navigated) is not filled, even when confirmed', async () => {
    bg.fill.tab.origin = 'https://evil.example';
    expect(await remoteCode(bg.client.call('fill.code', request({ origin: CONSOLE })))).toBe(
      'fill-navigated',
    );
    expect(
      await remoteCode(bg.client.call('fill.code', request({ origin: CONSOLE, allowOtherOrigin: true }))),
    ).toBe('fill-navigated');
    expect(bg.fill.filled).toEqual([]);
  });
});

describe('fill into a cross-origin iframe', () => {
  const FRAME = '0123456789ABCDEF0123456789ABCDEF';

  it('a frame of another site on the console page is never filled for the console account; the code goes to the popup to copy', async () => {
    for (const origin of ['https://ads.example.net', ...LOOKALIKES]) {
      bg.fill.page.found = false;
      bg.fill.tab.frames = [{ documentId: FRAME, origin }];
      bg.fill.framePages.set(FRAME, { origin, found: true });
      const reply = await bg.client.call('fill.code', request());
      expect(reply, origin).toMatchObject({ result: 'no-field' });
      expect(bg.fill.filled, origin).toEqual([]);
    }
  });

  it('a frame whose document now belongs to another origin than the popup saw is not filled, even for a bound origin', async () => {
    const sso = 'https://sso.trendmicro.com';
    await bg.client.call('account.bind', { id, origin: sso });
    bg.fill.page.found = false;
    bg.fill.tab.frames = [{ documentId: FRAME, origin: sso }];
    bg.fill.framePages.set(FRAME, { origin: 'https://evil.example', found: true }); // navigated meanwhile
    expect(await bg.client.call('fill.code', request())).toMatchObject({ result: 'no-field' });
    expect(bg.fill.filled).toEqual([]);
    bg.fill.framePages.set(FRAME, { origin: sso, found: true });
    expect(await bg.client.call('fill.code', request())).toEqual({ result: 'filled' });
    expect(bg.fill.filled.map((f) => f.documentId)).toEqual([FRAME]);
  });

  it('a cross-origin frame asking to be filled automatically gets nothing unless its own origin is the bound one', async () => {
    bg.fill.grantedOrigins.add(CONSOLE);
    await bg.client.call('account.autofill', { id, origin: CONSOLE, on: true });
    const reply = await bg.route({ type: 'fill.auto', payload: {} }, SENDERS.subframeScript);
    expect(reply).toEqual({ ok: true, value: { result: 'skipped' } });
    expect(bg.fill.filled).toEqual([]);
  });
});

describe('fill after a navigation race', () => {
  it('the tab moved to another document (same or other origin) between the click and the fill: nothing filled', async () => {
    const seen = request();
    for (const [documentId, origin] of [
      ['FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', CONSOLE], // reloaded
      ['EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE', 'https://evil.example'], // redirected away
      [seen.documentId, 'https://evil.example'], // same id reported, other origin: never trusted
    ] as const) {
      bg.fill.tab.documentId = documentId;
      bg.fill.tab.origin = origin;
      expect(await remoteCode(bg.client.call('fill.code', seen))).toBe('fill-navigated');
      expect(await remoteCode(bg.client.call('fill.code', { ...seen, allowOtherOrigin: true }))).toBe(
        'fill-navigated',
      );
    }
    expect(bg.fill.filled).toEqual([]);
  });

  it('a navigation while the fill waits for the next code (few seconds left) still fills nothing', async () => {
    const clock = { now: Math.ceil(Date.now() / 30_000) * 30_000 + 28_500 }; // 1.5 s left in the step
    const fill = recordingFillEffects();
    fill.sleep = async (ms) => {
      fill.slept.push(ms);
      clock.now += ms;
      fill.tab.documentId = 'DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD'; // the page navigates during the wait
    };
    const raced = background({ ...copyStores(template), now: () => clock.now, fill });
    const rid = id;
    const seen: FillRequest = {
      id: rid,
      tabId: raced.fill.tab.tabId,
      documentId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
      origin: CONSOLE,
      frames: [],
      allowOtherOrigin: false,
      allowEmailCode: false,
    };
    expect(await remoteCode(raced.client.call('fill.code', seen))).toBe('fill-navigated');
    expect(fill.slept.length).toBe(1);
    expect(raced.fill.filled).toEqual([]);
  });
});

describe('fill into a hidden field', () => {
  it('the background only ever hands the code to the fill script of the pinned document, which decides on visibility', async () => {
    // No field the page shows: the background gets "not found" and the code goes to the popup, not to the page.
    bg.fill.page.found = false;
    expect(await bg.client.call('fill.code', request())).toMatchObject({ result: 'no-field' });
    expect(bg.fill.filled).toEqual([]);
  });
});
