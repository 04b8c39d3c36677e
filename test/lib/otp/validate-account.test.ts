import { describe, expect, it } from 'vitest';
import type { Account } from '../../../lib/otp/account';
import { encodeBase32 } from '../../../lib/otp/base32';
import { validateAccount, type AccountDraft } from '../../../lib/otp/validate-account';
import { otpErrorCode } from './otp-error-code';

const SECRET = 'JBSWY3DPEHPK3PXP';
const secretOfBytes = (length: number) => encodeBase32(new Uint8Array(length).fill(0xa5));

describe('validateAccount: defaults and forced fields', () => {
  it('fills the defaults of a bare secret', () => {
    expect(validateAccount({ secret: ' jbsw y3dp ehpk 3pxp ' })).toEqual<Account>({
      type: 'totp',
      issuer: '',
      account: '',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
  });

  it('forces SHA1, 5 digits, 30 s and counter 0 for steam, whatever the draft says', () => {
    const draft = {
      type: 'steam',
      secret: SECRET,
      algorithm: 'SHA512',
      digits: 8,
      period: 0,
      counter: 9,
    } as const;
    expect(validateAccount(draft)).toMatchObject({ algorithm: 'SHA1', digits: 5, period: 30, counter: 0 });
  });

  it('keeps period 30 for hotp and counter 0 for totp', () => {
    expect(validateAccount({ type: 'hotp', secret: SECRET, period: 60, counter: 7 })).toMatchObject({
      period: 30,
      counter: 7,
    });
    expect(validateAccount({ type: 'totp', secret: SECRET, period: 60, counter: 7 })).toMatchObject({
      period: 60,
      counter: 0,
    });
  });

  it('accepts the whole ranges: 6-8 digits, period 1-3600, counter up to 2^53 - 1', () => {
    for (const digits of [6, 7, 8]) expect(validateAccount({ secret: SECRET, digits }).digits).toBe(digits);
    for (const period of [1, 15, 20, 60, 3600])
      expect(validateAccount({ secret: SECRET, period }).period).toBe(period);
    const counter = Number.MAX_SAFE_INTEGER;
    expect(validateAccount({ type: 'hotp', secret: SECRET, counter }).counter).toBe(counter);
    expect(Object.is(validateAccount({ type: 'hotp', secret: SECRET, counter: -0 }).counter, 0)).toBe(true);
  });

  it('normalises the case of type and algorithm and accepts SHA-256 spellings', () => {
    const draft = { type: 'TOTP', algorithm: 'sha-256', secret: SECRET } as unknown as AccountDraft;
    expect(validateAccount(draft)).toMatchObject({ type: 'totp', algorithm: 'SHA256' });
  });

  it('accepts secrets from 1 to 256 bytes, including 10-byte console secrets', () => {
    for (const bytes of [1, 10, 16, 20, 64, 256]) {
      const secret = secretOfBytes(bytes);
      expect(validateAccount({ secret }).secret).toBe(secret);
    }
    expect(validateAccount({ secret: 'ABCDEFGHIJKL2345' }).secret).toBe('ABCDEFGHIJKL2345');
  });

  it('trims names and keeps any Unicode: Japanese, emoji, colons, percent signs', () => {
    const draft = { secret: SECRET, issuer: '  トレンドマイクロ 🔐 ', account: ' 管理者:a%3Ab&c+d#e ' };
    expect(validateAccount(draft)).toMatchObject({
      issuer: 'トレンドマイクロ 🔐',
      account: '管理者:a%3Ab&c+d#e',
    });
  });

  it('accepts names of exactly 256 code points, even astral ones', () => {
    const issuer = '😀'.repeat(256);
    expect(validateAccount({ secret: SECRET, issuer, account: 'a'.repeat(256) }).issuer).toBe(issuer);
  });

  it('returns a fresh object without foreign keys', () => {
    const draft = JSON.parse(`{"secret":"${SECRET}","__proto__":{"admin":true},"extra":1}`) as AccountDraft;
    const account = validateAccount(draft);
    expect(Object.keys(account).sort()).toEqual(
      ['account', 'algorithm', 'counter', 'digits', 'issuer', 'period', 'secret', 'type'].sort(),
    );
    expect(Object.getPrototypeOf(account)).toBe(Object.prototype);
  });
});

describe('validateAccount: rejections', () => {
  const bad = (fields: Record<string, unknown>) => ({ secret: SECRET, ...fields }) as AccountDraft;

  it.each<[string, AccountDraft, string]>([
    ['unknown type', bad({ type: 'motp' }), 'invalid-type'],
    ['type not a string', bad({ type: 1 }), 'invalid-type'],
    ['no draft at all', null as unknown as AccountDraft, 'missing-secret'],
    ['missing secret', { secret: undefined } as unknown as AccountDraft, 'missing-secret'],
    ['empty secret', bad({ secret: '' }), 'missing-secret'],
    ['secret not a string', bad({ secret: 42 }), 'invalid-secret'],
    ['secret with 0/1/8/9', bad({ secret: 'JBSWY3DPEHPK3PX0' }), 'invalid-secret'],
    ['secret of impossible length', bad({ secret: 'JBSWY3DPE' }), 'invalid-secret'],
    ['secret of 257 bytes', bad({ secret: secretOfBytes(257) }), 'secret-too-long'],
    ['1 MB secret', bad({ secret: 'A'.repeat(1 << 20) }), 'secret-too-long'],
    ['unknown algorithm', bad({ algorithm: 'MD5' }), 'invalid-algorithm'],
    ['digits 0', bad({ digits: 0 }), 'invalid-digits'],
    ['digits 5', bad({ digits: 5 }), 'invalid-digits'],
    ['digits 9', bad({ digits: 9 }), 'invalid-digits'],
    ['digits "6"', bad({ digits: '6' }), 'invalid-digits'],
    ['digits 6.5', bad({ digits: 6.5 }), 'invalid-digits'],
    ['period 0', bad({ period: 0 }), 'invalid-period'],
    ['period -30', bad({ period: -30 }), 'invalid-period'],
    ['period 30.5', bad({ period: 30.5 }), 'invalid-period'],
    ['period NaN', bad({ period: Number.NaN }), 'invalid-period'],
    ['period Infinity', bad({ period: Number.POSITIVE_INFINITY }), 'invalid-period'],
    ['period 3601', bad({ period: 3601 }), 'invalid-period'],
    ['counter -1', bad({ type: 'hotp', counter: -1 }), 'invalid-counter'],
    ['counter 1.5', bad({ type: 'hotp', counter: 1.5 }), 'invalid-counter'],
    ['counter 2^53', bad({ type: 'hotp', counter: 2 ** 53 }), 'invalid-counter'],
    ['counter NaN', bad({ type: 'hotp', counter: Number.NaN }), 'invalid-counter'],
    ['issuer of 257 code points', bad({ issuer: 'あ'.repeat(257) }), 'label-too-long'],
    ['10 KB account', bad({ account: '<b>'.repeat(3500) }), 'label-too-long'],
    ['newline inside the account', bad({ account: 'a\nb' }), 'invalid-label'],
    ['NUL in the issuer', bad({ issuer: 'a\u0000b' }), 'invalid-label'],
    ['C1 control in the issuer', bad({ issuer: 'a\u009bb' }), 'invalid-label'],
    ['unpaired surrogate', bad({ account: 'a\ud800b' }), 'invalid-label'],
    ['issuer not a string', bad({ issuer: 5 }), 'invalid-label'],
  ])('%s -> %s', (_name, draft, code) => {
    expect(otpErrorCode(() => validateAccount(draft))).toBe(code);
  });

  it('never puts the secret into the error message', () => {
    const secret = 'JBSWY3DPEHPK3PX0';
    try {
      validateAccount({ secret });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });
});
