/**
 * Clicking a code copies it; 30 seconds later the clipboard is cleared, but only if it still holds that
 * code — something the user copied since is left alone. Real time, real clipboard, real offscreen document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../demo/totp';
import {
  addAccountInPopup,
  codeOf,
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  type ExtensionSession,
} from './harness';
import type { Page } from 'playwright-core';

const SECRET = 'JBSWY3DPEHPK3PXP';
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('clipboard', () => {
  let session: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    session = await launchExtension({ extensionPath: E2E_EXTENSION });
    popup = await session.openPopup();
    await createVaultInPopup(popup, 'clipboard test password');
    await addAccountInPopup(popup, { issuer: 'Webroot', account: 'admin@example.jp', secret: SECRET });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('leaves alone what the user copied after the code, and clears the code itself after 30 s', async () => {
    const item = popup.getByRole('listitem');
    await item.getByRole('button', { name: /^Copy code for/ }).click();
    const copied = await readClipboard(popup);
    expect([totp(SECRET, Date.now()), totp(SECRET, Date.now() - 2000)]).toContain(copied);
    expect(await codeOf(item)).toBe(copied);
    await popup.getByText('Copied. The clipboard is cleared in 30 seconds.').waitFor();

    await popup.evaluate(() => navigator.clipboard.writeText('meeting notes'));
    await sleep(31_500);
    expect(await readClipboard(popup)).toBe('meeting notes');

    await item.getByRole('button', { name: /^Copy code for/ }).click();
    expect(await readClipboard(popup)).toMatch(/^\d{6}$/);
    await sleep(31_500);
    expect(await readClipboard(popup)).toBe('');
  });
});
