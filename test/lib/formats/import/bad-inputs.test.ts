/**
 * Bad inputs of security-bar.md's checklist: truncated, bit-flipped and future-version backups, `__proto__` keys,
 * 10 KB and HTML labels, non-JSON, empty input, an image's bytes, oversized input, wrong argument types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../lib/formats/format-error';
import { detectImportFormat, MAX_IMPORT_SIZE, readImport } from '../../../../lib/formats/import';
import type { Account } from '../../../../lib/otp/account';
import {
  aegisContent,
  aegisEntries,
  aegisPlain,
  andOtpPlain,
  authenticatorJson,
  bitwardenCsv,
  bitwardenJson,
  twoFasPlain,
} from '../../../support/import-encoders';
import { aegisEncrypted, andOtpEncrypted, twoFasEncrypted } from '../../../support/import-encrypters';
import { MIGRATION_FIXTURES } from '../../../support/migration-fixtures';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';
import { importErrorCode } from './import-error-code';

const PASSWORD = 'hunter2';
const [CONSOLE, JAPANESE] = SHARED_ACCOUNTS as [Account, Account];
const PLAIN_JSON: readonly [string, string][] = [
  ['aegis', aegisPlain(SHARED_ACCOUNTS)],
  ['2fas', twoFasPlain(SHARED_ACCOUNTS)],
  ['andotp', andOtpPlain(SHARED_ACCOUNTS)],
  ['bitwarden-json', bitwardenJson(SHARED_ACCOUNTS)],
  ['authenticator-json', authenticatorJson(SHARED_ACCOUNTS)],
];

const code = (input: unknown, password?: string) =>
  importErrorCode(() => readImport(input as string, { password }));

describe('truncated backups', () => {
  for (const [format, text] of PLAIN_JSON) {
    it(`${format} cut anywhere past its first key is corrupt-backup`, async () => {
      for (const fraction of [0.1, 0.5, 0.9]) {
        expect(await code(text.slice(0, Math.floor(text.length * fraction))), `${fraction}`).toBe(
          'corrupt-backup',
        );
      }
      expect(await code(text.slice(0, text.trimEnd().length - 1))).toBe('corrupt-backup');
    });
  }

  it('encrypted Aegis and 2FAS cut short are corrupt-backup; andOTP cut short is wrong-password', async () => {
    const aegis = await aegisEncrypted(SHARED_ACCOUNTS, PASSWORD);
    const twoFas = await twoFasEncrypted(SHARED_ACCOUNTS, PASSWORD);
    const andOtp = await andOtpEncrypted(SHARED_ACCOUNTS, PASSWORD);
    for (const fraction of [0.2, 0.5, 0.99]) {
      expect(await code(aegis.slice(0, Math.floor(aegis.length * fraction)), PASSWORD)).toBe(
        'corrupt-backup',
      );
      expect(await code(twoFas.slice(0, Math.floor(twoFas.length * fraction)), PASSWORD)).toBe(
        'corrupt-backup',
      );
      expect(await code(andOtp.slice(0, Math.floor(andOtp.length * fraction)), PASSWORD)).toBe(
        'wrong-password',
      );
    }
  });

  it('a CSV cut inside a quoted field is corrupt-backup', async () => {
    const csv = bitwardenCsv(SHARED_ACCOUNTS);
    expect(await code(csv.slice(0, csv.indexOf('and a line break')), PASSWORD)).toBe('corrupt-backup');
  });
});

describe('bit-flipped encrypted backups', () => {
  /** Flips one bit of a character of the text (kept ASCII so the text stays text). */
  const flipChar = (text: string, index: number, bit: number) =>
    text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ (1 << bit)) + text.slice(index + 1);

  /** Every position of the hex and Base64 values: the key material, nonces, tags, salts and ciphertext. */
  function cryptoPositions(text: string, stride: number): number[] {
    const positions: number[] = [];
    for (const match of text.matchAll(/"([0-9a-f]{24,}|[A-Za-z0-9+/=]{40,}(?::[A-Za-z0-9+/=]+){0,2})"/gu)) {
      for (let i = 1; i <= match[1]!.length; i += stride) positions.push(match.index + i);
    }
    return positions;
  }

  it('Aegis: a flip in any key material, nonce, tag, salt or ciphertext is wrong-password or corrupt-backup', async () => {
    const vault = await aegisEncrypted(SHARED_ACCOUNTS, PASSWORD);
    const positions = cryptoPositions(vault, 11);
    expect(positions.length).toBeGreaterThan(50);
    for (const [n, index] of positions.entries()) {
      const result = await code(flipChar(vault, index, n % 5), PASSWORD);
      expect(['wrong-password', 'corrupt-backup'], `position ${index}`).toContain(result);
    }
  });

  it('2FAS: the same', async () => {
    const backup = await twoFasEncrypted(SHARED_ACCOUNTS, PASSWORD);
    const positions = cryptoPositions(backup, 29);
    expect(positions.length).toBeGreaterThan(50);
    for (const [n, index] of positions.entries()) {
      const result = await code(flipChar(backup, index, n % 5), PASSWORD);
      expect(['wrong-password', 'corrupt-backup'], `position ${index}`).toContain(result);
    }
  });

  it('andOTP: a flip in any byte after the iteration count is wrong-password', async () => {
    const bytes = await andOtpEncrypted(SHARED_ACCOUNTS, PASSWORD);
    for (let index = 4; index < bytes.length; index += 3) {
      const flipped = bytes.slice();
      flipped[index] = flipped[index]! ^ (1 << (index % 8));
      expect(await code(flipped, PASSWORD), `byte ${index}`).toBe('wrong-password');
    }
  });

  it('andOTP: an iteration count flipped beyond 10 000 000 is never run (read as the old layout: wrong-password)', async () => {
    const bytes = await andOtpEncrypted(SHARED_ACCOUNTS, PASSWORD);
    bytes[0] = bytes[0]! ^ 0x80;
    expect(detectImportFormat(bytes).format).toBe('andotp-encrypted-old');
    const start = performance.now();
    expect(await code(bytes, PASSWORD)).toBe('wrong-password');
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('versions and variants that are not read', () => {
  const aegisVault = () => JSON.parse(aegisPlain(SHARED_ACCOUNTS)) as Record<string, unknown>;

  it('future Aegis vault and content versions, 2FAS schema 5', async () => {
    expect(await code(JSON.stringify({ ...aegisVault(), version: 2 }))).toBe('unsupported-version');
    expect(await code(aegisPlain([], { ...aegisContent(SHARED_ACCOUNTS), version: 4 }))).toBe(
      'unsupported-version',
    );
    const twoFas = JSON.parse(twoFasPlain(SHARED_ACCOUNTS)) as Record<string, unknown>;
    expect(await code(JSON.stringify({ ...twoFas, schemaVersion: 5 }))).toBe('unsupported-version');
    const encrypted = await twoFasEncrypted(SHARED_ACCOUNTS, PASSWORD, { schemaVersion: 5 });
    expect(() => detectImportFormat(encrypted)).toThrow(
      expect.objectContaining({ code: 'unsupported-version' }),
    );
  });

  it('password-protected and account-encrypted Bitwarden exports: unsupported-version, not not-a-backup', async () => {
    const passwordProtected = {
      encrypted: true,
      passwordProtected: true,
      salt: 'c2FsdA==',
      kdfType: 0,
      kdfIterations: 600000,
      encKeyValidation_DO_NOT_EDIT: '2.abc|def|ghi',
      data: '2.abc|def|ghi',
    };
    const accountEncrypted = {
      encrypted: true,
      encKeyValidation_DO_NOT_EDIT: '2.a|b|c',
      folders: [],
      items: [],
    };
    expect(await code(JSON.stringify(passwordProtected))).toBe('unsupported-version');
    expect(await code(JSON.stringify(accountEncrypted), PASSWORD)).toBe('unsupported-version');
  });

  it('encrypted "Authenticator" backups: unsupported-version', async () => {
    const entry = { type: 'totp', issuer: 'A', account: 'a', hash: 'h', index: 0 };
    const variants = [
      {
        h: { ...entry, encrypted: true, secret: 'U2FsdGVkX1+abcdef' },
        key: { enc: 'U2FsdGVkX1+x', hash: '$argon2id$v=19' },
      },
      { h: { ...entry, encrypted: true, secret: 'U2FsdGVkX1+abcdef' } },
      {
        h: { dataType: 'EncOTPStorage', keyId: 'k', data: 'U2FsdGVkX1+abcdef', index: 0 },
        k: { dataType: 'Key', id: 'k', salt: 's' },
      },
      { plain: { ...entry, secret: 'JBSWY3DPEHPK3PXP' }, key: { enc: 'x', hash: 'y' } },
    ];
    for (const variant of variants) expect(await code(JSON.stringify(variant))).toBe('unsupported-version');
  });

  it('absurd or malformed Aegis scrypt parameters are refused before any scrypt run', async () => {
    const vault = JSON.parse(await aegisEncrypted(SHARED_ACCOUNTS, PASSWORD)) as {
      header: { slots: Record<string, unknown>[] };
    };
    const withSlot = (changes: Record<string, unknown>) =>
      JSON.stringify({
        ...vault,
        header: { ...vault.header, slots: [{ ...vault.header.slots[0], ...changes }] },
      });
    const cases: [Record<string, unknown>, string][] = [
      [{ n: 2 ** 21 }, 'unsupported-version'],
      [{ n: 2 ** 40 }, 'unsupported-version'],
      [{ n: 2 ** 20, r: 8 }, 'unsupported-version'],
      [{ r: 8, p: 16, n: 2 ** 16 }, 'unsupported-version'],
      [{ r: 1000 }, 'unsupported-version'],
      [{ n: 2 ** 15 + 1 }, 'corrupt-backup'],
      [{ n: 2 ** 9 }, 'corrupt-backup'],
      [{ n: '32768' }, 'corrupt-backup'],
      [{ p: 0 }, 'corrupt-backup'],
      [{ salt: 'zz' }, 'corrupt-backup'],
      [{ type: 2 }, 'corrupt-backup'],
    ];
    for (const [changes, expected] of cases) {
      const start = performance.now();
      expect(await code(withSlot(changes), PASSWORD), JSON.stringify(changes)).toBe(expected);
      expect(performance.now() - start).toBeLessThan(100);
    }
  });
});

describe('hostile content', () => {
  it('__proto__ and constructor keys are data: nothing is polluted, nothing is read from a prototype', async () => {
    const entry = aegisEntries([CONSOLE])[0] as Record<string, unknown>;
    const text = aegisPlain([], aegisContent([], [entry])).replace(
      '"type": "totp"',
      '"__proto__": {"polluted": true, "secret": "AAAA"}, "constructor": {"prototype": {"polluted": true}}, "type": "totp"',
    );
    expect((await readImport(text)).accounts).toEqual([CONSOLE]);
    expect(
      await code('{"__proto__": {"version": 1, "header": {}, "db": {"version": 1, "entries": []}}}'),
    ).toBe('not-a-backup');
    const keyed = `{"__proto__": {"secret": "${CONSOLE.secret}", "issuer": "Proto"}}`;
    expect((await readImport(keyed)).accounts.map((a) => a.issuer)).toEqual(['Proto']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('secret');
  });

  it('a 10 KB label skips that entry only, shown shortened; HTML and bidi labels are kept verbatim as text', async () => {
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const bidi = 'admin\u202Egpj.exe';
    const accounts: Account[] = [
      { ...CONSOLE, issuer: 'x'.repeat(10_000) },
      { ...CONSOLE, issuer: html, account: bidi },
      JAPANESE,
    ];
    for (const input of [
      aegisPlain(accounts),
      twoFasPlain(accounts),
      andOtpPlain(accounts),
      authenticatorJson(accounts),
    ]) {
      const read = await readImport(input);
      expect(read.accounts).toEqual([{ ...CONSOLE, issuer: html, account: bidi }, JAPANESE]);
      expect(read.skipped).toHaveLength(1);
      expect(read.skipped[0]!.reason).toBe('invalid');
      expect(read.skipped[0]!.label).toBe(`${'x'.repeat(64)}…`);
    }
  });

  it('non-JSON, empty input, images, URLs and other text are not-a-backup / empty-backup', async () => {
    const png = new Uint8Array(readFileSync(join(MIGRATION_FIXTURES, 'example_export.png')));
    const cases: [unknown, string][] = [
      ['', 'empty-backup'],
      ['  \r\n\t ', 'empty-backup'],
      ['\uFEFF', 'empty-backup'],
      [new Uint8Array(0), 'empty-backup'],
      ['[]', 'empty-backup'],
      ['{}', 'empty-backup'],
      ['{not json', 'not-a-backup'],
      ['{"name": "x"', 'not-a-backup'],
      ['{"secret": "JBSWY3DP', 'corrupt-backup'],
      ['[1, 2, 3]', 'not-a-backup'],
      ['{"hello": "world"}', 'not-a-backup'],
      ['"a string"', 'not-a-backup'],
      ['null', 'not-a-backup'],
      ['https://example.com/login', 'not-a-backup'],
      ['javascript:alert(1)', 'not-a-backup'],
      ['JBSWY3DPEHPK3PXP', 'not-a-backup'],
      ['# only a comment', 'not-a-backup'],
      ['<html><body>otpauth</body></html>', 'not-a-backup'],
      [png, 'not-a-backup'],
      [Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new Array<number>(100).fill(1)]), 'not-a-backup'],
      [new Uint8Array(20).fill(0xfe), 'not-a-backup'],
      [42, 'not-a-backup'],
      [null, 'not-a-backup'],
      [{ length: 3 }, 'not-a-backup'],
    ];
    for (const [input, expected] of cases) expect(await code(input), String(input)).toBe(expected);
  });

  it('input above 20 MB is too-long before any work', async () => {
    const start = performance.now();
    expect(await code('x'.repeat(MAX_IMPORT_SIZE + 1))).toBe('too-long');
    expect(await code(new Uint8Array(MAX_IMPORT_SIZE + 1))).toBe('too-long');
    expect(() => detectImportFormat('{'.repeat(MAX_IMPORT_SIZE + 1))).toThrow(FormatError);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('a password that is not a string counts as none', async () => {
    const vault = await aegisEncrypted(SHARED_ACCOUNTS, PASSWORD);
    expect(await importErrorCode(() => readImport(vault, { password: 42 as unknown as string }))).toBe(
      'password-required',
    );
  });

  it('error messages are the fixed sentence of their code: no input, no secret', async () => {
    const inputs = [
      `{"secret": "${CONSOLE.secret}`,
      `otpauth-migration://offline?data=${CONSOLE.secret}`,
      CONSOLE.secret,
    ];
    for (const input of inputs) {
      const error = await readImport(input).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FormatError);
      const { code: errorCode, message } = error as FormatError;
      expect(message).toBe(new FormatError(errorCode).message);
      expect(message).not.toContain(CONSOLE.secret);
    }
  });

  it('a damaged transfer line fails the whole import as corrupt-backup', async () => {
    const lines = readFileSync(join(MIGRATION_FIXTURES, 'test_export_wrong_data.txt'), 'utf8');
    expect(await code(lines)).toBe('corrupt-backup');
  });
});

describe('entry count', () => {
  it('more than 50 000 entries is too-long, even when each is small', async () => {
    const many = JSON.stringify(Array.from({ length: 50_001 }, () => ({ secret: 'A' })));
    expect(await code(many)).toBe('too-long');
  });
});
