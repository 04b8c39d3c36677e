/**
 * Back up, export and import as people see them in Chromium, in English and Japanese, light and dark: each
 * screen is photographed into .output/screenshots/ (to look at) and checked for horizontal overflow and
 * unlabelled controls. In one of them the real browser also saves the backup (Blob + `<a download>`), the
 * import section reads it back through the file picker, and a transfer QR code is read from its pixels.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeQr } from '../../lib/qr/decode-qr';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import { checkLayout, E2E_EXTENSION, launchExtension, type ExtensionSession, sendFromPage } from './harness';

const send = sendFromPage;

const OUT = resolve(__dirname, '../../.output/screenshots');
const PASSWORD = 'backups keep accounts 2026';
const BACKUP_PASSWORD = 'a separate backup phrase';

const CONSOLES = Array.from({ length: 10 }, (_, i) => ({
  issuer: `Console ${i + 1}`,
  account: `admin${i + 1}@example.jp`,
  secret: `JBSWY3DPEHPK3P${'ABCDEFGHIJ'[i]}Q`,
}));

const sessions: ExtensionSession[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['ja', 'light'],
  ['ja', 'dark'],
] as const)('backup and import screens (%s, %s)', (lang, scheme) => {
  it('reminder, backup cards, transfer codes, account QR, import password and preview', async () => {
    await mkdir(OUT, { recursive: true });
    const session = await launchExtension({
      extensionPath: E2E_EXTENSION,
      locale: lang === 'ja' ? 'ja' : 'en-US',
      colorScheme: scheme,
    });
    sessions.push(session);
    const messages = JSON.parse(
      await readFile(resolve(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
    ) as Record<string, { message: string }>;
    const t = (key: string) => messages[key]!.message;
    const shot = async (page: Page, name: string, selector?: string) => {
      await checkLayout(page);
      const path = join(OUT, `${lang}-${scheme}-${name}.png`);
      if (!selector) return void (await page.screenshot({ path }));
      // The whole page from the top, clipped to the element: an element shot of a tall section (or a full-page
      // shot while scrolled) paints the sticky bar over it.
      await page.evaluate(() => scrollTo(0, 0));
      const clip = await page.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const pad = 12;
        return { x: 0, y: Math.max(0, r.top + scrollY - pad), width: innerWidth, height: r.height + 2 * pad };
      });
      await page.screenshot({ path, fullPage: true, clip });
    };

    const popup = await session.openPopup();
    await popup.setViewportSize({ width: 360, height: 520 });
    // The accounts were added a day ago (the reminder waits that long): the background's clock is set back
    // while they are added, then put right, and the vault is unlocked again (the session had run out).
    const worker = await session.serviceWorker();
    await worker.evaluate(
      `globalThis.__realNow = Date.now; Date.now = () => globalThis.__realNow() - 25 * 3600 * 1000;`,
    );
    await send(popup, 'vault.create', { password: PASSWORD });
    for (const draft of [...SHARED_ACCOUNTS, ...CONSOLES]) await send(popup, 'account.add', { draft });
    await worker.evaluate(`Date.now = globalThis.__realNow;`);
    await send(popup, 'vault.unlock', { password: PASSWORD });
    await popup.reload();
    await popup.locator('.backup-reminder').waitFor();
    expect(await popup.locator('.backup-reminder p').textContent()).toBe(
      t('backup_reminder_many').replace('$1', '15'),
    );
    await shot(popup, 'b1-popup-reminder');

    const options = await session.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.goto(`chrome-extension://${session.extensionId}/options.html#backup`);
    const backup = options.locator('#backup');
    await backup.locator('.backup-state dd').nth(1).filter({ hasText: '15' }).waitFor();
    await shot(options, 'b2-backup-section', '#backup');

    // Google transfer: twelve accounts in three codes (five a code), three accounts left out.
    const google = options.locator('.options-card').filter({ hasText: t('google_transfer_title') });
    // The Sekimori password is asked once, in the step of the action chosen: no field on the page before it.
    expect(await backup.locator('input[type=password]').count()).toBe(2); // the backup file's own two
    await google.getByRole('button', { name: t('google_transfer_button') }).click();
    await google.locator('input[type=password]').fill(PASSWORD);
    await shot(options, 'b2b-password-step', '#backup');
    await google.getByRole('button', { name: t('google_transfer_button') }).click();
    await google.locator('svg.qr').waitFor();
    expect(await google.locator('.left-out li').count()).toBe(3);
    await shot(options, 'b3-google-transfer', '#backup');
    if (lang === 'en' && scheme === 'light') {
      // A phone reads pixels: the code as drawn on screen must decode.
      const png = PNG.sync.read(await google.locator('svg.qr').screenshot());
      const text = decodeQr({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });
      expect(text).toMatch(/^otpauth-migration:\/\/offline\?data=/);
    }
    await options.keyboard.press('ArrowRight');
    await google.getByText(lang === 'en' ? '2 / 3' : '3枚中2枚目').waitFor();
    await google.getByRole('button', { name: t('button_done') }).click();
    expect(await options.locator('svg.qr').count()).toBe(0);

    const one = options.locator('.options-card').filter({ hasText: t('account_qr_title') });
    await one.locator('select').selectOption({ index: 1 });
    await one.getByRole('button', { name: t('account_qr_button') }).click();
    await one.locator('input[type=password]').fill(PASSWORD);
    await one.getByRole('button', { name: t('account_qr_button') }).click();
    await one.locator('svg.qr').waitFor();
    await shot(options, 'b4-account-qr', '.options-card:has(svg.qr)');
    await one.getByRole('button', { name: t('button_done') }).click();

    // The encrypted backup, saved by the browser, then read back through the import section's file picker.
    const file = options.locator('.options-card').filter({ hasText: t('backup_file_title') });
    await file.locator('#backup-new-password').fill(BACKUP_PASSWORD);
    await file.locator('#backup-confirm-password').fill(BACKUP_PASSWORD);
    await file.getByRole('button', { name: t('backup_file_button') }).click();
    await file.locator('#backup-vault-password').fill(PASSWORD);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      file.getByRole('button', { name: t('backup_file_button') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sekimori-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = await download.path();
    expect(JSON.parse(await readFile(saved, 'utf8'))).toBeTypeOf('object');
    await file.locator('.done-note').waitFor();
    await file
      .locator('.backup-state dd')
      .nth(1)
      .filter({ hasText: t('backup_unbacked_none') })
      .waitFor();

    await options.locator('#import').scrollIntoViewIfNeeded();
    const [chooser] = await Promise.all([
      options.waitForEvent('filechooser'),
      options.getByRole('button', { name: t('import_choose') }).click(),
    ]);
    await chooser.setFiles(saved);
    await options.locator('#import-password').waitFor();
    await options.locator('#import-password').fill('not it');
    await options.getByRole('button', { name: t('import_password_button') }).click();
    await options.locator('#import-password-error').waitFor();
    await shot(options, 'b5-import-password', '#import');
    await options.locator('#import-password').fill(BACKUP_PASSWORD);
    await options.getByRole('button', { name: t('import_password_button') }).click();
    await options.locator('.import-list').waitFor();
    // Everything in the file is already in Sekimori: all marked, none ticked.
    expect(await options.locator('.import-list input:checked').count()).toBe(0);
    expect(await options.locator('.import-list .badge').count()).toBe(15);
    await options.getByRole('button', { name: t('import_select_all') }).click();
    await options.locator('.import-list input').nth(2).uncheck();
    await shot(options, 'b6-import-preview', '#import');
    await session.close();
  });
});
