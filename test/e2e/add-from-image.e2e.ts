/**
 * "Add from image" on the options page, in real Chromium: the browser's own image decoding and canvas, the
 * file picker and a pasted screenshot. The phone photo of a Google Authenticator transfer code must import.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  listAccounts,
  type ExtensionSession,
} from './harness';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures/google-migration');
const PHOTO = resolve(FIXTURES, 'example_export.png');
const NOT_OTP = resolve(FIXTURES, 'qr_but_without_otp.png');

describe('Add from image in Chromium', () => {
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchExtension({ extensionPath: E2E_EXTENSION });
    const popup = await session.openPopup();
    await createVaultInPopup(popup, 'add from image passphrase 2026');
    await popup.close();
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#add-from-image`);
    await options.getByRole('heading', { name: 'Add from image' }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('imports the accounts of a phone photo of a transfer code, chosen with the file picker', async () => {
    await options.locator('input[type=file]').setInputFiles(PHOTO);
    await options.getByText('Accounts in this QR code').waitFor({ timeout: 20_000 });
    for (const name of ['Test1', 'Test2', 'Test3']) await options.getByText(name, { exact: true }).waitFor();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Added to Sekimori (3):').waitFor();
    const accounts = await listAccounts(session);
    expect(accounts.map((a) => `${a.issuer}/${a.account}`).sort()).toEqual([
      'Test1/test1@example1.com',
      'Test2/test2@example2.com',
      'Test3/test3@example3.com',
    ]);
    expect(accounts.every((a) => a.origins.length === 0)).toBe(true); // not scanned on a site
  });

  it('a pasted screenshot of the same code: everything is already there', async () => {
    const bytes = readFileSync(PHOTO).toString('base64');
    await options.evaluate(async (base64) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const data = new DataTransfer();
      data.items.add(new File([blob], 'screenshot.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, bytes);
    await options.getByText('All of these accounts are already in Sekimori.').waitFor({ timeout: 20_000 });
  });

  it('a QR code that is not an authenticator key says what it is', async () => {
    await options.reload();
    await options.locator('input[type=file]').setInputFiles(NOT_OTP);
    await options.getByRole('alert').waitFor({ timeout: 20_000 });
    expect(await options.getByRole('alert').textContent()).not.toContain('error_');
    expect(await listAccounts(session)).toHaveLength(3);
  });
});
