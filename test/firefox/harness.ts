/**
 * Sekimori's Firefox build in a real Firefox (FIREFOX_PATH, else Debian's firefox-esr or firefox), driven over
 * WebDriver BiDi by puppeteer-core: the extension is installed as a temporary add-on with a fixed moz-extension
 * UUID, so the tests can open its pages in tabs. Firefox 138 or newer (`webExtension.install`).
 *
 * BiDi cannot click the toolbar button. What the click gives Sekimori, activeTab on the selected tab, is granted
 * the way Firefox's own click handler grants it (`tabManager.addActiveTabPermission`), from the browser's chrome
 * context (`--remote-allow-system-access`); the popup is then opened for that tab as a popped-out popup
 * (`popup.html?tab=<id>`). Host permissions are granted one origin at a time under a real click (the clock check,
 * "Fill automatically"), with Firefox's optional-permission prompt answered "Allow" by a preference.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = join(ROOT, '.output/firefox-mv3');
export const SHOTS = join(ROOT, '.output/screenshots');
export const GECKO_ID = 'sekimori@sekimori.dev';

export type Lang = 'en' | 'ja';

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error('No Firefox found: run `node scripts/ensure-firefox.mjs`, or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  /** The extension's page at `path` (e.g. `popup.html`), in a new tab, once `ready` is on it. */
  openExtensionPage(path: string, ready: string, size?: { width: number; height: number }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  /** What a click on Sekimori's toolbar button grants: activeTab on `page`'s tab (brought to the front). */
  grantActiveTab(page: Page): Promise<void>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Runs `expression` in the browser window's chrome context (needs --remote-allow-system-access). */
async function inChrome(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window in the chrome context');
  const reply = (
    await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    })
  ).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
  if (reply.type !== 'success')
    throw new Error(`chrome context: ${reply.exceptionDetails?.text ?? 'failed'}`);
  return reply.result?.value;
}

export async function launchFirefox(lang: Lang): Promise<FirefoxSession> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build first: npm run build:firefox');
  await mkdir(SHOTS, { recursive: true });
  const uuid = randomUUID();
  const profile = await mkdtemp(join(tmpdir(), 'sekimori-firefox-'));
  const locale = lang === 'ja' ? 'ja' : 'en-US';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    userDataDir: profile,
    // Lets the session open the extension's own pages (a moz-extension: URL) in a tab.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      // The user's "Allow" to an optional host permission (asked under a real click, one origin at a time).
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const installed = await browser.installExtension(EXTENSION);
  if (installed !== GECKO_ID) throw new Error(`the Firefox build installed as ${installed}`);
  return {
    browser,
    uuid,
    async openExtensionPage(path, ready, size = { width: 360, height: 600 }) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error('  page error:', e instanceof Error ? e.message : e));
      await page.setViewport(size);
      // Firefox moves the tab into the extension's process, so the navigation never reports as finished here.
      page.goto(`moz-extension://${uuid}/${path}`, { timeout: 5000 }).catch(() => undefined);
      // While the tab moves into the extension's process, a query can hit the document being replaced (a
      // protocol error, or a wait ended with its document — "Waiting failed" without a timeout — not a missing
      // element): ask again in the new document. A real timeout still fails.
      const until = Date.now() + 15_000;
      for (;;) {
        try {
          await page.waitForSelector(ready, { timeout: Math.max(1000, until - Date.now()) });
          return page;
        } catch (error) {
          const cause = String((error as { cause?: unknown }).cause ?? '');
          const replaced =
            /Protocol error/.test(`${String(error)} ${cause}`) ||
            /^Waiting failed$/.test(cause.replace(/^Error: /, ''));
          if (Date.now() >= until || !replaced) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SHOTS, `firefox-${lang}-${name}.png`) as `${string}.png` });
    },
    async grantActiveTab(page) {
      await page.bringToFront();
      const granted = await inChrome(
        browser,
        `(() => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
          extension.tabManager.addActiveTabPermission(gBrowser.selectedTab);
          return gBrowser.selectedBrowser.currentURI.spec;
        })()`,
      );
      if (granted !== page.url()) throw new Error(`activeTab went to ${String(granted)}, not ${page.url()}`);
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Clicks the enabled button whose text is `name` (a real click, through BiDi input: it counts as the user's). */
export async function clickButton(page: Page, name: string): Promise<void> {
  const selector = `::-p-xpath(//button[not(@disabled)][normalize-space(.)=${JSON.stringify(name)}])`;
  const button = await page.waitForSelector(selector, { timeout: 10_000 });
  await button!.click();
}

export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 10_000 });
  await page.$eval(selector, (el) => {
    const input = el as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type(selector, text);
}

/** A message to the background from one of the extension's pages, as the popup sends it. */
export async function callFrom(page: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = (await page.evaluate(
    async (t, p) => {
      const api = (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser;
      return api.runtime.sendMessage({ type: t, payload: p });
    },
    type,
    payload,
  )) as { ok: boolean; value?: unknown; code?: string };
  if (!reply?.ok) throw new Error(`${type}: ${reply?.code ?? 'no answer'}`);
  return reply.value;
}

/** The id of the tab showing `url` (the extension sees it once the user granted its origin). */
export async function tabIdOf(page: Page, url: string): Promise<number> {
  const id = await page.evaluate(async (u) => {
    const api = (
      globalThis as unknown as {
        browser: { tabs: { query(q: unknown): Promise<{ id?: number; url?: string }[]> } };
      }
    ).browser;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}
