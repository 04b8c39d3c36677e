import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32, normalizeSecret } from '../../../lib/otp/base32';
import { otpErrorCode as codeOf } from './otp-error-code';

const ascii = (text: string) => new TextEncoder().encode(text);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('encodeBase32 / decodeBase32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('RFC 4648 vector %j <-> %s (unpadded)', (text, base32) => {
    expect(encodeBase32(ascii(text))).toBe(base32);
    expect(hex(decodeBase32(base32))).toBe(hex(ascii(text)));
  });

  it('decodes JBSWY3DPEHPK3PXP to 48 65 6C 6C 6F 21 DE AD BE EF', () => {
    expect(hex(decodeBase32('JBSWY3DPEHPK3PXP'))).toBe('48656c6c6f21deadbeef');
  });

  it.each(['A', 'ABC', 'ABCDEF', 'ABCDEFGHI', 'ABCDEFGHIJK', 'ABCDEFGHIJKLMN'])(
    'rejects %s: its length cannot come from whole bytes',
    (text) => {
      expect(codeOf(() => decodeBase32(text))).toBe('invalid-secret');
    },
  );

  it.each(['MZXW6YT0', 'MZXW6YT1', 'MZXW6YT8', 'MZXW6YT9', 'mzxw6ytb', 'MZXW6YT=', 'MZXW 6YTB'])(
    'rejects non-canonical input %j (normalise first)',
    (text) => {
      expect(codeOf(() => decodeBase32(text))).toBe('invalid-secret');
    },
  );

  it('ignores leftover bits of a valid length, as Google Authenticator does', () => {
    expect(hex(decodeBase32('MZ'))).toBe(hex(decodeBase32('MY')));
  });

  it('round-trips arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase32(bytes);
        expect(text).toMatch(/^[A-Z2-7]*$/);
        expect(hex(decodeBase32(text))).toBe(hex(bytes));
      }),
    );
  });
});

describe('normalizeSecret', () => {
  it.each([
    ['jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP'],
    ['JBSW Y3DP EHPK 3PXP', 'JBSWY3DPEHPK3PXP'],
    ['jbsw-y3dp-ehpk-3pxp', 'JBSWY3DPEHPK3PXP'],
    ['MZXW6YTBOI======', 'MZXW6YTBOI'],
    ['  mzxw6ytboi== \n', 'MZXW6YTBOI'],
    ['ＪＢＳＷ\u3000Ｙ３ＤＰ', 'JBSWY3DP'], // full-width input from a Japanese IME
  ])('%j -> %s', (input, expected) => {
    expect(normalizeSecret(input)).toBe(expected);
  });

  it.each([
    ['', 'missing-secret'],
    ['   ', 'missing-secret'],
    ['====', 'missing-secret'],
    ['JBSW0', 'invalid-secret'],
    ['JBSW1', 'invalid-secret'],
    ['JBSW8', 'invalid-secret'],
    ['JBSW9', 'invalid-secret'],
    ['MZ=XW', 'invalid-secret'],
    ['straße', 'invalid-secret'], // 'ß' must not become 'SS'
    ['48656c6c6f', 'invalid-secret'], // hex is never guessed
    ['A'.repeat(1025), 'secret-too-long'],
  ])('%j -> %s', (input, code) => {
    expect(codeOf(() => normalizeSecret(input))).toBe(code);
  });
});
