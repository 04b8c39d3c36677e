/** Every user-visible string exists in English and Japanese, and every error code has a sentence. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, errorKey, isErrorCode, type ErrorCode } from '@/lib/messages';
import { loadMessages } from './support/translate';

const ROOT = resolve(__dirname, '..');
const en = loadMessages('en');
const ja = loadMessages('ja');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sources(path)
      : /\.tsx?$/.test(name)
        ? [readFileSync(path, 'utf8')]
        : [];
  });
}

/** String literals of an exported `type XErrorCode = | 'a' | 'b'` union in a source file. */
function codesOf(file: string, typeName: string): string[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const body = new RegExp(`export type ${typeName} =([^;]+);`).exec(code)?.[1] ?? '';
  return [...body.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
}

describe('locales', () => {
  it('English and Japanese have the same keys, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of [...Object.entries(en), ...Object.entries(ja)]) {
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('Japanese is written in Japanese, not copied from English', () => {
    const sameOnPurpose = new Set(['type_steam']);
    const untranslated = Object.keys(en).filter(
      (k) => !sameOnPurpose.has(k) && en[k]!.message === ja[k]!.message,
    );
    expect(untranslated).toEqual([]);
  });

  it('every key the UI asks for exists', () => {
    const code = [...sources(join(ROOT, 'components')), ...sources(join(ROOT, 'entrypoints'))].join('\n');
    const keys = new Set([...code.matchAll(/\bt(?:ranslate)?\(\s*'([a-z0-9_]+)'/gi)].map((m) => m[1]!));
    expect(keys.size).toBeGreaterThan(30);
    expect([...keys].filter((k) => !en[k])).toEqual([]);
    for (let i = 0; i <= 4; i++) expect(en[`strength_${i}`]).toBeDefined();
  });

  it('every error code of every layer is an ErrorCode, with a sentence in English and in Japanese', () => {
    const codes = [
      ...codesOf('lib/otp/errors.ts', 'OtpErrorCode'),
      ...codesOf('lib/vault/errors.ts', 'VaultErrorCode'),
      ...codesOf('lib/keeper/keeper-error.ts', 'KeeperErrorCode'),
      ...codesOf('lib/formats/format-error.ts', 'FormatErrorCode'),
      ...codesOf('lib/backup/backup-error.ts', 'BackupErrorCode'),
      ...codesOf('lib/protocol/errors.ts', 'TransportErrorCode'),
      ...codesOf('lib/protocol/errors.ts', 'FormErrorCode'),
      ...codesOf('lib/protocol/errors.ts', 'PasskeyCeremonyErrorCode'),
    ];
    expect(codes.length).toBeGreaterThan(60);
    expect(codes).toEqual(
      expect.arrayContaining(['password-mismatch', 'no-response', 'internal', 'bad-request']),
    );
    // The one table of codes (its type is the union of every layer's) holds each of them.
    expect(codes.filter((c) => !isErrorCode(c))).toEqual([]);
    const all = Object.keys(ERRORS) as ErrorCode[];
    expect(new Set(codes)).toEqual(new Set(all));
    expect(all.filter((c) => !en[errorKey(c)])).toEqual([]);
    expect(all.filter((c) => !ja[errorKey(c)])).toEqual([]);
  });

  it('a range inside an English sentence (「letters A–Z」) is held together by word joiners: no line break in it', () => {
    const loose = Object.entries(en).filter(
      ([, { message }]) => message.length > 30 && /[A-Z0-9]–[A-Z0-9]/.test(message),
    );
    expect(loose).toEqual([]);
    expect(
      Object.values(en).filter(({ message }) => /[A-Z0-9]\u2060–\u2060[A-Z0-9]/.test(message)),
    ).toHaveLength(3);
  });

  it('the manifest name and description are localised', () => {
    expect(en.extName && ja.extName && en.extDescription && ja.extDescription).toBeTruthy();
  });
});
