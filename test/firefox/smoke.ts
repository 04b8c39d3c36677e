/**
 * `npm run smoke:firefox`: the Firefox build in a real Firefox (FIREFOX_PATH, else firefox-esr or firefox on the
 * PATH's usual places), driven over WebDriver BiDi. In English and in Japanese: create the vault, add an account by
 * hand, the shown code equals one computed here, a reload keeps it unlocked, Lock, a wrong password is refused in
 * the UI's language, the right one opens the same account. Screenshots go to `.output/screenshots/firefox-*.png`.
 *
 * Not part of `npm test` (CI has Chromium only). Needs Firefox 138 or newer (BiDi `webExtension.install`); on
 * Debian: `apt-get install firefox-esr firefox-esr-l10n-ja`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
// The demo console's TOTP: an oracle that shares no code with lib/.
import { totp } from '../../demo/totp';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, '.output/firefox-mv3');
const SHOTS = join(ROOT, '.output/screenshots');
const GECKO_ID = 'sekimori@sekimori.dev';
const PASSWORD = 'firefox smoke test 2026';
const SECRET = 'JBSWY3DPEHPK3PXP';

const STRINGS = {
  en: { create: 'Create vault', lock: 'Lock', unlock: 'Unlock', add: 'Add account', save: 'Save' },
  ja: { create: '保管庫を作成', lock: 'ロック', unlock: 'ロック解除', add: 'アカウントを追加', save: '保存' },
} as const;
type Lang = keyof typeof STRINGS;

function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('No Firefox found: set FIREFOX_PATH, or on Debian `apt-get install firefox-esr`.');
  }
  return found;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`Firefox smoke: ${what}`);
  console.log(`  ✓ ${what}`);
}

async function clickButton(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('button')].some((b) => !b.disabled && b.textContent?.trim() === n),
    { timeout: 10_000 },
    name,
  );
  await page.evaluate((n) => {
    [...document.querySelectorAll('button')].find((b) => !b.disabled && b.textContent?.trim() === n)!.click();
  }, name);
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 10_000 });
  await page.$eval(selector, (el) => {
    const input = el as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type(selector, text);
}

/** The first row's code, once it is one the test can compare (the next step's code is allowed near a boundary). */
async function firstRowCode(page: Page): Promise<string> {
  await page.waitForSelector('.list > li .code-digits', { timeout: 10_000 });
  return page.$eval('.list > li .code-digits', (el) => (el as HTMLElement).innerText.replace(/\s/g, ''));
}

function isCurrentCode(shown: string): boolean {
  const now = Date.now();
  return [now - 2000, now, now + 2000].some((t) => totp(SECRET, t) === shown);
}

async function run(firefox: string, lang: Lang): Promise<void> {
  console.log(`Firefox smoke (${lang}):`);
  const uuid = randomUUID();
  const profile = await mkdtemp(join(tmpdir(), 'sekimori-firefox-'));
  const locale = lang === 'ja' ? 'ja' : 'en-US';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefox,
    headless: true,
    userDataDir: profile,
    // Lets the session open the extension's own pages (a moz-extension: URL) in a tab.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
    },
  });
  const s = STRINGS[lang];
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `firefox-${lang}-${name}.png`) as `${string}.png` });
  try {
    check(
      (await browser.installExtension(EXTENSION)) === GECKO_ID,
      `the Firefox build installs (${GECKO_ID})`,
    );
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('  page error:', e instanceof Error ? e.message : e));
    await page.setViewport({ width: 360, height: 600 });
    // Firefox moves the tab into the extension's process, so the navigation never reports as finished here.
    page.goto(`moz-extension://${uuid}/popup.html`, { timeout: 5000 }).catch(() => undefined);
    await page.waitForSelector('#new-password', { timeout: 15_000 });
    const uiLang = await page.evaluate(() => document.documentElement.lang);
    check(
      uiLang === lang,
      `the popup speaks ${lang}${uiLang === lang ? '' : ` (it says ${uiLang}: for ja, install the language pack)`}`,
    );

    await typeInto(page, '#new-password', PASSWORD);
    await typeInto(page, '#confirm-password', PASSWORD);
    await clickButton(page, s.create);
    await clickButton(page, s.add);
    await typeInto(page, '#f-issuer', 'Trend Micro');
    await typeInto(page, '#f-account', 'admin@example.co.jp');
    await typeInto(page, '#f-secret', SECRET.toLowerCase().replace(/(.{4})/g, '$1 '));
    await page.waitForSelector('.preview-code', { timeout: 10_000 });
    await shot(page, '1-add-form');
    await clickButton(page, s.save);
    check(isCurrentCode(await firstRowCode(page)), 'the saved account shows the code computed here');
    await shot(page, '2-list');

    await page.evaluate(() => ((window as { beforeReload?: boolean }).beforeReload = true));
    page.reload({ timeout: 3000 }).catch(() => undefined);
    await page.waitForFunction(() => !(window as { beforeReload?: boolean }).beforeReload, {
      timeout: 10_000,
    });
    check(isCurrentCode(await firstRowCode(page)), 'after a reload it is still unlocked, with the same code');

    await clickButton(page, s.lock);
    await typeInto(page, 'input[type=password]', 'not the password');
    await clickButton(page, s.unlock);
    await page.waitForSelector('[role=alert]', { timeout: 15_000 });
    const refusal = await page.$eval('[role=alert]', (el) => (el as HTMLElement).innerText);
    check(
      lang === 'ja' ? /パスワード/.test(refusal) : /password/i.test(refusal),
      `a wrong password is refused, in ${lang}: "${refusal}"`,
    );
    await shot(page, '3-wrong-password');
    await typeInto(page, 'input[type=password]', PASSWORD);
    await clickButton(page, s.unlock);
    check(isCurrentCode(await firstRowCode(page)), 'the password opens the same account');
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const firefox = findFirefox();
if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build first: npm run build:firefox');
await mkdir(SHOTS, { recursive: true });
for (const lang of ['en', 'ja'] as const) await run(firefox, lang);
console.log(`Screenshots: ${SHOTS}/firefox-*.png`);
