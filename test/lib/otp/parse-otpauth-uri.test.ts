import { describe, expect, it } from 'vitest';
import type { Account } from '../../../lib/otp/account';
import { MAX_URI_LENGTH } from '../../../lib/otp/limits';
import { parseOtpauthUri } from '../../../lib/otp/parse-otpauth-uri';
import { otpErrorCode } from './otp-error-code';

const S = 'JBSWY3DPEHPK3PXP';
const TOTP: Account = {
  type: 'totp',
  issuer: '',
  account: '',
  secret: S,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('parseOtpauthUri: good URIs', () => {
  it('parses the console example with a 10-byte secret', () => {
    const uri =
      'otpauth://totp/abc%40example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account';
    expect(parseOtpauthUri(uri)).toEqual<Account>({
      ...TOTP,
      issuer: 'Trend Micro SaaS Account',
      account: 'abc@example.co.jp',
      secret: 'ABCDEFGHIJKL2345',
    });
  });

  it.each<[string, string, Partial<Account>]>([
    ['bare account', `otpauth://totp/alice?secret=${S}`, { account: 'alice' }],
    ['issuer prefix only', `otpauth://totp/ACME:alice?secret=${S}`, { issuer: 'ACME', account: 'alice' }],
    ['colon as %3A', `otpauth://totp/ACME%3Aalice?secret=${S}`, { issuer: 'ACME', account: 'alice' }],
    ['colon as %3a', `otpauth://totp/ACME%3aalice?secret=${S}`, { issuer: 'ACME', account: 'alice' }],
    [
      'spaces after colon',
      `otpauth://totp/ACME:%20%20alice?secret=${S}`,
      { issuer: 'ACME', account: 'alice' },
    ],
    [
      'issuer param preferred over prefix',
      `otpauth://totp/Old:alice?secret=${S}&issuer=New`,
      { issuer: 'New', account: 'alice' },
    ],
    [
      'issuer with +',
      `otpauth://totp/a?secret=${S}&issuer=Trend+Micro`,
      { issuer: 'Trend Micro', account: 'a' },
    ],
    ['issuer with %20', `otpauth://totp/a?secret=${S}&issuer=Trend%20Micro`, { issuer: 'Trend Micro' }],
    ['+ kept in the label', `otpauth://totp/ACME:a+b%40x.jp?secret=${S}`, { account: 'a+b@x.jp' }],
    [
      'Japanese issuer and account',
      `otpauth://totp/${encodeURIComponent('トレンドマイクロ:管理者')}?secret=${S}&issuer=${encodeURIComponent('トレンドマイクロ')}`,
      { issuer: 'トレンドマイクロ', account: '管理者' },
    ],
    ['raw (unencoded) Japanese', `otpauth://totp/会社:太郎?secret=${S}`, { issuer: '会社', account: '太郎' }],
    ['upper-case scheme and type', `OTPAUTH://TOTP/a?secret=${S}`, { account: 'a' }],
    [
      'lower-case, spaced, padded secret',
      `otpauth://totp/a?secret=jbsw%20y3dp+ehpk3pxp%3D%3D`,
      { secret: S },
    ],
    ['algorithm SHA256', `otpauth://totp/a?secret=${S}&algorithm=SHA256`, { algorithm: 'SHA256' }],
    ['algorithm sha512', `otpauth://totp/a?secret=${S}&algorithm=sha512`, { algorithm: 'SHA512' }],
    [
      'algorithm SHA-256 (deliberately accepted)',
      `otpauth://totp/a?secret=${S}&algorithm=SHA-256`,
      { algorithm: 'SHA256' },
    ],
    ['digits 8, period 60', `otpauth://totp/a?secret=${S}&digits=8&period=60`, { digits: 8, period: 60 }],
    ['digits 7', `otpauth://totp/a?secret=${S}&digits=7`, { digits: 7 }],
    [
      'unknown parameters ignored',
      `otpauth://totp/a?secret=${S}&image=%ZZ&codeDisplay=x&&`,
      { account: 'a' },
    ],
    ['parameter names case-insensitive', `otpauth://totp/a?SECRET=${S}&Digits=8`, { digits: 8 }],
    ['fragment ignored', `otpauth://totp/a?secret=${S}#digits=9`, { account: 'a' }],
    ['surrounding whitespace', `  otpauth://totp/a?secret=${S}\n`, { account: 'a' }],
    ['no label at all', `otpauth://totp?secret=${S}`, { account: '' }],
    ['hotp with counter', `otpauth://hotp/a?secret=${S}&counter=42`, { type: 'hotp', counter: 42 }],
    [
      'hotp with counter above 2^32',
      `otpauth://hotp/a?secret=${S}&counter=4294967297`,
      { counter: 4294967297 },
    ],
    [
      'steam ignores digits/period/algorithm',
      `otpauth://steam/Steam:bob?secret=${S}&digits=6&period=60&algorithm=SHA256`,
      { type: 'steam', issuer: 'Steam', account: 'bob', digits: 5, period: 30, algorithm: 'SHA1' },
    ],
    [
      'issuer param with colon in it',
      `otpauth://totp/a%3Ab:c%3Ad?secret=${S}&issuer=a%3Ab`,
      { issuer: 'a:b', account: 'c:d' },
    ],
    ['empty issuer prefix', `otpauth://totp/:a%3Ab?secret=${S}`, { issuer: '', account: 'a:b' }],
  ])('%s', (_name, uri, expected) => {
    expect(parseOtpauthUri(uri)).toMatchObject(expected);
  });
});

describe('parseOtpauthUri: bad URIs (security-bar checklist)', () => {
  const uri = (params: string, type = 'totp') => `otpauth://${type}/ACME:alice?${params}`;

  it.each<[string, string, string]>([
    ['bad type', uri(`secret=${S}`, 'motp'), 'invalid-type'],
    ['empty type', `otpauth:///a?secret=${S}`, 'invalid-type'],
    ['missing secret', uri('issuer=ACME'), 'missing-secret'],
    ['empty secret', uri('secret=&issuer=ACME'), 'missing-secret'],
    ['secret without value', uri('secret'), 'missing-secret'],
    ['invalid Base32 (0 1 8 9)', uri('secret=JBSWY3DPEHPK3P01'), 'invalid-secret'],
    ['invalid Base32 (8 9)', uri('secret=89'), 'invalid-secret'],
    ['impossible secret length', uri('secret=JBSWY3DPE'), 'invalid-secret'],
    ['secret too long', uri(`secret=${'A'.repeat(416)}`), 'secret-too-long'],
    ['1 MB secret', uri(`secret=${'A'.repeat(1 << 20)}`), 'uri-too-long'],
    ['digits 0', uri(`secret=${S}&digits=0`), 'invalid-digits'],
    ['digits 5', uri(`secret=${S}&digits=5`), 'invalid-digits'],
    ['digits 9', uri(`secret=${S}&digits=9`), 'invalid-digits'],
    ['digits "6abc"', uri(`secret=${S}&digits=6abc`), 'invalid-digits'],
    ['digits empty', uri(`secret=${S}&digits=`), 'invalid-digits'],
    ['digits "+6"', uri(`secret=${S}&digits=+6`), 'invalid-digits'],
    ['period 0', uri(`secret=${S}&period=0`), 'invalid-period'],
    ['period -30', uri(`secret=${S}&period=-30`), 'invalid-period'],
    ['period 30.5', uri(`secret=${S}&period=30.5`), 'invalid-period'],
    ['period NaN', uri(`secret=${S}&period=NaN`), 'invalid-period'],
    ['period 1e3', uri(`secret=${S}&period=1e3`), 'invalid-period'],
    ['period 3601', uri(`secret=${S}&period=3601`), 'invalid-period'],
    ['period huge', uri(`secret=${S}&period=${'9'.repeat(400)}`), 'invalid-period'],
    ['unknown algorithm', uri(`secret=${S}&algorithm=MD5`), 'invalid-algorithm'],
    ['empty algorithm', uri(`secret=${S}&algorithm=`), 'invalid-algorithm'],
    ['hotp without counter', uri(`secret=${S}`, 'hotp'), 'missing-counter'],
    ['hotp counter -1', uri(`secret=${S}&counter=-1`, 'hotp'), 'invalid-counter'],
    ['hotp counter 2^64', uri(`secret=${S}&counter=18446744073709551616`, 'hotp'), 'invalid-counter'],
    ['duplicate secret', uri(`secret=${S}&secret=${S}`), 'duplicate-parameter'],
    ['duplicate issuer, other case', uri(`secret=${S}&issuer=A&ISSUER=B`), 'duplicate-parameter'],
    ['duplicate digits', uri(`secret=${S}&digits=6&digits=8`), 'duplicate-parameter'],
    ['%ZZ in the label', `otpauth://totp/ACME%ZZ?secret=${S}`, 'malformed-uri'],
    ['%ZZ in the issuer', uri(`secret=${S}&issuer=%ZZ`), 'malformed-uri'],
    ['lone % in the secret', uri(`secret=${S}%`), 'malformed-uri'],
    ['invalid UTF-8', `otpauth://totp/%E6%97?secret=${S}`, 'malformed-uri'],
    ['10 KB label', `otpauth://totp/${'x'.repeat(10_000)}?secret=${S}`, 'label-too-long'],
    ['newline in the label', `otpauth://totp/a%0Ab?secret=${S}`, 'invalid-label'],
    ['https URL', 'https://example.com/?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
    ['javascript:', 'javascript:alert(1)//otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
    ['otpauth-migration', 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'not-otpauth'],
    ['steam://', `steam://${S}`, 'not-otpauth'],
    ['missing slashes', `otpauth:totp/a?secret=${S}`, 'not-otpauth'],
    ['empty string', '', 'not-otpauth'],
    ['plain text', 'hello', 'not-otpauth'],
    ['not a string', 42 as unknown as string, 'not-otpauth'],
  ])('%s -> %s', (_name, input, code) => {
    expect(otpErrorCode(() => parseOtpauthUri(input))).toBe(code);
  });

  it('rejects a 1 MB URI in well under a millisecond per call', () => {
    const huge = `otpauth://totp/a?secret=${'A'.repeat(1 << 20)}`;
    const start = performance.now();
    for (let i = 0; i < 100; i++) expect(otpErrorCode(() => parseOtpauthUri(huge))).toBe('uri-too-long');
    expect(performance.now() - start).toBeLessThan(50);
    expect(huge.length).toBeGreaterThan(MAX_URI_LENGTH);
  });

  it('never puts the URI or the secret into the error', () => {
    const secret = 'JBSWY3DPEHPK3P0Q';
    try {
      parseOtpauthUri(`otpauth://totp/a?secret=${secret}`);
      expect.unreachable();
    } catch (error) {
      expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`).not.toContain(
        secret,
      );
    }
  });
});
