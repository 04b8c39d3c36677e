/**
 * The popup as people see it, in English and Japanese, light and dark, with 1, 8 and 40 accounts: each screen
 * is photographed into test-results/screenshots/ (to look at) and checked for horizontal overflow and unlabelled
 * controls.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION, launchExtension, type ExtensionSession, sendFromPage } from './harness';

const send = sendFromPage;

const OUT = resolve(__dirname, '../../test-results/screenshots');
const PASSWORD = 'screenshots are pixels 2026';

const ACCOUNTS = [
  { issuer: 'Trend Micro SaaS Account', account: 'abc@example.co.jp', secret: 'ABCDEFGHIJKL2345' },
  { issuer: 'ウェブルート管理コンソール', account: '情報システム部 管理者', secret: 'JBSWY3DPEHPK3PXP' },
  {
    issuer: 'ServiceNow セキュリティポータル',
    account: 'admin@example.jp',
    secret: 'GEZDGNBVGY3TQOJQ',
    digits: 8,
  },
  {
    issuer: 'Legacy VPN',
    account: 'ops',
    secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ',
    type: 'hotp' as const,
    counter: 3,
  },
];

const ISSUERS = [
  'Trend Vision One',
  'Trend Micro Apex One',
  'Webroot GSM Console',
  'ServiceNow',
  'Microsoft Entra ID',
  'Okta',
  'Google Workspace',
  'さくらのクラウド',
  '社内VPN',
  'GitHub',
];
/** Forty accounts as an administrator collects them: ten consoles, four sign-ins each. */
const FORTY = Array.from({ length: 40 }, (_, i) => ({
  issuer: ISSUERS[i % ISSUERS.length]!,
  account: `admin${Math.floor(i / ISSUERS.length) + 1}@example.co.jp`,
  secret: `JBSWY3DPEHPK3P${'ABCDEFGH'[i % 8]}${'ABCDE'[Math.floor(i / 8)]}`,
}));

/** Every shown control has an accessible name and nothing is wider than the popup. */
async function checkLayout(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > 360)
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll<HTMLInputElement>('button, input, select')) {
      if (el.closest('[hidden]')) continue; // not rendered, not in the accessibility tree
      const named = el.getAttribute('aria-label') || el.textContent?.trim() || el.labels?.length;
      if (!named) out.push(`unnamed ${el.tagName} ${el.outerHTML.slice(0, 80)}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}

const sessions: ExtensionSession[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['ja', 'light'],
  ['ja', 'dark'],
] as const)('popup screens (%s, %s)', (lang, scheme) => {
  /** A browser in this language and scheme, closed after the file. */
  async function launch(): Promise<ExtensionSession> {
    await mkdir(OUT, { recursive: true });
    const session = await launchExtension({
      extensionPath: E2E_EXTENSION,
      locale: lang === 'ja' ? 'ja' : 'en-US',
      colorScheme: scheme,
    });
    sessions.push(session);
    return session;
  }
  it('first run, list, next code, form and delete confirmation', async () => {
    const session = await launch();
    const shot = async (page: Page, name: string) => {
      await checkLayout(page);
      await page.screenshot({ path: join(OUT, `${lang}-${scheme}-${name}.png`) });
    };
    const popup = await session.openPopup();
    await popup.setViewportSize({ width: 360, height: 520 });
    await popup.locator('form').waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    await popup.locator('#new-password').fill('hunter2hunter2');
    await shot(popup, '1-create');

    await send(popup, 'vault.create', { password: PASSWORD });
    for (const draft of ACCOUNTS) await send(popup, 'account.add', { draft });
    await popup.reload();
    await popup.getByRole('listitem').nth(3).waitFor();
    await shot(popup, '2-list');

    // The last seconds of a step: the next code appears under the current one.
    await popup.evaluate(async () => {
      const left = 30_000 - (Date.now() % 30_000);
      if (left > 4500) await new Promise((r) => setTimeout(r, left - 4000));
    });
    await popup.locator('.next-code').first().waitFor();
    // Each next code is on one line, the 8-digit one too (a row without "Fill" gives it the row's end).
    const lines = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.next-code:not([hidden])')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines).toEqual(lines.map(() => 1));
    await shot(popup, '3-next-code');

    await popup.getByRole('button', { name: /^(Add account|アカウントを追加)$/ }).click();
    await popup.locator('#f-issuer').fill('Trend Micro SaaS Account');
    await popup.locator('#f-account').fill('abc@example.co.jp');
    await popup.locator('#f-secret').fill('abcd efgh ijkl 2345');
    await popup.locator('details summary').click();
    await popup.locator('.preview-code').waitFor();
    await shot(popup, '4-add-form');

    await popup.locator('#f-secret').fill('abcd 0189');
    await popup.locator('#f-secret-error[role=alert]').waitFor();
    await shot(popup, '5-form-error');

    await popup.keyboard.press('Escape');
    await popup.locator('.row .icon.delete').first().click();
    await popup.locator('.confirm').waitFor();
    await shot(popup, '6-confirm-delete');
    await popup.locator('.confirm .cancel-delete').click();

    // A plain-http site bound to an account: the editor says what the network can do there.
    await popup.locator('.row button.edit').first().click();
    await popup.locator('#f-site').fill('http://console.example.jp');
    await popup.locator('#f-site').press('Enter');
    await popup.locator('.site-warning').waitFor();
    await popup.locator('.site-warning').scrollIntoViewIfNeeded();
    await shot(popup, '8-http-site-warning');
    await popup.keyboard.press('Escape');

    // The latest vault record damaged: the last good copy, read-only, and the question before restoring it.
    await popup.evaluate(async () => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({ vault: 'damaged' });
    });
    await popup.reload();
    await popup.locator('.banner.recovered button').click();
    await popup.locator('[role=alertdialog]').waitFor();
    await shot(popup, '9-restore-copy');

    await send(popup, 'vault.lock', {});
    await popup.reload();
    await popup.locator('#unlock-password').fill('wrong password');
    await popup.locator('form button[type=submit]').click();
    await popup.locator('[role=alert]').waitFor();
    await shot(popup, '7-unlock-error');
    await session.close();
  });
  it('1, 8 and 40 accounts in a 360×600 popup; a form error beside its field that goes when it is fixed', async () => {
    const session = await launch();
    const popup = await session.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 });
    await send(popup, 'vault.create', { password: PASSWORD });
    let added = 0;
    for (const count of [1, 8, 40]) {
      for (const draft of FORTY.slice(added, count)) await send(popup, 'account.add', { draft });
      added = count;
      await popup.reload();
      await popup
        .locator('.list > li')
        .nth(count - 1)
        .waitFor();
      await popup.locator('.list:not(.starting)').waitFor();
      const shown = await popup.evaluate(
        () =>
          [...document.querySelectorAll('.list > li .code')].filter((code) => {
            const box = code.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight && (code.textContent ?? '').trim() !== '';
          }).length,
      );
      expect(shown).toBeGreaterThanOrEqual(Math.min(count, 8));
      await checkLayout(popup);
      await popup.screenshot({ path: join(OUT, `${lang}-${scheme}-accounts-${count}.png`) });
    }

    // The add form at 600 px: Save in view with Advanced closed; a bad key marked beside the key field, once.
    await popup.getByRole('button', { name: /^(Add account|アカウントを追加)$/ }).click();
    await popup.locator('#f-issuer').fill('Okta');
    const secret = popup.locator('#f-secret');
    await secret.fill('abcd 0189');
    const error = popup.locator('#f-secret-error[role=alert]');
    await error.waitFor();
    expect(await secret.getAttribute('aria-invalid')).toBe('true');
    expect(await secret.getAttribute('aria-describedby')).toContain('f-secret-error');
    expect(await popup.locator('[role=alert]').count()).toBe(1);
    const save = popup.locator('form button[type=submit]');
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    await checkLayout(popup);
    await popup.screenshot({ path: join(OUT, `${lang}-${scheme}-form-error-600.png`) });
    await secret.fill('JBSWY3DPEHPK3PXPOK');
    await popup.locator('.preview-code').waitFor();
    expect(await error.count()).toBe(0);
    expect(await secret.getAttribute('aria-invalid')).toBeNull();
    await save.click();
    await popup.locator('.list > li').nth(40).waitFor();
    await session.close();
  });
});
