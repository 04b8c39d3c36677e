/**
 * The walking skeleton in real Chromium: create the vault, add an account by hand, see the right code,
 * survive an extension reload (locked, data intact) and a stopped service worker, and leave no secret in
 * the browser profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { totp } from '../../demo/totp';
import {
  addAccountInPopup,
  codeOf,
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  searchProfileFor,
  unlockPopup,
  type ExtensionSession,
} from './harness';

const PASSWORD = 'gatekeeper of the console 2026';
const ISSUER = 'Trend Micro SaaS Account';
const ACCOUNT = 'abc@example.co.jp';

/** The secret as a person types it from the console page: lower case, in groups of four. */
const typedSecret = (secret: string) => secret.toLowerCase().replace(/(.{4})(?!$)/g, '$1 ');

/** The item shows the code the test computes itself (either side of a step boundary). */
async function expectCurrentCode(item: Locator, secret: string): Promise<void> {
  const before = Date.now();
  const text = (await item.textContent()) ?? '';
  const candidates = new Set([totp(secret, before), totp(secret, Date.now())]);
  expect(
    [...candidates].some((code) => text.includes(code)),
    `codes ${[...candidates]} in "${text}"`,
  ).toBe(true);
}

describe('vault in Chromium', () => {
  let demo: DemoServer;
  let session: ExtensionSession;
  let profile: string;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    profile = await mkdtemp(join(tmpdir(), 'sekimori-e2e-'));
    session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
  });

  /** The popup asks for the password; once given, the account is there with its right code. */
  async function expectLockedThenIntact(): Promise<void> {
    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'Unlock' }).waitFor();
    await unlockPopup(popup, PASSWORD);
    const item = popup.getByRole('listitem').filter({ hasText: ACCOUNT });
    await item.waitFor();
    await expectCurrentCode(item, demo.secret);
  }

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await demo?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('creates the vault, adds an account by hand, and shows the right code', async () => {
    const popup = await session.openPopup();
    await createVaultInPopup(popup, PASSWORD);
    const item = await addAccountInPopup(popup, {
      issuer: ISSUER,
      account: ACCOUNT,
      secret: typedSecret(demo.secret),
    });
    await expect.poll(() => item.textContent()).toContain(ISSUER);
    await expectCurrentCode(item, demo.secret);
  });

  it('the code it shows logs in to the demo console', async () => {
    const popup = await session.openPopup();
    const item = popup.getByRole('listitem').filter({ hasText: ACCOUNT });
    const code = await codeOf(item);
    const login = await session.context.newPage();
    await login.goto(`${demo.url}/trend/login`);
    await login.getByPlaceholder('6桁のコード').fill(code);
    await login.getByRole('button', { name: '送信' }).click();
    await expect.poll(() => login.locator('#result').getAttribute('data-ok')).toBe('true');
    await login.close();
  });

  it('is locked after an extension reload, and unlocks with its data intact', async () => {
    await session.reloadExtension();
    await expectLockedThenIntact();
  });

  it('keeps serving codes after the service worker is stopped', async () => {
    await session.stopServiceWorker();
    const popup = await session.openPopup();
    const item = popup.getByRole('listitem').filter({ hasText: ACCOUNT });
    await item.waitFor();
    await expectCurrentCode(item, demo.secret);
    expect(await popup.getByRole('button', { name: 'Unlock' }).count()).toBe(0);
  });

  it('leaves neither the secret nor an otpauth URI anywhere in the browser profile', async () => {
    await session.close();
    const uri = `otpauth://totp/${encodeURIComponent(ISSUER)}:${encodeURIComponent(ACCOUNT)}?secret=${demo.secret}`;
    // Our own code contains the text 'otpauth://', so the needles are this account's URI and secret.
    const needles = [demo.secret, typedSecret(demo.secret), uri, `secret=${demo.secret}`, ACCOUNT];
    const found = await searchProfileFor(profile, needles);
    expect(found).toEqual([]);
  });

  it('is locked after a browser restart on the same profile, and unlocks with its data intact', async () => {
    session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
    await expectLockedThenIntact();
  });
});
