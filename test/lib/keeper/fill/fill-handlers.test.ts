/**
 * The background's side of "Fill", over the real keeper on in-memory storage: bound origins only (or the
 * user's explicit confirmation), pinned to the document the popup saw, e-mail code pages only on request,
 * the code handed to the page and nothing else, and a fresh code when the current one is about to expire.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers, type Handlers } from '@/lib/keeper/handlers';
import { MIN_REMAINING_MS } from '@/lib/keeper/fill/fill-handlers';
import { generateCode } from '@/lib/otp/generate-code';
import type { FillRequest } from '@/lib/messages';
import { MemoryStore } from '../../../support/memory-store';
import { recordingFillEffects, type RecordedFillEffects } from '../../../support/fill-effects';
import { recordingScanEffects } from '../../../support/scan-effects';

const PASSWORD = 'correct horse battery staple';
const CONSOLE = 'https://clp.trendmicro.com';
const LOOKALIKE = 'https://clp.trendrnicro.com';
const SECRET = 'ABCDEFGHIJKL2345';
const URI = `otpauth://totp/Trend%20Micro%20SaaS%20Account:abc?secret=${SECRET}&issuer=Trend%20Micro%20SaaS%20Account`;
const START = 1_800_000_010_000; // 10 s into a 30 s step

let clock: { now: number };
let handlers: Handlers;
let fill: RecordedFillEffects;
let id: string;

const request = (over: Partial<FillRequest> = {}): FillRequest => ({
  id,
  tabId: fill.tab.tabId,
  documentId: fill.tab.documentId!,
  origin: CONSOLE,
  frames: fill.tab.frames,
  allowOtherOrigin: false,
  allowEmailCode: false,
  ...over,
});
const codeAt = (ms: number) =>
  generateCode(
    {
      type: 'totp',
      issuer: '',
      account: '',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    },
    ms,
  );

beforeEach(async () => {
  clock = { now: START };
  let n = 0;
  const deps: KeeperDeps = {
    local: new MemoryStore(),
    session: new MemoryStore(),
    now: () => clock.now,
    newId: () => (++n).toString(16).padStart(8, '0'),
  };
  fill = recordingFillEffects();
  fill.sleep = async (ms) => {
    fill.slept.push(ms);
    clock.now += ms;
  };
  handlers = createHandlers(new Keeper(deps), deps, {
    scheduleClipboardClear: async () => undefined,
    ...recordingScanEffects(),
    ...fill,
  });
  await handlers['vault.create']({ password: PASSWORD });
  const saved = await handlers['enrol.save']({ text: URI });
  id = saved.added[0]!;
  await handlers['account.bind']({ id, origin: CONSOLE });
});

describe('fill', () => {
  it('fills the bound site with the current code, in the document the popup saw', async () => {
    expect(await handlers['fill.code'](request())).toEqual({ result: 'filled' });
    expect(fill.filled).toEqual([{ documentId: fill.tab.documentId, code: await codeAt(START) }]);
    expect(fill.slept).toEqual([]);
  });

  it('asks first on a site the account is not bound to, naming both, and fills only when told', async () => {
    fill.tab.origin = LOOKALIKE;
    expect(await handlers['fill.code'](request({ origin: LOOKALIKE }))).toEqual({
      result: 'confirm-origin',
      origin: LOOKALIKE,
      accountOrigins: [CONSOLE],
    });
    expect(fill.filled).toEqual([]);
    expect(await handlers['fill.code'](request({ origin: LOOKALIKE, allowOtherOrigin: true }))).toEqual({
      result: 'filled',
    });
  });

  it('never fills after a navigation: another document, or the same tab now on another origin', async () => {
    const seen = request();
    fill.tab.documentId = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF';
    await expect(handlers['fill.code'](seen)).rejects.toMatchObject({ code: 'fill-navigated' });
    fill.tab.documentId = seen.documentId;
    fill.tab.origin = LOOKALIKE; // the page's own report disagrees with what the user saw
    await expect(handlers['fill.code'](seen)).rejects.toMatchObject({ code: 'fill-navigated' });
    expect(fill.filled).toEqual([]);
  });

  it('an e-mail code page is filled only on the explicit choice', async () => {
    fill.page.emailCode = true;
    expect(await handlers['fill.code'](request())).toEqual({ result: 'confirm-email-code' });
    expect(fill.filled).toEqual([]);
    expect(await handlers['fill.code'](request({ allowEmailCode: true }))).toEqual({ result: 'filled' });
  });

  it('a text-message code page: the question names the text message, and the same choice fills it', async () => {
    fill.page.emailCode = true;
    fill.page.sentTo = 'sms';
    expect(await handlers['fill.code'](request())).toEqual({ result: 'confirm-sms-code' });
    expect(fill.filled).toEqual([]);
    expect(await handlers['fill.code'](request({ allowEmailCode: true }))).toEqual({ result: 'filled' });
  });

  it('a login form framed from another site: filled only when the account is bound to that site', async () => {
    const sso = 'https://sso.trendmicro.com';
    const frameDoc = '0123456789ABCDEF0123456789ABCDEF';
    fill.page.found = false;
    fill.tab.frames = [{ documentId: frameDoc, origin: sso }];
    fill.framePages.set(frameDoc, { origin: sso, found: true });
    expect(await handlers['fill.code'](request())).toEqual({ result: 'no-field', code: await codeAt(START) });
    expect(fill.filled).toEqual([]);
    await handlers['account.bind']({ id, origin: sso });
    expect(await handlers['fill.code'](request())).toEqual({ result: 'filled' });
    expect(fill.filled).toEqual([{ documentId: frameDoc, code: await codeAt(START) }]);
  });

  it('no field: the popup gets the code to copy instead', async () => {
    fill.page.found = false;
    expect(await handlers['fill.code'](request())).toEqual({ result: 'no-field', code: await codeAt(START) });
  });

  it('a field that did not take the code: not-taken (not "no field"), with the code for the popup to copy', async () => {
    fill.page.refuses = true;
    expect(await handlers['fill.code'](request())).toEqual({
      result: 'not-taken',
      code: await codeAt(START),
    });
    expect(fill.filled).toEqual([{ documentId: fill.tab.documentId, code: await codeAt(START) }]);
  });

  it('a bound frame of another site that did not take the code: not-taken too', async () => {
    const sso = 'https://sso.trendmicro.com';
    const frameDoc = '0123456789ABCDEF0123456789ABCDEF';
    fill.page.found = false;
    fill.tab.frames = [{ documentId: frameDoc, origin: sso }];
    fill.framePages.set(frameDoc, { origin: sso, found: true, refuses: true });
    await handlers['account.bind']({ id, origin: sso });
    expect(await handlers['fill.code'](request())).toEqual({
      result: 'not-taken',
      code: await codeAt(START),
    });
  });

  it(`waits for the next code when ${MIN_REMAINING_MS / 1000} s or less are left`, async () => {
    clock.now = START + 18_000; // 2 s left in the step
    await handlers['fill.code'](request());
    expect(fill.slept).toEqual([2050]);
    expect(fill.filled[0]?.code).toBe(await codeAt(START + 20_050));
    expect(fill.filled[0]?.code).not.toBe(await codeAt(START + 18_000));
  });

  it('HOTP: the counter moves on before the code is filled', async () => {
    const hotp = await handlers['enrol.save']({
      text: 'otpauth://hotp/VPN:ops?secret=JBSWY3DPEHPK3PXP&counter=7&issuer=VPN',
    });
    const hotpId = hotp.added[0]!;
    await handlers['account.bind']({ id: hotpId, origin: CONSOLE });
    await handlers['fill.code'](request({ id: hotpId }));
    const list = await handlers['codes.list']({});
    expect(list.accounts.find((a) => a.id === hotpId)?.counter).toBe(8);
  });

  it('locked: nothing is filled', async () => {
    await handlers['vault.lock']({});
    await expect(handlers['fill.code'](request())).rejects.toMatchObject({ code: 'locked' });
  });
});

describe('site binding', () => {
  it('"Use on this site" adds an origin once; the editor replaces the list', async () => {
    await handlers['account.bind']({ id, origin: CONSOLE });
    await handlers['account.bind']({ id, origin: 'http://127.0.0.1:8787' });
    const origins = async () => (await handlers['codes.list']({})).accounts[0]?.origins;
    expect(await origins()).toEqual([CONSOLE, 'http://127.0.0.1:8787']);
    await handlers['account.origins']({ id, origins: ['https://a.example.jp', 'https://a.example.jp'] });
    expect(await origins()).toEqual(['https://a.example.jp']);
  });

  it('the tab context comes from the browser, not from the page', async () => {
    expect(await handlers['tab.context']({})).toEqual(fill.tab);
  });
});
