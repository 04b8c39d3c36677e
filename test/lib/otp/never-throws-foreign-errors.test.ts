import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../lib/otp/account';
import { OtpError } from '../../../lib/otp/errors';
import { parseOtpauthUri } from '../../../lib/otp/parse-otpauth-uri';
import { validateAccount, type AccountDraft } from '../../../lib/otp/validate-account';
import { anyText } from './arbitraries';

/** Runs `run`; passes if it returns a valid account or throws an OtpError, fails on anything else. */
function onlyOtpErrors(run: () => Account): void {
  let account: Account;
  try {
    account = run();
  } catch (error) {
    expect(error).toBeInstanceOf(OtpError);
    return;
  }
  expect(validateAccount(account)).toEqual(account);
}

const URI_PIECES = fc.constantFrom(
  'otpauth://',
  'OTPAUTH://',
  'totp',
  'hotp',
  'steam',
  '/',
  ':',
  '%3A',
  '?',
  '&',
  '=',
  '#',
  '+',
  '%',
  '%ZZ',
  '%E6%97',
  '%E4%BC%9A',
  '%00',
  '%0A',
  'secret',
  'issuer',
  'algorithm',
  'digits',
  'period',
  'counter',
  'JBSWY3DPEHPK3PXP',
  'ABCDEFGHIJKL2345',
  'SHA-256',
  'sha512',
  '6',
  '8',
  '30',
  '-1',
  '1e3',
  '9007199254740993',
  '会社',
  '😀',
  '\ud800',
  ' ',
);

describe('parsing never throws anything but OtpError', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(anyText(200), (text) => {
        onlyOtpErrors(() => parseOtpauthUri(text));
      }),
    );
  });

  it('for arbitrary strings after otpauth://totp/', () => {
    fc.assert(
      fc.property(anyText(200), (text) => {
        onlyOtpErrors(() => parseOtpauthUri(`otpauth://totp/${text}`));
      }),
    );
  });

  it('for URI-like strings built from meaningful pieces', () => {
    fc.assert(
      fc.property(fc.array(URI_PIECES, { maxLength: 30 }), (pieces) => {
        onlyOtpErrors(() => parseOtpauthUri(pieces.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('for URI-like strings with a valid start', () => {
    fc.assert(
      fc.property(fc.array(URI_PIECES, { maxLength: 20 }), (pieces) => {
        onlyOtpErrors(() => parseOtpauthUri(`otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP&${pieces.join('')}`));
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateAccount never throws anything but OtpError', () => {
  it('for drafts with arbitrary field values', () => {
    const anyValue = fc.oneof(fc.anything(), anyText(50), fc.double(), fc.integer());
    const draft = fc.record(
      {
        type: fc.oneof(fc.constantFrom('totp', 'hotp', 'steam'), anyValue),
        issuer: anyValue,
        account: anyValue,
        secret: fc.oneof(fc.constant('JBSWY3DPEHPK3PXP'), anyValue),
        algorithm: anyValue,
        digits: anyValue,
        period: anyValue,
        counter: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(draft, (candidate) => {
        onlyOtpErrors(() => validateAccount(candidate as unknown as AccountDraft));
      }),
    );
  });
});
