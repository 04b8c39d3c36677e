/**
 * Checklist: a fuzz run over every parser that reads untrusted input: otpauth URIs, Google transfer URIs, every
 * import format (readImport, readAnyImport, detectImportFormat), Sekimori backups, stored vault records, the
 * background's message validation, what a scan decodes (readEnrolText), the account form (validateAccount) and
 * the sites a person types (siteOrigin). At least 100 000 generated inputs in all: random text and bytes,
 * inputs built from each grammar, and random edits of real, valid inputs. Each parser may only answer or throw
 * its own error class with a string code (whose message never echoes the input), and every call has a time bound.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteOrigin } from '@/components/site-origin';
import { BackupError, openBackup, sealBackup, isSekimoriBackup } from '@/lib/backup';
import { formatMigrationUris, FormatError, parseMigrationUri } from '@/lib/formats';
import { detectImportFormat, readImport } from '@/lib/formats/import';
import { readAnyImport } from '@/lib/formats/import-any';
import { readEnrolText } from '@/lib/keeper/scan/enrol-text';
import { KeeperError } from '@/lib/keeper/keeper-error';
import { validateMessage } from '@/lib/keeper/validate-message';
import { MESSAGE_TYPES } from '@/lib/protocol/messages';
import { OtpError } from '@/lib/otp/errors';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { parseOtpauthUri } from '@/lib/otp/parse-otpauth-uri';
import { validateAccount } from '@/lib/otp/validate-account';
import { VaultError } from '@/lib/vault';
import { parseVaultRecord } from '@/lib/vault/parse-vault-record';
import {
  aegisPlain,
  andOtpPlain,
  authenticatorJson,
  authenticatorText,
  bitwardenCsv,
  bitwardenJson,
  otpauthList,
  twoFasPlain,
} from '../support/import-encoders';
import { migrationLines } from '../support/migration-fixtures';
import { otherAppFixture, OTHER_APP_EXPECTED } from '../support/other-app-fixtures';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';

/** Generated inputs per parser, and the slowest single call seen (ms). */
const counts = new Map<string, number>();
const slowest = new Map<string, number>();
const started = performance.now();

/** Time bounds per call: generous for a loaded 2-core machine; a hang or a quadratic blow-up is far above. */
const SYNC_MS = 250;
const ASYNC_MS = 1_000;

type ErrorClass = abstract new (...args: never[]) => Error & { code: string };

/** Error classes whose message is a fixed sentence per code (so it cannot carry any of the input). */
const FIXED_MESSAGES: (new (code: never) => Error)[] = [OtpError, FormatError, BackupError, KeeperError];

/** Checks one thrown value: one of `classes`, a non-empty string code, a message that does not echo the input. */
function expectTyped(error: unknown, classes: ErrorClass[], input: unknown, parser: string): void {
  if (!classes.some((C) => error instanceof C)) {
    throw new Error(
      `${parser} threw a foreign error: ${String(error)} for ${JSON.stringify(input)?.slice(0, 200)}`,
    );
  }
  const { code, message } = error as Error & { code: unknown };
  expect(typeof code === 'string' && code.length > 0, `${parser}: string code`).toBe(true);
  const Fixed = FIXED_MESSAGES.find((C) => error instanceof C);
  if (Fixed)
    expect(message, `${parser}: the message is the fixed one of its code`).toBe(
      new Fixed(code as never).message,
    );
  else if (typeof input === 'string' && input.length >= 24)
    expect(message.includes(input), `${parser}: the message echoes the input`).toBe(false);
}

/** Milliseconds `run` takes (its result or error ignored): for re-measuring a call that looked slow. */
function measure(run: () => unknown): number {
  const t0 = performance.now();
  try {
    run();
  } catch {
    // only the time matters here
  }
  return performance.now() - t0;
}

async function measureAsync(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run().catch(() => undefined);
  return performance.now() - t0;
}

/**
 * Counts and times one call. A call over the bound is measured once more before it fails the run: a pause of the
 * machine (garbage collection, other jobs on 2 cores) is not the parser's, a hang or a blow-up happens again.
 */
function timed<T>(parser: string, run: () => T): T {
  const t0 = performance.now();
  try {
    return run();
  } finally {
    let ms = performance.now() - t0;
    if (ms >= SYNC_MS) ms = measure(run);
    slowest.set(parser, Math.max(slowest.get(parser) ?? 0, ms));
    counts.set(parser, (counts.get(parser) ?? 0) + 1);
    expect(ms, `${parser}: one call took ${ms.toFixed(0)} ms`).toBeLessThan(SYNC_MS);
  }
}

async function timedAsync<T>(parser: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await run();
  } finally {
    let ms = performance.now() - t0;
    if (ms >= ASYNC_MS) ms = await measureAsync(run);
    slowest.set(parser, Math.max(slowest.get(parser) ?? 0, ms));
    counts.set(parser, (counts.get(parser) ?? 0) + 1);
    expect(ms, `${parser}: one call took ${ms.toFixed(0)} ms`).toBeLessThan(ASYNC_MS);
  }
}

/** Runs a synchronous parser: returns its result, or undefined when it threw a typed error. */
function sync<T>(parser: string, classes: ErrorClass[], input: unknown, run: () => T): T | undefined {
  try {
    return timed(parser, run);
  } catch (error) {
    if (error instanceof Error && error.name === 'AssertionError') throw error;
    expectTyped(error, classes, input, parser);
    return undefined;
  }
}

async function async_<T>(
  parser: string,
  classes: ErrorClass[],
  input: unknown,
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await timedAsync(parser, run);
  } catch (error) {
    if (error instanceof Error && error.name === 'AssertionError') throw error;
    expectTyped(error, classes, input, parser);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
/** Characters that mean something to one parser or another. */
const SPECIAL = [
  '%',
  '%ZZ',
  '%00',
  '%C3%28',
  '%E2%80%AE',
  '&',
  '=',
  '?',
  '#',
  ':',
  '/',
  '//',
  '@',
  '+',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\uD800',
  '\uDC00',
  '\u202E',
  '\u200B',
  '\uFEFF',
  '"',
  "'",
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'null',
  'true',
  '-1',
  '0',
  '1e309',
  '1.5',
  'NaN',
  '9'.repeat(25),
  '__proto__',
  'constructor',
  'otpauth://',
  'totp',
  'hotp',
  'steam',
  'secret=',
  'issuer=',
  'digits=',
  'period=',
  'counter=',
  'algorithm=',
  'SHA1',
  'SHA512',
  'MD5',
  '====',
  'AAAA',
  '/+',
  '-_',
  'data=',
  'otpauth-migration://offline?',
  'xn--',
  '[::1]',
  ':0',
  ':65536',
  'javascript:',
];
const special = fc.constantFrom(...SPECIAL);
const token = fc.oneof(special, fc.string({ unit: anyCodePoint, maxLength: 6 }), fc.string({ maxLength: 6 }));
const anyText = (maxLength: number) => fc.string({ unit: fc.oneof(anyCodePoint, special), maxLength });

type Edit = { kind: number; at: number; len: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.integer({ min: 0, max: 6 }),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 24 }),
  text: token,
});

/** Applies random edits: delete, insert, replace, duplicate a slice, truncate, change case, flip a bit. */
function applyEdits(seed: string, edits: Edit[]): string {
  let s = seed;
  for (const e of edits) {
    const at = s.length === 0 ? 0 : e.at % (s.length + 1);
    switch (e.kind) {
      case 0:
        s = s.slice(0, at) + s.slice(at + e.len);
        break;
      case 1:
        s = s.slice(0, at) + e.text + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + e.text + s.slice(at + e.len);
        break;
      case 3:
        s = s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
        break;
      case 4:
        s = s.slice(0, at);
        break;
      case 5:
        s = s.slice(0, at) + s.slice(at, at + e.len).toUpperCase() + s.slice(at + e.len);
        break;
      default: {
        const c = s.charCodeAt(at);
        if (!Number.isNaN(c))
          s = s.slice(0, at) + String.fromCharCode(c ^ (1 << (e.len % 16))) + s.slice(at + 1);
      }
    }
  }
  return s;
}

const mutated = (seeds: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 5 }))
    .map(([seed, edits]) => applyEdits(seed, edits));

const mutatedBytes = (seeds: readonly Uint8Array[]) =>
  fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat(3)), {
        minLength: 1,
        maxLength: 6,
      }),
    )
    .map(([seed, edits]) => {
      let bytes = new Uint8Array(seed);
      for (const [at, value, kind] of edits) {
        const i = at % Math.max(1, bytes.length);
        if (kind === 0) bytes = bytes.slice(0, i);
        else if (kind === 1) bytes = new Uint8Array([...bytes.slice(0, i), value, ...bytes.slice(i)]);
        else if (bytes.length > 0) bytes[i] = value;
      }
      return bytes;
    });

// Seeds: real, valid inputs of every format.
const ACCOUNTS = [...SHARED_ACCOUNTS];
const OTPAUTH_SEEDS = [
  ...ACCOUNTS.map(formatOtpauthUri),
  'otpauth://totp/Trend%20Micro%20SaaS%20Account:abc%40example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account',
  'otpauth://hotp/VPN:ops?secret=JBSWY3DPEHPK3PXP&counter=7&issuer=VPN&digits=8&algorithm=SHA256',
  'otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam',
  'otpauth://totp/%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE:%E7%AE%A1%E7%90%86%E8%80%85?secret=jbsw%20y3dp%20ehpk%203pxp&period=60',
];
const MIGRATION_SEEDS = [
  ...formatMigrationUris(
    ACCOUNTS.filter((a) => a.type !== 'steam' && a.period === 30 && a.digits !== 7),
    { perBatch: 3 },
  ),
  ...migrationLines('example_export.txt'),
  ...migrationLines('test_plus_problem_export.txt'),
];
const IMPORT_TEXT_SEEDS = [
  otpauthList(ACCOUNTS),
  aegisPlain(ACCOUNTS),
  twoFasPlain(ACCOUNTS),
  andOtpPlain(ACCOUNTS),
  bitwardenJson(ACCOUNTS),
  bitwardenCsv(ACCOUNTS),
  authenticatorJson(ACCOUNTS),
  authenticatorText(ACCOUNTS),
  MIGRATION_SEEDS.join('\n'),
  ...OTHER_APP_EXPECTED.map((f) => new TextDecoder().decode(otherAppFixture(f.file))).filter(
    (t) => !t.includes('\uFFFD'),
  ),
];
const IMPORT_BYTE_SEEDS = OTHER_APP_EXPECTED.map((f) => otherAppFixture(f.file));
const VAULT_SEEDS = [
  (JSON.parse(readFileSync(join(__dirname, '../fixtures/vault/v1.json'), 'utf8')) as { record: string })
    .record,
];

/** otpauth URIs from the grammar, each part drawn from meaningful and random pieces. */
const otpauthGrammar = fc
  .tuple(
    fc.constantFrom('otpauth://', 'OTPAUTH://', 'otpauth:/', 'otpauth:', 'otpauth-migration://'),
    fc.oneof(fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', 'motp', ''), fc.string({ maxLength: 5 })),
    fc.oneof(fc.constantFrom('/', '//', ''), fc.constant('/')),
    anyText(12),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'secret',
          'issuer',
          'digits',
          'period',
          'counter',
          'algorithm',
          'image',
          'SECRET',
          '',
        ),
        fc.oneof(
          fc.constantFrom(
            'JBSWY3DPEHPK3PXP',
            'jbsw y3dp',
            '0189',
            '',
            '6',
            '0',
            '5',
            '9',
            '6abc',
            '30',
            '-30',
            '30.5',
            'NaN',
            'SHA1',
            'sha-256',
            'MD5',
            '%ZZ',
            'A'.repeat(2000),
          ),
          anyText(8),
        ),
      ),
      { maxLength: 6 },
    ),
  )
  .map(
    ([scheme, type, slash, label, params]) =>
      `${scheme}${type}${slash}${label}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`,
  );

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const migrationGrammar = fc
  .tuple(
    fc.constantFrom(
      'otpauth-migration://offline?data=',
      'OTPAUTH-MIGRATION://offline?data=',
      'otpauth-migration://offline?data=&data=',
      'otpauth-migration://online?data=',
    ),
    fc.oneof(
      fc.uint8Array({ maxLength: 120 }).map(base64),
      mutatedBytes(
        MIGRATION_SEEDS.map(
          (uri) => new Uint8Array(Buffer.from(decodeURIComponent(uri.split('data=')[1] ?? ''), 'base64')),
        ),
      ).map(base64),
    ),
    fc.constantFrom('', '%3D', '==', '&x=1', '#frag'),
    fc.boolean(),
  )
  .map(([prefix, data, suffix, rawPlus]) => prefix + (rawPlus ? data : encodeURIComponent(data)) + suffix);

/** JSON shaped like each import format, with junk where the entries are. */
const jsonGrammar = fc
  .tuple(
    fc.constantFrom('aegis', '2fas', 'bitwarden', 'authenticator', 'andotp'),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map(([format, junk]) => {
    switch (format) {
      case 'aegis':
        return JSON.stringify({
          version: 1,
          header: { slots: null, params: null },
          db: { version: 2, entries: [junk] },
        });
      case '2fas':
        return JSON.stringify({ services: [junk], schemaVersion: 4, appVersionCode: 1 });
      case 'bitwarden':
        return JSON.stringify({ encrypted: false, items: [{ type: 1, name: 'x', login: { totp: junk } }] });
      case 'authenticator':
        return JSON.stringify({ k: { secret: junk, issuer: 'x', account: 'y', type: 'totp' } });
      default:
        return JSON.stringify([junk]);
    }
  });

const message = fc.oneof(
  fc.record({ type: fc.constantFrom(...MESSAGE_TYPES), payload: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({
    type: fc.constantFrom(...MESSAGE_TYPES),
    payload: fc.dictionary(
      fc.constantFrom(
        'password',
        'draft',
        'id',
        'patch',
        'text',
        'tabId',
        'origin',
        'origins',
        'frames',
        'documentId',
        'kind',
        'data',
        'encoding',
        'token',
        'selected',
        'digest',
        'on',
        '__proto__',
        'constructor',
      ),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('deadbeef', 'https://a.jp', 'A'.repeat(24), 'a'.repeat(64), 'x'.repeat(2000)),
      ),
      { maxKeys: 4 },
    ),
  }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }),
);

const typedSite = fc.oneof(
  anyText(30),
  fc
    .tuple(
      fc.constantFrom(
        '',
        'https://',
        'http://',
        'HTTPS://',
        'ftp://',
        'javascript:',
        'file:///',
        'data:',
        '//',
        'chrome-extension://',
      ),
      fc.constantFrom('', 'user:pw@', 'user@', '@'),
      fc.oneof(
        fc.constantFrom(
          'clp.trendmicro.com',
          'xn--trendmcro-9kb.com',
          'trеndmicro.com',
          '127.0.0.1',
          '[::1]',
          'localhost',
          '0x7f.1',
          '例え.テスト',
          'a..b',
          '',
        ),
        anyText(10),
      ),
      fc.constantFrom('', ':443', ':8080', ':0', ':65536', ':-1', ':abc'),
      fc.oneof(fc.constantFrom('', '/', '/login?x=1#y', '\\evil'), anyText(6)),
    )
    .map((parts) => parts.join('')),
);

const draft = fc.record(
  {
    type: fc.oneof(fc.constantFrom('totp', 'hotp', 'steam'), fc.jsonValue({ maxDepth: 0 })),
    issuer: fc.oneof(anyText(20), fc.jsonValue({ maxDepth: 0 })),
    account: fc.oneof(anyText(20), fc.jsonValue({ maxDepth: 0 })),
    secret: fc.oneof(
      fc.constantFrom('JBSWY3DPEHPK3PXP', 'abcd efgh', '0189', ''),
      anyText(20),
      fc.jsonValue({ maxDepth: 0 }),
    ),
    algorithm: fc.oneof(
      fc.constantFrom('SHA1', 'SHA256', 'SHA512', 'MD5', 'sha-1'),
      fc.jsonValue({ maxDepth: 0 }),
    ),
    digits: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.jsonValue({ maxDepth: 0 })),
    period: fc.oneof(fc.integer({ min: -5, max: 4000 }), fc.double(), fc.jsonValue({ maxDepth: 0 })),
    counter: fc.oneof(fc.integer(), fc.maxSafeNat(), fc.double(), fc.jsonValue({ maxDepth: 0 })),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------------------------
// Properties

const run = (arb: fc.Arbitrary<unknown>, numRuns: number, check: (input: never) => void) =>
  fc.assert(
    fc.property(arb, (input) => check(input as never)),
    { numRuns },
  );
const runAsync = (arb: fc.Arbitrary<unknown>, numRuns: number, check: (input: never) => Promise<void>) =>
  fc.assert(
    fc.asyncProperty(arb, (input) => check(input as never)),
    { numRuns },
  );

describe('fuzz: every parser answers or throws its own typed error, in bounded time', () => {
  it('parseOtpauthUri: 36 000 inputs (random text, the grammar, edits of real URIs); a result is always a valid account', () => {
    const check = (uri: string) => {
      const account = sync('parseOtpauthUri', [OtpError], uri, () => parseOtpauthUri(uri));
      if (account) expect(validateAccount(account)).toEqual(account);
    };
    run(anyText(200), 8_000, check);
    run(otpauthGrammar, 12_000, check);
    run(mutated(OTPAUTH_SEEDS), 16_000, check);
  });

  it('parseMigrationUri: 24 000 inputs (random text, random and edited protobuf payloads, edits of real exports)', () => {
    const check = (uri: string) => {
      const read = sync('parseMigrationUri', [FormatError], uri, () => parseMigrationUri(uri));
      if (read) for (const account of read.accounts) expect(validateAccount(account)).toEqual(account);
    };
    run(anyText(200), 4_000, check);
    run(migrationGrammar, 10_000, check);
    run(mutated(MIGRATION_SEEDS), 10_000, check);
  });

  it('readEnrolText (what a scan decodes): 8 000 inputs; only the key, transfer and keeper error classes', () => {
    const check = (text: string) =>
      void sync('readEnrolText', [OtpError, FormatError, KeeperError], text, () => readEnrolText(text));
    run(anyText(120), 2_000, check);
    run(
      mutated([
        ...OTPAUTH_SEEDS,
        ...MIGRATION_SEEDS,
        'https://example.com/x',
        'javascript:alert(1)',
        'phonefactor://activate_account?code=1',
      ]),
      6_000,
      check,
    );
  });

  it('validateMessage: 30 000 messages, including prototype tricks; never throws, accepts only known types with object payloads', () => {
    run(message, 30_000, (raw: unknown) => {
      const result = timed('validateMessage', () => validateMessage(raw));
      if (result) {
        expect(MESSAGE_TYPES).toContain(result.type);
        expect([Object.prototype, null]).toContain(Object.getPrototypeOf(result.payload));
        expect(Object.keys(result.payload)).not.toContain('__proto__');
      }
    });
  });

  it('siteOrigin: 16 000 typed sites; never throws, answers null or an exact http(s) origin', () => {
    run(typedSite, 16_000, (typed: string) => {
      const origin = timed('siteOrigin', () => siteOrigin(typed));
      if (origin !== null) {
        const url = new URL(origin);
        expect(['https:', 'http:']).toContain(url.protocol);
        expect(url.origin).toBe(origin);
      }
    });
  });

  it('validateAccount (the account form): 8 000 drafts with any field values', () => {
    run(draft, 8_000, (d: Record<string, unknown>) => {
      const account = sync('validateAccount', [OtpError], JSON.stringify(d), () =>
        validateAccount(d as never),
      );
      if (account) expect(validateAccount(account)).toEqual(account);
    });
  });

  it('detectImportFormat: 10 000 texts and byte strings', () => {
    const check = (input: string | Uint8Array) =>
      void sync('detectImportFormat', [FormatError], input, () => detectImportFormat(input));
    run(mutated(IMPORT_TEXT_SEEDS), 5_000, check);
    run(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutatedBytes(IMPORT_BYTE_SEEDS)), 3_000, check);
    run(jsonGrammar, 2_000, check);
  });

  it('readImport: 7 000 inputs over every format (text, bytes, JSON shaped like each app); accounts read are valid', async () => {
    const check = async (input: string | Uint8Array) => {
      const read = await async_('readImport', [FormatError], input, () => readImport(input));
      if (read) for (const account of read.accounts) expect(validateAccount(account)).toEqual(account);
    };
    await runAsync(mutated(IMPORT_TEXT_SEEDS), 3_500, check);
    await runAsync(jsonGrammar, 2_000, check);
    await runAsync(
      fc.oneof(fc.uint8Array({ maxLength: 300 }), mutatedBytes(IMPORT_BYTE_SEEDS)),
      1_500,
      check,
    );
  });

  it('readAnyImport (Sekimori backups too) and openBackup: 6 000 inputs; only FormatError and BackupError', async () => {
    const backup = await sealBackup(
      ACCOUNTS.map((a, k) => ({ ...a, origins: [], createdAt: k + 1 })),
      'fuzz campaign password',
      { iterations: 600_000 },
    );
    // No password: the whole file is parsed and checked, and the key derivation (which needs one) never runs.
    await runAsync(mutated([backup, ...IMPORT_TEXT_SEEDS]), 3_000, async (input: string) => {
      await async_('readAnyImport', [FormatError, BackupError], input, () => readAnyImport(input));
      expect(typeof isSekimoriBackup(input)).toBe('boolean');
    });
    await runAsync(
      fc.oneof(
        mutated([backup]),
        anyText(200),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      ),
      3_000,
      async (text: string) => {
        await async_('openBackup', [BackupError], text, () => openBackup(text, ''));
      },
    );
  });

  it('parseVaultRecord (what storage hands back): 5 000 records, edited or random; only VaultError', async () => {
    await runAsync(
      fc.oneof(mutated(VAULT_SEEDS), anyText(200), fc.anything({ maxDepth: 2 })),
      5_000,
      async (record: unknown) => {
        await async_('parseVaultRecord', [VaultError], record, () => parseVaultRecord(record));
      },
    );
  });
});

describe('fuzz: the whole run', () => {
  it('counted at least 100 000 generated inputs over all parsers', () => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const seconds = (performance.now() - started) / 1000;
    const rows = [...counts].map(([p, n]) => `${p}: ${n} (slowest ${slowest.get(p)!.toFixed(1)} ms)`);
    console.log(`fuzz: ${total} inputs in ${seconds.toFixed(1)} s\n  ${rows.join('\n  ')}`);
    expect(counts.size).toBe(11);
    expect(total).toBeGreaterThanOrEqual(100_000);
  });
});
