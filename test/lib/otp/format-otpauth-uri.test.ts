import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../lib/otp/account';
import { encodeBase32 } from '../../../lib/otp/base32';
import { formatOtpauthUri } from '../../../lib/otp/format-otpauth-uri';
import { MAX_URI_LENGTH } from '../../../lib/otp/limits';
import { parseOtpauthUri } from '../../../lib/otp/parse-otpauth-uri';
import { validateAccount } from '../../../lib/otp/validate-account';
import { anyText } from './arbitraries';
import { otpErrorCode } from './otp-error-code';

const BASE: Account = {
  type: 'totp',
  issuer: 'ACME Co',
  account: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('formatOtpauthUri: canonical output', () => {
  it.each<[string, Account, string]>([
    [
      'totp',
      BASE,
      'otpauth://totp/ACME%20Co:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    ],
    [
      'hotp',
      { ...BASE, type: 'hotp', algorithm: 'SHA512', digits: 8, counter: 5 },
      'otpauth://hotp/ACME%20Co:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA512&digits=8&counter=5',
    ],
    [
      'steam',
      { ...BASE, type: 'steam', issuer: 'Steam', account: 'bob', digits: 5 },
      'otpauth://steam/Steam:bob?secret=JBSWY3DPEHPK3PXP&issuer=Steam',
    ],
    [
      'no issuer',
      { ...BASE, issuer: '' },
      'otpauth://totp/alice%40example.com?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    ],
    [
      'no issuer, colon in the account',
      { ...BASE, issuer: '', account: 'a:b' },
      'otpauth://totp/:a%3Ab?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    ],
    [
      'Japanese',
      { ...BASE, issuer: '会社', account: '太郎' },
      'otpauth://totp/%E4%BC%9A%E7%A4%BE:%E5%A4%AA%E9%83%8E?secret=JBSWY3DPEHPK3PXP&issuer=%E4%BC%9A%E7%A4%BE&algorithm=SHA1&digits=6&period=30',
    ],
  ])('%s', (_name, account, expected) => {
    expect(formatOtpauthUri(account)).toBe(expected);
    expect(parseOtpauthUri(expected)).toEqual(account);
  });

  it('validates before formatting', () => {
    expect(otpErrorCode(() => formatOtpauthUri({ ...BASE, digits: 9 }))).toBe('invalid-digits');
  });
});

describe('parseOtpauthUri(formatOtpauthUri(a)) deep-equals a', () => {
  it.each<[string, string]>([
    ['ACME', 'alice'],
    ['', ''],
    ['', 'a:b'],
    ['', ':'],
    ['ACME', ''],
    [':', ':'],
    ['a:b', 'c:d'],
    ['a', 'a:b'],
    ['100% & co', 'x+y=z#w?v/u'],
    ['%3A', '%ZZ'],
    ['トレンドマイクロ', '管理者@例え.jp'],
    ['🔐 Vault', '👩‍💻'],
    ['Trend Micro', 'Trend Micro:alice'],
    ['\u202eevil', 'ab\u200bc'],
  ])('issuer %j, account %j', (issuer, account) => {
    const original = validateAccount({ ...BASE, issuer, account });
    expect(parseOtpauthUri(formatOtpauthUri(original))).toEqual(original);
  });

  it('holds for the largest account and stays under the URI length cap', () => {
    const original = validateAccount({
      type: 'hotp',
      issuer: '😀'.repeat(256),
      account: '😀'.repeat(256),
      secret: encodeBase32(new Uint8Array(256).fill(255)),
      algorithm: 'SHA512',
      digits: 8,
      counter: Number.MAX_SAFE_INTEGER,
    });
    const uri = formatOtpauthUri(original);
    expect(uri.length).toBeLessThan(MAX_URI_LENGTH);
    expect(parseOtpauthUri(uri)).toEqual(original);
  });

  const tricky = fc.constantFrom(
    ':',
    '%',
    '%3A',
    '%ZZ',
    '&',
    '+',
    '#',
    '=',
    '?',
    '/',
    ' ',
    '会社',
    '🔐',
    '\u202e',
    'é',
  );
  const label = fc.oneof(
    fc.string({ maxLength: 20, unit: fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 1 })) }),
    fc.string({ maxLength: 40, unit: 'grapheme' }),
    anyText(270),
  );
  const secret = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 256 }).map(encodeBase32),
    fc.stringMatching(/^[a-z2-7]{2,40}$/), // random Base32 with leftover bits, lower case
  );
  const draft = fc.record({
    type: fc.constantFrom('totp', 'hotp', 'steam'),
    issuer: label,
    account: label,
    secret,
    algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
    digits: fc.integer({ min: 5, max: 9 }),
    period: fc.integer({ min: 0, max: 3601 }),
    counter: fc.maxSafeNat(),
  });

  it('holds for every account validateAccount accepts (property)', () => {
    fc.assert(
      fc.property(draft, (candidate) => {
        let original: Account;
        try {
          original = validateAccount(candidate as Account);
        } catch {
          fc.pre(false);
          return;
        }
        expect(parseOtpauthUri(formatOtpauthUri(original))).toEqual(original);
      }),
      { numRuns: 400 },
    );
  });
});
