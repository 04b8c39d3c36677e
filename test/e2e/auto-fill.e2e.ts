/**
 * "Fill automatically on this site", in real Chromium on the demo console. The browser's permission prompt
 * cannot be clicked by automation, so the user's "Allow" is written into the profile between two launches
 * (exactly where Chromium records it); everything else is done as a person does it: the checkbox in the account
 * editor, then simply opening the login page. The demo server checks the code when the test presses Enter —
 * Sekimori itself never submits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { verifyTotp } from '../../demo/totp';
import {
  createVaultInPopup,
  E2E_EXTENSION,
  grantHostAccess,
  launchExtension,
  openActionPopup,
  unlockPopup,
  type ExtensionSession,
  askBackground,
} from './harness';

const send = askBackground;

const PASSWORD = 'gatekeeper of the console 2026';
const TREND = 'Trend Micro SaaS Account';

async function accountNamed(session: ExtensionSession, issuer: string) {
  const list = (await send(session, 'codes.list', {})) as {
    accounts: { id: string; issuer: string; autoFill: string[]; origins: string[] }[];
  };
  return list.accounts.find((a) => a.issuer === issuer)!;
}

const submissions = (demo: DemoServer, path: string) => demo.state().logins[path]?.submissions ?? [];

describe('automatic fill in Chromium', () => {
  let demo: DemoServer;
  let session: ExtensionSession;
  let profile: string;
  let origin: string;
  let other: string;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    origin = new URL(demo.url).origin;
    other = new URL(demo.otherUrl).origin;
    profile = await mkdtemp(join(tmpdir(), 'sekimori-autofill-'));
    session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
    const popup = await session.openPopup();
    await createVaultInPopup(popup, PASSWORD);
    await popup.close();
    const state = demo.state();
    for (const uri of [state.qrCodes.find((q) => q.page === '/trend/enrol')!.text, state.servicenow.uri]) {
      const { added } = (await send(session, 'enrol.save', { text: uri })) as { added: string[] };
      await send(session, 'account.bind', { id: added[0]!, origin });
    }
    // The user answers "Allow" for the console (and, for the frame test, the SSO-like other origin).
    const { extensionId } = session;
    await session.close();
    await grantHostAccess(profile, extensionId, [origin, other]);
    session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
    const again = await session.openPopup();
    await unlockPopup(again, PASSWORD);
    await again.getByRole('button', { name: 'Add account' }).waitFor();
    await again.close();
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function openLogin(path: string, base = demo.url): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`${base}${path}`);
    return page;
  }

  it('is turned on in the account editor, per site', async () => {
    const popup = await session.openPopup();
    await popup.locator('li[data-id]', { hasText: TREND }).locator('button.edit').click();
    const box = popup.getByRole('checkbox', { name: `Fill automatically on ${origin}` });
    await expect(box.isChecked()).resolves.toBe(false);
    await box.check();
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect.poll(async () => (await accountNamed(session, TREND)).autoFill).toEqual([origin]);
    await popup.screenshot({ path: join(__dirname, '../../.output/screenshots/autofill-editor.png') });
    await popup.close();
  });

  it('opening the login page fills the code; the user submits it and the server accepts it', async () => {
    const page = await openLogin('/trend/login');
    const field = page.getByLabel('6桁のコード');
    await expect.poll(() => field.inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    await page.waitForTimeout(500);
    expect(submissions(demo, '/trend/login')).toEqual([]); // filled, never submitted
    await field.press('Enter');
    await expect.poll(() => submissions(demo, '/trend/login').at(-1)?.ok, { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('the e-mail code page on the same site is not filled on its own', async () => {
    const page = await openLogin('/servicenow/email-code');
    await page.waitForTimeout(1500);
    expect(await page.getByLabel('6桁の認証コード').inputValue()).toBe('');
    await page.close();
  });

  it('a lookalike origin, even one granted, is not filled', async () => {
    const page = await openLogin('/trend/login', demo.otherUrl);
    await page.waitForTimeout(1500);
    expect(await page.getByLabel('6桁のコード').inputValue()).toBe('');
    await page.close();
  });

  it('while the vault is locked nothing is filled', async () => {
    await send(session, 'vault.lock', {});
    const page = await openLogin('/trend/login');
    await page.waitForTimeout(1500);
    expect(await page.getByLabel('6桁のコード').inputValue()).toBe('');
    await page.close();
    const popup = await session.openPopup();
    await unlockPopup(popup, PASSWORD);
    await popup.getByRole('button', { name: 'Add account' }).waitFor();
    await popup.close();
  });

  it('a login form framed from another origin is filled by "Fill" once the account is bound to that origin', async () => {
    const { id } = await accountNamed(session, TREND);
    await send(session, 'account.bind', { id, origin: other });
    const page = await openLogin('/fixtures/cross-frame');
    const popup = await openActionPopup(session.context, session.extensionId, page);
    await popup.clickInRow(TREND, 'fill');
    await popup.waitClosed();
    const inner = page.frameLocator('iframe').locator('input').first();
    await expect.poll(() => inner.inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(verifyTotp(demo.secret, await inner.inputValue())).toBe(true);
    await page.close();
  });

  it('never on its own in a frame of the granted site inside a page of another origin', async () => {
    const { id } = await accountNamed(session, TREND); // bound to the other origin by the test above
    await send(session, 'account.autofill', { id, origin: other, on: true });
    // The control: the same form opened as a page of its own is filled by itself.
    const alone = await openLogin('/fixtures/trap-inner', demo.otherUrl);
    await expect.poll(() => alone.locator('#trap-code').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    await alone.close();
    // Framed by a page of another origin (as a network attacker would frame it): left alone.
    const page = await openLogin('/fixtures/cross-frame');
    const inner = page.frameLocator('iframe').locator('#trap-code');
    await inner.waitFor();
    await page.waitForTimeout(1500);
    expect(await inner.inputValue()).toBe('');
    await page.close();
    await send(session, 'account.autofill', { id, origin: other, on: false });
  });

  it('clock check: measured against a granted server (the demo console), refused for one not granted', async () => {
    const state = (await send(session, 'clock.check', { server: origin })) as {
      server: string;
      offsetMs: number;
      roundTripMs: number;
    };
    expect(state.server).toBe(origin);
    expect(Math.abs(state.offsetMs)).toBeLessThan(1500); // same machine: only the Date header's whole seconds
    expect(state.roundTripMs).toBeLessThan(2000);
    const notGranted = `http://localhost:${new URL(demo.url).port}`;
    await expect(send(session, 'clock.check', { server: notGranted })).rejects.toThrow('clock-not-allowed');
  });

  it('turned off: the page is left alone again', async () => {
    const { id } = await accountNamed(session, TREND);
    await send(session, 'account.autofill', { id, origin, on: false });
    const page = await openLogin('/trend/login');
    await page.waitForTimeout(1500);
    expect(await page.getByLabel('6桁のコード').inputValue()).toBe('');
    await page.close();
  });
});
