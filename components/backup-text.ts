/**
 * Sentences of the backup and import sections: error codes read in their context (a wrong password is the
 * Sekimori password when exporting, the file's own when importing), format names, dates and counts.
 */
import type { ErrorCode } from '@/lib/messages';
import { errorText, type Translate } from './i18n';

/** Message keys of codes that read differently in a context. */
type Sentences = Partial<Record<ErrorCode, string>>;

/** Codes that mean the same on the whole options page: the vault is locked or missing (fixed in the popup). */
const PAGE: Sentences = { locked: 'add_image_locked', 'no-vault': 'add_image_no_vault' };

const EXPORT: Sentences = {
  ...PAGE,
  'wrong-password': 'backup_wrong_vault_password',
  'password-too-short': 'backup_password_too_short',
};

/** Google transfer: nothing to export means nothing Google can carry. */
const GOOGLE: Sentences = { ...EXPORT, 'nothing-to-export': 'backup_google_none' };

const IMPORT: Sentences = {
  ...PAGE,
  'wrong-password': 'import_wrong_password',
  'unsupported-version': 'import_unsupported_version',
  'too-long': 'import_too_large',
  'too-large': 'import_too_large',
};

function inContext(table: Sentences, t: Translate, code: ErrorCode): string {
  const key = table[code];
  return key ? t(key) : errorText(t, code);
}

export const exportErrorText = (t: Translate, code: ErrorCode) => inContext(EXPORT, t, code);
export const googleErrorText = (t: Translate, code: ErrorCode) => inContext(GOOGLE, t, code);
export const importErrorText = (t: Translate, code: ErrorCode) => inContext(IMPORT, t, code);

/** `key_one` for exactly one, else `key_many`, with the count as `$1`. */
export function countText(t: Translate, key: string, n: number): string {
  return t(n === 1 ? `${key}_one` : `${key}_many`, String(n));
}

/** Product names stay as their makers write them, in every language. */
const BRANDS: Record<string, string> = {
  aegis: 'Aegis',
  '2fas': '2FAS',
  andotp: 'andOTP',
  bitwarden: 'Bitwarden',
};

/** The detected format as people call it: "Aegis (encrypted)", "Google Authenticator", "Sekimori backup"… */
export function formatName(t: Translate, format: string): string {
  switch (format) {
    case 'sekimori-backup':
      return t('import_format_sekimori');
    case 'google-migration':
      return t('import_format_google');
    case 'otpauth-list':
      return t('import_format_otpauth');
    case 'authenticator-json':
    case 'authenticator-text':
      return t('import_format_authenticator');
  }
  const [brand, encrypted, old] = format.split('-');
  const name = BRANDS[brand ?? ''];
  if (!name) return format;
  if (encrypted !== 'encrypted') return name;
  return t(old === 'old' ? 'import_format_encrypted_old' : 'import_format_encrypted', name);
}

/** A day in the page's language: "3 May 2026", 「2026年5月3日」. */
export function dayText(ms: number, lang = document.documentElement.lang || undefined): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(ms));
}

/** The local date as YYYY-MM-DD, for file names. */
export function dateStamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
