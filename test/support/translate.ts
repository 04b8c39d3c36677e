import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Translate } from '@/components/i18n';

export type Messages = Record<string, { message: string }>;

export function loadMessages(lang: 'en' | 'ja'): Messages {
  return JSON.parse(
    readFileSync(resolve(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Messages;
}

/** The same lookup and `$1`…`$9` substitution the browser's i18n API performs. */
export function translator(lang: 'en' | 'ja'): Translate {
  const messages = loadMessages(lang);
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
