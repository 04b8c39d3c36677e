/**
 * Translated strings from `_locales/<lang>/messages.json`: the browser's UI language, or the one chosen on the
 * options page (Japanese or English), which the extension's pages load before they render.
 */
import { LANGUAGE_SETTING_KEY } from './language-key';
import { browser } from 'wxt/browser';

export type Translate = (key: string, substitutions?: string | string[]) => string;

// WXT types getMessage against the generated key list; keys here come from our own locale files.
const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;

/**
 * `$1`…`$9` stand in for substitutions. Each message is fetched from the browser once, as a template, and kept
 * split at its markers (text, marker number, text, …): the popup fills hundreds of labels as it opens.
 */
const MARKERS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];
const templates = new Map<string, readonly string[]>();

export const translate: Translate = (key, substitutions) => {
  let parts = templates.get(key);
  if (parts === undefined) {
    parts = (getMessage(key, MARKERS) || key).split(/\$([1-9])/);
    templates.set(key, parts);
  }
  if (parts.length === 1) return parts[0]!;
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) text += (subs[Number(parts[i]) - 1] ?? '') + parts[i + 1]!;
  return text;
};

/** The pages' language setting: the browser's, or one of the two Sekimori speaks. */
export type LanguageSetting = 'browser' | 'en' | 'ja';
const SETTING_KEY = LANGUAGE_SETTING_KEY;
let chosen: 'en' | 'ja' | null = null;

const browserLanguage = (): 'en' | 'ja' =>
  browser.i18n.getUILanguage().toLowerCase().startsWith('ja') ? 'ja' : 'en';

/** The language the pages speak: 'ja' or 'en'. */
export function uiLanguage(): string {
  return chosen ?? browserLanguage();
}

/** The setting, from `items` already read (the popup reads it with its first question) or from storage. */
export async function readLanguageSetting(
  items?: Promise<Record<string, unknown>>,
): Promise<LanguageSetting> {
  const value = (await (items ?? browser.storage.local.get(SETTING_KEY)))[SETTING_KEY];
  return value === 'en' || value === 'ja' ? value : 'browser';
}

export async function writeLanguageSetting(value: LanguageSetting): Promise<void> {
  await browser.storage.local.set({ [SETTING_KEY]: value });
}

/**
 * Before a page renders: with a language chosen that is not the browser's, its messages are read from the
 * extension's own files and used instead (a failure leaves the browser's). Content scripts and the context menu
 * keep the browser's language (the browser gives them no other).
 */
export async function applyLanguageSetting(items?: Promise<Record<string, unknown>>): Promise<void> {
  const setting = await readLanguageSetting(items).catch((): LanguageSetting => 'browser');
  if (setting === 'browser' || setting === browserLanguage()) return;
  try {
    const response = await fetch(
      browser.runtime.getURL(`/_locales/${setting}/messages.json` as '/popup.html'),
    );
    const messages = (await response.json()) as Record<string, { message?: unknown }>;
    templates.clear();
    for (const [key, entry] of Object.entries(messages)) {
      if (typeof entry?.message === 'string') templates.set(key, entry.message.split(/\$([1-9])/));
    }
    chosen = setting;
  } catch {
    // The browser's language, then.
  }
}
