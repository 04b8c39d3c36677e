/** Translated strings from `_locales/<lang>/messages.json`, picked by the browser's UI language. */
import { browser } from 'wxt/browser';

export type Translate = (key: string, substitutions?: string | string[]) => string;

// WXT types getMessage against the generated key list; keys here come from our own locale files.
const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;

/** `$1`…`$9` stand in for substitutions; each message is fetched from the browser once, as a template. */
const MARKERS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];
const templates = new Map<string, string>();

export const translate: Translate = (key, substitutions) => {
  let template = templates.get(key);
  if (template === undefined) {
    template = getMessage(key, MARKERS) || key;
    templates.set(key, template);
  }
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return template.includes('$')
    ? template.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    : template;
};

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
