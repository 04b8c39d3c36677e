/**
 * The Firefox build in a real Firefox, in English and in Japanese: create the vault, add an account by hand, the
 * shown code equals one computed here, a reload keeps it unlocked, Lock, a wrong password is refused in the UI's
 * language, the right one opens the same account. Screenshots go to `.output/screenshots/firefox-*.png`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The demo console's TOTP: an oracle that shares no code with lib/.
import { totp } from '../../demo/totp';
import { clickButton, launchFirefox, typeInto, type FirefoxSession, type Lang } from './harness';

const PASSWORD = 'firefox smoke test 2026';
const SECRET = 'JBSWY3DPEHPK3PXP';

const STRINGS = {
  en: { create: 'Create vault', lock: 'Lock', unlock: 'Unlock', add: 'Add account', save: 'Save' },
  ja: { create: '保管庫を作成', lock: 'ロック', unlock: 'ロック解除', add: 'アカウントを追加', save: '保存' },
} as const;

/** The first row's code (digits only). */
async function firstRowCode(page: Page): Promise<string> {
  await page.waitForSelector('.list > li .code-digits', { timeout: 10_000 });
  return page.$eval('.list > li .code-digits', (el) => (el as HTMLElement).innerText.replace(/\s/g, ''));
}

/** The code of now, or of the step beside it (a test near a boundary). */
function isCurrentCode(shown: string): boolean {
  const now = Date.now();
  return [now - 2000, now, now + 2000].some((t) => totp(SECRET, t) === shown);
}

describe.each(['en', 'ja'] as Lang[])('Firefox smoke (%s)', (lang) => {
  const s = STRINGS[lang];
  let firefox: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchFirefox(lang);
    page = await firefox.openExtensionPage('popup.html', '#new-password');
  });
  afterAll(async () => firefox?.close());

  it(`the popup speaks ${lang} (for ja: Debian's firefox-esr-l10n-ja)`, async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  });

  it('a vault is created and an account added by hand shows the code computed here', async () => {
    await typeInto(page, '#new-password', PASSWORD);
    await typeInto(page, '#confirm-password', PASSWORD);
    await clickButton(page, s.create);
    // The header's "+" (named by its label; the empty list offers scanning and importing first).
    await (await page.waitForSelector(`button[aria-label="${s.add}"]:not([disabled])`))!.click();
    await typeInto(page, '#f-issuer', 'Trend Micro');
    await typeInto(page, '#f-account', 'admin@example.co.jp');
    await typeInto(page, '#f-secret', SECRET.toLowerCase().replace(/(.{4})/g, '$1 '));
    await page.waitForSelector('.preview-code', { timeout: 10_000 });
    await firefox.screenshot(page, '1-add-form');
    await clickButton(page, s.save);
    expect(isCurrentCode(await firstRowCode(page))).toBe(true);
    await firefox.screenshot(page, '2-list');
  });

  it('after a reload it is still unlocked, with the same code', async () => {
    await page.evaluate(() => ((window as { beforeReload?: boolean }).beforeReload = true));
    page.reload({ timeout: 3000 }).catch(() => undefined);
    await page.waitForFunction(() => !(window as { beforeReload?: boolean }).beforeReload, {
      timeout: 10_000,
    });
    expect(isCurrentCode(await firstRowCode(page))).toBe(true);
  });

  it('Lock; a wrong password is refused in the UI language; the right one opens the same account', async () => {
    await page.click('button[aria-haspopup=menu]');
    await page.waitForSelector('[role=menuitem]', { timeout: 10_000 });
    const lock = await page.waitForSelector(
      `::-p-xpath(//button[@role="menuitem"][normalize-space(.)=${JSON.stringify(s.lock)}])`,
    );
    await lock!.click();
    await typeInto(page, 'input[type=password]', 'not the password');
    await clickButton(page, s.unlock);
    await page.waitForSelector('[role=alert]', { timeout: 15_000 });
    const refusal = await page.$eval('[role=alert]', (el) => (el as HTMLElement).innerText);
    expect(refusal).toMatch(lang === 'ja' ? /パスワード/ : /password/i);
    await firefox.screenshot(page, '3-wrong-password');
    // No passkey option on the locked screen: Firefox does not run WebAuthn for an extension's page.
    expect(await page.$('.passkey-unlock')).toBeNull();
    await typeInto(page, 'input[type=password]', PASSWORD);
    await clickButton(page, s.unlock);
    expect(isCurrentCode(await firstRowCode(page))).toBe(true);
  });

  it('passkeys: Firefox refuses WebAuthn on an extension page, so Security has no passkey card (absent, not broken)', async () => {
    const options = await firefox.openExtensionPage('options.html#security', '#security .options-card', {
      width: 900,
      height: 900,
    });
    // The reason, asked of Firefox itself: a moz-extension origin is no relying party.
    const refusal = await options.evaluate(async () => {
      const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
      try {
        await navigator.credentials.create({
          publicKey: {
            rp: { name: 'Sekimori' },
            user: { id: random(16), name: 'probe', displayName: 'probe' },
            challenge: random(32),
            pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
            timeout: 2000,
          },
        });
        return 'created';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(refusal).not.toBe('created');
    expect(await options.$('.options-card.passkeys')).toBeNull();
    await options.close();
  });
});
