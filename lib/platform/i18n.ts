/** Translated strings from `_locales/<lang>/messages.json`, picked by the browser's UI language. */
import { browser } from 'wxt/browser';

export type Translate = (key: string, substitutions?: string | string[]) => string;

// WXT types getMessage against the generated key list; keys here come from our own locale files.
const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;

export const translate: Translate = (key, substitutions) => getMessage(key, substitutions) || key;

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
