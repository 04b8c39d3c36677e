/**
 * "Fill automatically on this site", the background's side, over the real keeper on in-memory storage: the
 * choice needs the user's grant of that exact origin (and survives the prompt closing the popup), the script is
 * registered on granted origins only, and a page's request fills only when the vault is unlocked and exactly one
 * account asked for automatic fill on the frame's own origin — never HOTP, never an e-mail code page, never a
 * field that is not sure or already typed in.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers, type Handlers } from '@/lib/keeper/handlers';
import { createAutoFill, WISH_MS, type AutoFill } from '@/lib/keeper/fill/auto-fill-handlers';
import { createRouter } from '@/lib/keeper/router';
import type { SenderInfo } from '@/lib/keeper/sender';
import { generateCode } from '@/lib/otp/generate-code';
import { MemoryStore } from '../../../support/memory-store';
import { recordingFillEffects, type RecordedFillEffects } from '../../../support/fill-effects';
import { recordingScanEffects } from '../../../support/scan-effects';

const PASSWORD = 'correct horse battery staple';
const CONSOLE = 'https://clp.trendmicro.com';
const LOOKALIKE = 'https://clp.trendmicro.com.example.net';
const SECRET = 'ABCDEFGHIJKL2345';
const URI = `otpauth://totp/Trend%20Micro%20SaaS%20Account:abc?secret=${SECRET}&issuer=Trend%20Micro%20SaaS%20Account`;
const START = 1_800_000_010_000; // 10 s into a 30 s step
const SELF = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};

let clock: { now: number };
let handlers: Handlers;
let autoFill: AutoFill;
let fill: RecordedFillEffects;
let id: string;

const pageSender = (over: Partial<SenderInfo> = {}): SenderInfo => ({
  id: SELF.id,
  url: `${CONSOLE}/login`,
  origin: CONSOLE,
  tab: { id: fill.tab.tabId },
  frameId: 0,
  documentId: fill.tab.documentId!,
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
const listed = async () => (await handlers['codes.list']({})).accounts.find((a) => a.id === id)!;

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
  fill.tab.origin = CONSOLE;
  fill.sleep = async (ms) => {
    fill.slept.push(ms);
    clock.now += ms;
  };
  const keeper = new Keeper(deps);
  const effects = { scheduleClipboardClear: async () => undefined, ...recordingScanEffects(), ...fill };
  autoFill = createAutoFill(keeper, deps, effects);
  handlers = createHandlers(keeper, deps, effects, autoFill);
  await handlers['vault.create']({ password: PASSWORD });
  const saved = await handlers['enrol.save']({ text: URI });
  id = saved.added[0]!;
  await handlers['account.bind']({ id, origin: CONSOLE });
});

describe('turning automatic fill on and off', () => {
  it('on a site already granted: on at once, and the script runs there', async () => {
    fill.grantedOrigins.add(CONSOLE);
    expect(await handlers['account.autofill']({ id, origin: CONSOLE, on: true })).toEqual({ state: 'on' });
    expect((await listed()).autoFill).toEqual([CONSOLE]);
    expect(fill.registered).toEqual([CONSOLE]);
  });

  it('waits for the browser prompt; the grant completes it even when the popup has closed', async () => {
    expect(await handlers['account.autofill']({ id, origin: CONSOLE, on: true })).toEqual({
      state: 'needs-permission',
    });
    expect((await listed()).autoFill).toEqual([]);
    expect(fill.registered).toBeNull();
    clock.now += 20_000; // the user reads the prompt
    fill.grantedOrigins.add(CONSOLE);
    await autoFill.granted([CONSOLE]);
    expect((await listed()).autoFill).toEqual([CONSOLE]);
    expect(fill.registered).toEqual([CONSOLE]);
  });

  it('a grant for another origin, or one that comes too late, turns nothing on', async () => {
    await handlers['account.autofill']({ id, origin: CONSOLE, on: true });
    fill.grantedOrigins.add(LOOKALIKE);
    await autoFill.granted([LOOKALIKE]);
    expect((await listed()).autoFill).toEqual([]);
    clock.now += WISH_MS + 1;
    fill.grantedOrigins.add(CONSOLE);
    await autoFill.granted([CONSOLE]);
    expect((await listed()).autoFill).toEqual([]);
  });

  it('a grant that arrives while the vault is locked is completed at unlock', async () => {
    await handlers['account.autofill']({ id, origin: CONSOLE, on: true });
    await handlers['vault.lock']({});
    fill.grantedOrigins.add(CONSOLE);
    await autoFill.granted([CONSOLE]);
    await handlers['vault.unlock']({ password: PASSWORD });
    expect((await listed()).autoFill).toEqual([CONSOLE]);
    expect(fill.registered).toEqual([CONSOLE]);
  });

  it('off: the script stops there and the site is given back when no other account needs it', async () => {
    fill.grantedOrigins.add(CONSOLE);
    await handlers['account.autofill']({ id, origin: CONSOLE, on: true });
    expect(await handlers['account.autofill']({ id, origin: CONSOLE, on: false })).toEqual({ state: 'off' });
    expect((await listed()).autoFill).toEqual([]);
    expect(fill.registered).toEqual([]);
    expect(fill.released).toEqual([CONSOLE]);
  });

  it('removing the site or deleting the account ends it too', async () => {
    fill.grantedOrigins.add(CONSOLE);
    await handlers['account.autofill']({ id, origin: CONSOLE, on: true });
    await handlers['account.origins']({ id, origins: [] });
    expect(fill.registered).toEqual([]);
    await handlers['account.origins']({ id, origins: [CONSOLE] });
    expect((await listed()).autoFill).toEqual([]); // a site added again starts without automatic fill
    await handlers['account.autofill']({ id, origin: CONSOLE, on: true });
    await handlers['account.delete']({ id });
    expect(fill.registered).toEqual([]);
  });

  it('is not offered for HOTP: every page load would use up a code', async () => {
    const hotp = await handlers['enrol.save']({
      text: 'otpauth://hotp/Webroot:admin?secret=JBSWY3DPEHPK3PXP&counter=5&issuer=Webroot',
    });
    fill.grantedOrigins.add(CONSOLE);
    await expect(
      handlers['account.autofill']({ id: hotp.added[0]!, origin: CONSOLE, on: true }),
    ).rejects.toMatchObject({ code: 'autofill-hotp' });
  });

  it('needs the vault unlocked', async () => {
    await handlers['vault.lock']({});
    await expect(handlers['account.autofill']({ id, origin: CONSOLE, on: true })).rejects.toMatchObject({
      code: 'locked',
    });
  });
});

describe('a page asks to be filled', () => {
  beforeEach(async () => {
    fill.grantedOrigins.add(CONSOLE);
    await handlers['account.autofill']({ id, origin: CONSOLE, on: true });
  });

  it('fills the current code into the very document that asked', async () => {
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'filled' });
    expect(fill.filled).toEqual([{ documentId: fill.tab.documentId, code: await codeAt(START) }]);
  });

  it('through the router: the reply says what happened and never carries the code', async () => {
    const route = createRouter(handlers, SELF);
    const reply = await route({ type: 'fill.auto', payload: {} }, pageSender());
    expect(reply).toEqual({ ok: true, value: { result: 'filled' } });
    expect(JSON.stringify(reply)).not.toContain(await codeAt(START));
  });

  it('with 3 s or less left, waits and fills the next code', async () => {
    clock.now = START + 18_000; // 2 s left
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'filled' });
    expect(fill.filled[0]!.code).toBe(await codeAt(START + 20_050));
  });

  it('locked: nothing is filled', async () => {
    await handlers['vault.lock']({});
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'locked' });
    expect(fill.filled).toEqual([]);
  });

  it('a lookalike origin (even one the user granted) is not the bound site', async () => {
    fill.grantedOrigins.add(LOOKALIKE);
    fill.tab.origin = LOOKALIKE;
    const sender = pageSender({ url: `${LOOKALIKE}/login`, origin: LOOKALIKE });
    expect(await handlers['fill.auto']({}, sender)).toEqual({ result: 'skipped' });
    expect(fill.filled).toEqual([]);
  });

  it('the permission taken back in the browser: nothing is filled', async () => {
    fill.grantedOrigins.delete(CONSOLE);
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'skipped' });
    expect(fill.filled).toEqual([]);
  });

  it('two accounts asking on the same site: nothing is filled (the user picks in the popup)', async () => {
    const other = await handlers['enrol.save']({
      text: 'otpauth://totp/Trend%20Micro:second?secret=JBSWY3DPEHPK3PXP&issuer=Trend%20Micro',
    });
    await handlers['account.autofill']({ id: other.added[0]!, origin: CONSOLE, on: true });
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'skipped' });
    expect(fill.filled).toEqual([]);
  });

  it('a second account bound to the site but without automatic fill does not get in the way', async () => {
    const other = await handlers['enrol.save']({
      text: 'otpauth://totp/Trend%20Micro:second?secret=JBSWY3DPEHPK3PXP&issuer=Trend%20Micro',
    });
    await handlers['account.bind']({ id: other.added[0]!, origin: CONSOLE });
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'filled' });
  });

  it('an e-mail code page, an unsure field, or a field already typed in: left alone', async () => {
    fill.page.emailCode = true;
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'skipped' });
    fill.page.emailCode = false;
    fill.page.confident = false;
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'skipped' });
    fill.page.confident = true;
    fill.page.empty = false;
    expect(await handlers['fill.auto']({}, pageSender())).toEqual({ result: 'skipped' });
    expect(fill.filled).toEqual([]);
  });

  it('a document that went away before the fill: nothing is filled', async () => {
    const sender = pageSender({ documentId: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' });
    expect(await handlers['fill.auto']({}, sender)).toEqual({ result: 'skipped' });
    expect(fill.filled).toEqual([]);
  });

  it('a browser without document ids: the sender frame, with its origin checked in the page', async () => {
    expect(await handlers['fill.auto']({}, pageSender({ documentId: undefined }))).toEqual({
      result: 'filled',
    });
    fill.tab.origin = LOOKALIKE; // the frame navigated away meanwhile
    expect(await handlers['fill.auto']({}, pageSender({ documentId: undefined }))).toEqual({
      result: 'skipped',
    });
    expect(fill.filled).toHaveLength(1);
  });

  it('a frame of the bound site under a page of its own origin is filled; under another page it is not', async () => {
    const frameDoc = '0123456789ABCDEF0123456789ABCDEF';
    fill.framePages.set(frameDoc, { origin: CONSOLE, found: true });
    const underOther = pageSender({ frameId: 4, documentId: frameDoc });
    expect(await handlers['fill.auto']({}, underOther)).toEqual({ result: 'skipped' });
    expect(fill.filled).toEqual([]);
    const underOwn = pageSender({
      frameId: 4,
      documentId: frameDoc,
      tab: { id: fill.tab.tabId, url: `${CONSOLE}/portal` },
    });
    expect(await handlers['fill.auto']({}, underOwn)).toEqual({ result: 'filled' });
    expect(fill.filled).toEqual([{ documentId: frameDoc, code: await codeAt(START) }]);
  });
});
