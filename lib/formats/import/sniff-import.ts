/**
 * Recognises a backup from its content alone (never a file name), cheaply and without a password, and keeps what it
 * parsed on the way for the reader. Text (a string, or bytes that are UTF-8 without NUL) starting with `{` or `[` is
 * JSON; other text is CSV with a `login_totp` column, or lines of otpauth/otpauth-migration URIs (blank lines and
 * `#` comment lines dropped). Bytes that are not text are an andOTP encrypted backup unless they start like an
 * image, archive or PDF: andOTP's old layout has no header at all, so any other binary of plausible length is read as
 * one (and a wrong password is all it can yield). Binary backups must arrive as bytes: a string has lost them.
 */
import { FormatError } from '../format-error';
import { aegisVariant, looksLikeAegis } from './aegis';
import { andOtpLayout } from './andotp-unlock';
import { looksLikeAndOtp } from './andotp';
import { checkAuthenticatorJson, looksLikeAuthenticatorJson } from './authenticator-json';
import { looksLikeBitwardenCsv } from './bitwarden-csv';
import { checkBitwarden, looksLikeBitwarden } from './bitwarden-json';
import { decodeUtf8 } from './bytes';
import { MAX_IMPORT_SIZE } from './import-limits';
import type { ImportFormat } from './import-types';
import { isJsonObject, parseJson, type JsonObject } from './json-value';
import { isMigrationLine, isOtpauthLine } from './otpauth-lines';
import { looksLikeTwoFas, twoFasVariant } from './two-fas';

export type Sniffed =
  | { format: 'otpauth-list' | 'google-migration' | 'authenticator-text'; lines: string[] }
  | {
      format:
        'aegis' | 'aegis-encrypted' | '2fas' | '2fas-encrypted' | 'bitwarden-json' | 'authenticator-json';
      json: JsonObject;
    }
  | { format: 'andotp'; entries: readonly unknown[] }
  | { format: 'andotp-encrypted' | 'andotp-encrypted-old'; bytes: Uint8Array }
  | { format: 'bitwarden-csv'; text: string };

export const ENCRYPTED_FORMATS: ReadonlySet<ImportFormat> = new Set<ImportFormat>([
  'aegis-encrypted',
  '2fas-encrypted',
  'andotp-encrypted',
  'andotp-encrypted-old',
]);

/** Leading bytes of files that are certainly not backups: PNG, JPEG, GIF, WebP/RIFF, BMP, PDF, ZIP, gzip, UTF-16. */
const NOT_BACKUP_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x49, 0x46, 0x46],
  [0x42, 0x4d],
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
  [0x1f, 0x8b],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** Keys whose presence makes broken JSON a damaged backup rather than something else. */
const BACKUP_KEYS =
  /"(?:version|header|db|services|servicesEncrypted|schemaVersion|secret|items|login|totp|encrypted)"\s*:/u;

/** The Authenticator extension writes `secret` first, then issuer, counter or period, digits, algorithm. */
const AUTHENTICATOR_LINE =
  /^otpauth:\/\/(?:totp|hotp)\/[^?]*\?secret=[^&]*(?:&issuer=[^&]*)?(?:&counter=\d+|&period=\d+)?(?:&digits=\d+)?(?:&algorithm=\w+)?$/u;

export function sniffImport(input: unknown): Sniffed {
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_SIZE) throw new FormatError('too-long');
    return sniffText(input);
  }
  if (input instanceof Uint8Array) {
    if (input.length > MAX_IMPORT_SIZE) throw new FormatError('too-long');
    const text = decodeUtf8(input);
    return text === null || text.includes('\0') ? sniffBinary(input) : sniffText(text);
  }
  throw new FormatError('not-a-backup');
}

function sniffBinary(bytes: Uint8Array): Sniffed {
  if (NOT_BACKUP_MAGIC.some((magic) => magic.every((byte, index) => bytes[index] === byte))) {
    throw new FormatError('not-a-backup');
  }
  const layout = andOtpLayout(bytes);
  if (layout === undefined) throw new FormatError('not-a-backup');
  return { format: layout, bytes };
}

function sniffText(raw: string): Sniffed {
  const text = raw.replace(/^\uFEFF/u, '');
  const trimmed = text.trim();
  if (trimmed === '') throw new FormatError('empty-backup');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return sniffJson(trimmed);
  const lines = text
    .split(/\r\n|\r|\n/u)
    .map((line) => line.replace(/^\uFEFF/u, '').trim())
    .filter((line) => line !== '');
  if (looksLikeBitwardenCsv(lines[0] ?? '')) return { format: 'bitwarden-csv', text };
  return sniffLines(
    lines.filter((line) => !line.startsWith('#')),
    text,
  );
}

/** Lines of URIs; `#` comment lines (as in hand-kept lists) are already gone. */
function sniffLines(lines: string[], text: string): Sniffed {
  if (!lines.some((line) => isOtpauthLine(line) || isMigrationLine(line))) {
    // JSON whose opening bracket was lost still names its keys.
    throw new FormatError(BACKUP_KEYS.test(text) ? 'corrupt-backup' : 'not-a-backup');
  }
  if (lines.some(isMigrationLine)) return { format: 'google-migration', lines };
  return { format: isAuthenticatorText(text, lines) ? 'authenticator-text' : 'otpauth-list', lines };
}

function sniffJson(text: string): Sniffed {
  const json = parseJson(text);
  if (json === undefined) throw new FormatError(BACKUP_KEYS.test(text) ? 'corrupt-backup' : 'not-a-backup');
  if (Array.isArray(json)) {
    if (json.length === 0) throw new FormatError('empty-backup');
    if (looksLikeAndOtp(json)) return { format: 'andotp', entries: json };
    throw new FormatError('not-a-backup');
  }
  if (!isJsonObject(json)) throw new FormatError('not-a-backup');
  if (looksLikeAegis(json)) return { format: aegisVariant(json), json };
  if (looksLikeTwoFas(json)) return { format: twoFasVariant(json), json };
  if (looksLikeBitwarden(json)) {
    checkBitwarden(json);
    return { format: 'bitwarden-json', json };
  }
  if (Object.keys(json).length === 0) throw new FormatError('empty-backup');
  if (looksLikeAuthenticatorJson(json)) {
    checkAuthenticatorJson(json);
    return { format: 'authenticator-json', json };
  }
  throw new FormatError('not-a-backup');
}

/** CRLF between lines, none at the end, and every line in the extension's exact parameter order. */
function isAuthenticatorText(text: string, lines: readonly string[]): boolean {
  return !/(?:^|[^\r])\n|\r(?!\n)|\n$/u.test(text) && lines.every((line) => AUTHENTICATOR_LINE.test(line));
}
