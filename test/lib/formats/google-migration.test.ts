import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../lib/encoding/base64';
import { FormatError } from '../../../lib/formats/format-error';
import {
  formatMigrationUris,
  migrationProblem,
  parseMigrationUri,
} from '../../../lib/formats/google-migration';
import { encodeMigrationPayload } from '../../../lib/formats/migration-payload';
import { MAX_MIGRATION_URI_LENGTH } from '../../../lib/formats/migration-uri';
import { ProtobufWriter } from '../../../lib/formats/protobuf-writer';
import type { Account } from '../../../lib/otp/account';
import { encodeBase32 } from '../../../lib/otp/base32';
import { OtpError } from '../../../lib/otp/errors';
import { validateAccount } from '../../../lib/otp/validate-account';
import { anyText } from '../otp/arbitraries';
import { errorCode } from './format-error-code';
import {
  migrationFixture,
  migrationLines,
  type ExpectedMigrationEntry,
} from '../../support/migration-fixtures';

const fixture = migrationFixture;
type Expected = ExpectedMigrationEntry;
const EXPECTED = JSON.parse(fixture('example_output.json')) as Expected[];

/** The fields example_output.json describes, in its shape. */
const summary = (account: Account) => ({
  name: account.account,
  secret: account.secret,
  issuer: account.issuer,
  type: account.type,
  counter: account.type === 'hotp' ? account.counter : null,
});
const expectedSummary = ({ name, secret, issuer, type, counter }: Expected) => ({
  name,
  secret,
  issuer,
  type,
  counter,
});

function importFixture(name: string): Account[] {
  return migrationLines(name).flatMap((line) => {
    const result = parseMigrationUri(line);
    expect(result.skipped).toBe(0);
    expect(result.batch).toMatchObject({ size: 1, index: 0 });
    for (const account of result.accounts) expect(validateAccount(account)).toEqual(account);
    return result.accounts;
  });
}

const ACCOUNT: Account = {
  type: 'totp',
  issuer: 'ACME',
  account: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('parseMigrationUri: real exports', () => {
  it('example_export.txt yields exactly the accounts of example_output.json, in order', () => {
    const lines = migrationLines('example_export.txt');
    expect(lines).toHaveLength(5);
    const accounts = importFixture('example_export.txt');
    expect(accounts.map(summary)).toEqual(EXPECTED.map(expectedSummary));
    for (const account of accounts) {
      expect(account).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    }
  });

  it('example_export_only_totp.txt yields the TOTP accounts of example_output.json; together: exactly that set', () => {
    const totp = importFixture('example_export_only_totp.txt');
    expect(totp.map(summary)).toEqual(EXPECTED.filter((e) => e.type === 'totp').map(expectedSummary));
    const all = [...importFixture('example_export.txt'), ...totp].map((a) => JSON.stringify(summary(a)));
    const expected = EXPECTED.map((e) => JSON.stringify(expectedSummary(e)));
    expect(new Set(all)).toEqual(new Set(expected));
  });

  it('keeps a colon-holding name whole when the issuer is empty (fixture rule)', () => {
    const accounts = importFixture('example_export.txt');
    expect(accounts.at(-1)).toMatchObject({ account: 'encoding: ¿äÄéÉ? (demo)', issuer: '' });
  });

  it('decodes the negative batch_id written as a 10-byte varint', () => {
    const [first] = migrationLines('example_export.txt');
    const { batch } = parseMigrationUri(first!);
    expect(Number.isSafeInteger(batch.id)).toBe(true);
    expect(batch.id).toBeLessThan(0);
    expect(batch.id).toBeGreaterThanOrEqual(-(2 ** 31));
  });

  it('test_plus_problem_export.txt: a raw + survives and yields the 4 SerenityLabs accounts', () => {
    const [line] = migrationLines('test_plus_problem_export.txt');
    const { accounts, skipped } = parseMigrationUri(line!);
    expect(skipped).toBe(0);
    expect(accounts.map((a) => [a.issuer, a.account])).toEqual(
      [1, 2, 3, 4].map((n) => ['SerenityLabs', `test${n}@serenitylabs.co.uk`]),
    );
    expect(accounts.every((a) => a.type === 'totp' && /^[A-Z2-7]{32}$/.test(a.secret))).toBe(true);
    expect(new Set(accounts.map((a) => a.secret)).size).toBe(4);
  });

  it('accepts spaces in place of + (form-decoded readers), URL-safe Base64, no padding and any scheme case', () => {
    const [line] = migrationLines('test_plus_problem_export.txt');
    const expected = parseMigrationUri(line!).accounts;
    const data = decodeURIComponent(line!.slice(line!.indexOf('data=') + 5));
    const variants = [
      `otpauth-migration://offline?data=${data.replace(/\+/g, ' ')}`,
      `otpauth-migration://offline?data=${data.replace(/\+/g, '%20')}`,
      `otpauth-migration://offline?data=${encodeURIComponent(data)}`,
      `otpauth-migration://offline?data=${data.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`,
      `OTPAUTH-MIGRATION://OFFLINE?data=${data}`,
      `  otpauth-migration://offline?foo=bar&data=${data}#frag \n`,
    ];
    for (const uri of variants) expect(parseMigrationUri(uri).accounts).toEqual(expected);
  });
});

describe('parseMigrationUri: malformed input gives distinct FormatError codes', () => {
  it.each([
    ['test_export_wrong_prefix.txt', 'not-migration'],
    ['test_export_wrong_data.txt', 'malformed-migration'],
  ])('%s -> %s', (name, code) => {
    expect(errorCode(() => parseMigrationUri(fixture(name)))).toBe(code);
  });

  it('test_export_wrong_content.txt -> not-migration', () => {
    expect(errorCode(() => parseMigrationUri(fixture('test_export_wrong_content.txt')))).toBe(
      'not-migration',
    );
  });

  it('is a FormatError whose message never echoes the input', () => {
    const uri = fixture('test_export_wrong_prefix.txt');
    let error: unknown;
    try {
      parseMigrationUri(uri);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).not.toContain('CjUK');
  });

  const payloadUri = (payload: Uint8Array) =>
    `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(payload))}`;
  const entry = (build: (w: ProtobufWriter) => ProtobufWriter) =>
    new ProtobufWriter()
      .message(1, build(new ProtobufWriter().bytes(1, Uint8Array.of(1, 2, 3, 4, 5))))
      .finish();

  /** One valid TOTP entry, as QR code `index` of `size`. */
  const batchOf = (size: number, index: number) =>
    encodeMigrationPayload({
      otpParameters: [
        {
          secret: Uint8Array.of(1, 2, 3, 4, 5),
          name: 'a',
          issuer: '',
          algorithm: 1n,
          digits: 1n,
          type: 2n,
          counter: 0n,
        },
      ],
      batchSize: size,
      batchIndex: index,
    });

  it('accepts the most QR codes an export may have (100), the last of them too', () => {
    expect(parseMigrationUri(payloadUri(batchOf(100, 99))).batch).toEqual({ size: 100, index: 99, id: 0 });
  });

  it.each<[string, string, string]>([
    ['another scheme', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'not-migration'],
    ['an empty string', '', 'not-migration'],
    ['another host', 'otpauth-migration://online?data=CgA', 'malformed-migration'],
    ['no data parameter', 'otpauth-migration://offline?x=1', 'malformed-migration'],
    ['two data parameters', 'otpauth-migration://offline?data=&data=', 'malformed-migration'],
    ['a bad percent-encoding', 'otpauth-migration://offline?data=%ZZ', 'malformed-migration'],
    ['a non-Base64 character', 'otpauth-migration://offline?data=ab*d', 'malformed-migration'],
    ['an impossible Base64 length', 'otpauth-migration://offline?data=abcde', 'malformed-migration'],
    ['padding in the middle', 'otpauth-migration://offline?data=ab=cd', 'malformed-migration'],
    ['an empty payload', 'otpauth-migration://offline?data=', 'empty-migration'],
    [
      'a payload with only batch info',
      payloadUri(new ProtobufWriter().varint(2, 1).finish()),
      'empty-migration',
    ],
    ['a truncated entry', payloadUri(Uint8Array.of(0x0a, 0x05, 0x0a)), 'malformed-migration'],
    [
      'batch_index >= batch_size',
      payloadUri(new ProtobufWriter().varint(3, 1).varint(4, 1).finish()),
      'malformed-migration',
    ],
    ['batch_size 0', payloadUri(new ProtobufWriter().varint(3, 0).finish()), 'malformed-migration'],
    ['batch_size 101', payloadUri(batchOf(101, 0)), 'migration-batch-too-large'],
    ['batch_size 2^31 − 1', payloadUri(batchOf(2 ** 31 - 1, 5)), 'migration-batch-too-large'],
    ['batch_index 100 of 100', payloadUri(batchOf(100, 100)), 'malformed-migration'],
    ['a negative batch_index', payloadUri(batchOf(100, -1)), 'malformed-migration'],
    ['only an MD5 entry', payloadUri(entry((w) => w.varint(4, 4))), 'unsupported-otp'],
    ['only an unknown type', payloadUri(entry((w) => w.varint(6, 3))), 'unsupported-otp'],
    ['only an unknown digit count', payloadUri(entry((w) => w.varint(5, 3))), 'unsupported-otp'],
    [
      'only an entry without secret',
      payloadUri(new ProtobufWriter().message(1, new ProtobufWriter()).finish()),
      'malformed-migration',
    ],
    [
      'too long an input',
      `otpauth-migration://offline?data=${'A'.repeat(MAX_MIGRATION_URI_LENGTH)}`,
      'too-long',
    ],
  ])('%s -> %s', (_, uri, code) => {
    expect(errorCode(() => parseMigrationUri(uri))).toBe(code);
  });

  it('skips and counts unsupported or invalid entries, keeping the others', () => {
    const good = new ProtobufWriter().bytes(1, Uint8Array.of(1, 2, 3, 4, 5)).string(2, 'good');
    const md5 = new ProtobufWriter().bytes(1, Uint8Array.of(1, 2, 3, 4, 5)).varint(4, 4);
    const noSecret = new ProtobufWriter().string(2, 'nothing');
    const hugeCounter = new ProtobufWriter()
      .bytes(1, Uint8Array.of(1))
      .varint(6, 1)
      .varint(7, 2n ** 60n);
    const negativeCounter = new ProtobufWriter().bytes(1, Uint8Array.of(1)).varint(6, 1).varint(7, -5);
    const payload = new ProtobufWriter()
      .message(1, md5)
      .message(1, good)
      .message(1, noSecret)
      .message(1, hugeCounter)
      .message(1, negativeCounter)
      .finish();
    const result = parseMigrationUri(payloadUri(payload));
    expect(result.skipped).toBe(4);
    expect(result.accounts).toEqual([{ ...ACCOUNT, issuer: '', account: 'good', secret: 'AEBAGBAF' }]);
  });

  it('strips the issuer prefix only when it matches the issuer exactly', () => {
    const make = (name: string, issuer: string) =>
      payloadUri(
        new ProtobufWriter()
          .message(
            1,
            new ProtobufWriter()
              .bytes(1, Uint8Array.of(1, 2, 3, 4, 5))
              .string(2, name)
              .string(3, issuer),
          )
          .finish(),
      );
    const parsed = (name: string, issuer: string) => {
      const [account] = parseMigrationUri(make(name, issuer)).accounts;
      return [account!.issuer, account!.account];
    };
    expect(parsed('ACME:alice', 'ACME')).toEqual(['ACME', 'alice']);
    expect(parsed('ACME: alice', 'ACME')).toEqual(['ACME', 'alice']);
    expect(parsed('Other:alice', 'ACME')).toEqual(['ACME', 'Other:alice']);
    expect(parsed('ACME:alice', '')).toEqual(['', 'ACME:alice']);
    expect(parsed('アクメ:太郎', 'アクメ')).toEqual(['アクメ', '太郎']);
  });
});

describe('formatMigrationUris -> parseMigrationUri', () => {
  const forty: Account[] = Array.from({ length: 40 }, (_, i) =>
    validateAccount({
      type: i % 3 === 0 ? 'hotp' : 'totp',
      issuer: i % 5 === 0 ? '' : `株式会社テスト${i}`,
      account: `利用者${i}@例え.jp`,
      secret: encodeBase32(Uint8Array.from({ length: 10 + (i % 23) }, (_, j) => (i * 31 + j * 7) & 0xff)),
      algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3],
      digits: i % 2 === 0 ? 8 : 6,
      period: 30,
      counter: i === 0 ? Number.MAX_SAFE_INTEGER : i % 3 === 0 ? 2 ** 32 + i * 1_000_003 : 0,
    }),
  );

  it('round-trips 40 accounts in several batches sharing one batch id', () => {
    const uris = formatMigrationUris(forty, { batchId: -1_234_567_890, perBatch: 7 });
    expect(uris).toHaveLength(6);
    const results = uris.map((uri) => parseMigrationUri(uri));
    results.forEach((result, index) => {
      expect(result.batch).toEqual({ size: 6, index, id: -1_234_567_890 });
      expect(result.skipped).toBe(0);
    });
    expect(results.flatMap((r) => r.accounts)).toEqual(forty);
  });

  it('defaults to 10 accounts per QR code and a random int32 batch id shared by all codes', () => {
    const results = formatMigrationUris(forty).map((uri) => parseMigrationUri(uri));
    expect(results.map((r) => r.accounts.length)).toEqual([10, 10, 10, 10]);
    const ids = new Set(results.map((r) => r.batch.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(Number.isSafeInteger(id) && id! >= -(2 ** 31) && id! < 2 ** 31).toBe(true);
  });

  it('writes what Google Authenticator writes (name "issuer:account", percent-encoded padded Base64)', () => {
    const [uri] = formatMigrationUris([ACCOUNT], { batchId: -1 });
    expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
    const expected = new ProtobufWriter()
      .message(
        1,
        new ProtobufWriter()
          .bytes(1, Uint8Array.of(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef))
          .string(2, 'ACME:alice@example.com')
          .string(3, 'ACME')
          .varint(4, 1)
          .varint(5, 1)
          .varint(6, 2),
      )
      .varint(2, 1)
      .varint(3, 1)
      .varint(4, 0)
      .varint(5, -1)
      .finish();
    expect(uri).toBe(`otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(expected))}`);
  });

  it('refuses accounts Google Authenticator cannot hold (unsupported-otp), and an empty list', () => {
    const steam: Account = { ...ACCOUNT, type: 'steam', digits: 5 };
    expect(migrationProblem(steam)).toBe('steam');
    expect(migrationProblem({ ...ACCOUNT, period: 60 })).toBe('period');
    expect(migrationProblem({ ...ACCOUNT, digits: 7 })).toBe('digits');
    expect(migrationProblem(ACCOUNT)).toBeUndefined();
    expect(errorCode(() => formatMigrationUris([ACCOUNT, steam]))).toBe('unsupported-otp');
    expect(errorCode(() => formatMigrationUris([{ ...ACCOUNT, period: 60 }]))).toBe('unsupported-otp');
    expect(errorCode(() => formatMigrationUris([]))).toBe('empty-migration');
    expect(errorCode(() => formatMigrationUris([{ ...ACCOUNT, secret: '1' }]))).toBe('invalid-secret');
    expect(() => formatMigrationUris([ACCOUNT], { perBatch: 0 })).toThrow(RangeError);
    // More accounts than 100 codes hold: refused rather than written as codes parseMigrationUri would refuse.
    expect(formatMigrationUris(Array(100).fill(ACCOUNT), { perBatch: 1 })).toHaveLength(100);
    expect(errorCode(() => formatMigrationUris(Array(101).fill(ACCOUNT), { perBatch: 1 }))).toBe(
      'migration-batch-too-large',
    );
    expect(() => formatMigrationUris([ACCOUNT], { batchId: 2 ** 31 })).toThrow(RangeError);
  });

  it('round-trips arbitrary valid accounts', () => {
    const accountArb = fc
      .record({
        type: fc.constantFrom('totp' as const, 'hotp' as const),
        issuer: anyText(20),
        account: anyText(20),
        secret: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(encodeBase32),
        algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
        digits: fc.constantFrom(6, 8),
        period: fc.constant(30),
        counter: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      })
      .map((draft) => {
        try {
          return validateAccount(draft);
        } catch {
          return undefined; // labels with control characters or lone surrogates
        }
      })
      .filter((account): account is Account => account !== undefined);
    fc.assert(
      fc.property(
        fc.array(accountArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 10 }),
        (accounts, perBatch) => {
          const parsed = formatMigrationUris(accounts, { perBatch, batchId: 7 }).flatMap(
            (uri) => parseMigrationUri(uri).accounts,
          );
          expect(parsed).toEqual(accounts);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parseMigrationUri never throws foreign errors and never hangs', () => {
  function onlyOwnErrors(uri: string): void {
    try {
      const result = parseMigrationUri(uri);
      expect(result.accounts.length).toBeGreaterThan(0);
      for (const account of result.accounts) expect(validateAccount(account)).toEqual(account);
    } catch (error) {
      if (!(error instanceof FormatError || error instanceof OtpError)) throw error;
    }
  }

  it('arbitrary strings', () => {
    fc.assert(fc.property(anyText(200), onlyOwnErrors), { numRuns: 1000 });
  });

  it('arbitrary strings after the migration prefix', () => {
    const piece = fc.oneof(
      anyText(8),
      fc.constantFrom('data=', '&', '%', '%2B', '%ZZ', '+', ' ', '=', '-', '_', '#', 'CjUK', 'EPql'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) =>
        onlyOwnErrors(`otpauth-migration://offline?${pieces.join('')}`),
      ),
      { numRuns: 1000 },
    );
  });

  it('arbitrary byte payloads', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (payload) =>
        onlyOwnErrors(`otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(payload))}`),
      ),
      { numRuns: 2000 },
    );
  });

  it('structurally plausible payloads with arbitrary field values', () => {
    const params = fc.record({
      secret: fc.uint8Array({ maxLength: 300 }),
      name: anyText(30),
      issuer: anyText(30),
      algorithm: fc.bigInt({ min: -2n, max: 6n }),
      digits: fc.bigInt({ min: -2n, max: 4n }),
      type: fc.bigInt({ min: -2n, max: 4n }),
      counter: fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }),
    });
    const payload = fc.record({
      otpParameters: fc.array(params, { maxLength: 5 }),
      version: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: undefined }),
      batchSize: fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }),
      batchIndex: fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }),
      batchId: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(payload, (p) =>
        onlyOwnErrors(
          `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(encodeMigrationPayload(p)))}`,
        ),
      ),
      { numRuns: 1000 },
    );
  });

  it('a deeply nested group bomb fails fast', () => {
    const bomb = Uint8Array.from({ length: 40_000 }, (_, i) => (i < 20_000 ? 0x33 : 0x34));
    const started = Date.now();
    expect(errorCode(() => parseMigrationUri(`otpauth-migration://offline?data=${encodeBase64(bomb)}`))).toBe(
      'malformed-migration',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
