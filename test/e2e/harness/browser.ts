/** Finding and launching the Chromium-family browser for end-to-end tests. */
import { chromium, type Browser } from 'playwright-core';
import { findBrowser, noBrowserMessage } from '../../../scripts/find-browser.mjs';

/**
 * Switches every test browser gets: no sandbox (root, containers), no GPU, and nothing that talks to the
 * network on its own (the tests reach loopback only).
 */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The browser executable (CHROME_PATH or the usual install locations); throws with advice when none. */
export function browserPath(): string {
  const found = findBrowser();
  if (!found) throw new Error(noBrowserMessage());
  return found;
}

export type Locale = 'en-US' | 'ja';

/** `--lang` and the environment that make Chromium's UI (and so `chrome.i18n`) use `locale` on Linux too. */
export function localeLaunch(locale: Locale): { args: string[]; env: NodeJS.ProcessEnv } {
  const posix = locale === 'ja' ? 'ja_JP' : 'en_US';
  return {
    args: [`--lang=${locale}`],
    env: { ...process.env, LANGUAGE: locale === 'ja' ? 'ja' : 'en_US', LANG: `${posix}.UTF-8` },
  };
}

/** A plain headless browser without extensions, for pages alone (e.g. the demo console). */
export async function launchBrowser(opts: { headless?: boolean; locale?: Locale } = {}): Promise<Browser> {
  const { args, env } = localeLaunch(opts.locale ?? 'ja');
  return chromium.launch({
    executablePath: browserPath(),
    headless: opts.headless ?? true,
    args: [...BASE_ARGS, ...args],
    env,
  });
}
