/** Translated strings from `_locales/<lang>/messages.json`, picked by the browser's UI language. */
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

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
