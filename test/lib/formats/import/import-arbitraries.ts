/** fast-check arbitraries for the importer properties: valid accounts, and entry-shaped junk for every format. */
import fc from 'fast-check';
import type { Account } from '../../../../lib/otp/account';
import { encodeBase32 } from '../../../../lib/otp/base32';
import { validateAccount } from '../../../../lib/otp/validate-account';

/** Label characters: ASCII and HTML specials, Japanese, emoji; no control characters and no colon (formats differ on it). */
const labelUnit = fc.oneof(
  fc.constantFrom(...'abcXYZ019 .@_-<>&"\'%+#?/\\=株式会社管理者テスト😀\u3000\u202E'),
  fc
    .integer({ min: 0xa0, max: 0xd7ff })
    .filter((code) => code !== 0x3a)
    .map((code) => String.fromCodePoint(code)),
);
const label = fc.string({ unit: labelUnit, maxLength: 24 });

/** Any account validateAccount accepts (already in its canonical form). */
export const validAccount: fc.Arbitrary<Account> = fc
  .record({
    type: fc.constantFrom('totp', 'hotp', 'steam') as fc.Arbitrary<Account['type']>,
    issuer: label,
    account: label,
    secret: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(encodeBase32),
    algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512') as fc.Arbitrary<Account['algorithm']>,
    digits: fc.integer({ min: 6, max: 8 }),
    period: fc.integer({ min: 1, max: 3600 }),
    counter: fc.oneof(fc.nat(1000), fc.maxSafeNat()),
  })
  .map((draft) => validateAccount(draft));

/** Values that matter to the importers, mixed with arbitrary JSON. */
const interesting = fc.oneof(
  fc.constantFrom(
    'totp',
    'hotp',
    'steam',
    'TOTP',
    'HOTP',
    'STEAM',
    'motp',
    'yandex',
    'battle',
    'hex',
    'SHA1',
    'SHA256',
    'SHA512',
    'MD5',
    'GOST3411_2012_256',
    'JBSWY3DPEHPK3PXP',
    'jbsw y3dp====',
    '0189',
    '',
    'stm-JBSWY3DPEHPK3PXP',
    'blz-JBSWY3DPEHPK3PXP',
    'otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP',
    'steam://JBSWY3DPEHPK3PXP',
    'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP',
    'OTPStorage',
    'EncOTPStorage',
    'Key',
    6,
    8,
    5,
    10,
    0,
    -1,
    30,
    60,
    1.5,
    2 ** 53,
    Number.MAX_VALUE,
    1,
    2,
    3,
    4,
    true,
    false,
    null,
  ),
  fc.jsonValue({ maxDepth: 1 }),
);

const KEYS = [
  'type',
  'secret',
  'issuer',
  'name',
  'label',
  'account',
  'algo',
  'algorithm',
  'digits',
  'period',
  'counter',
  'tokenType',
  'username',
  'totp',
  'index',
  'encrypted',
  'dataType',
  'enc',
  'hash',
  '__proto__',
  'constructor',
];

const record = (depth: number): fc.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(
    fc.constantFrom(...KEYS, ...(depth > 0 ? ['info', 'otp', 'login'] : [])),
    depth > 0 ? fc.oneof(interesting, record(depth - 1)) : interesting,
    { maxKeys: 8 },
  );

/** An entry-like object for any format: the right keys with right, wrong and odd values, nested one level. */
export const junkEntry = record(1);

export const junkEntries = fc.array(
  fc.oneof({ weight: 5, arbitrary: junkEntry }, { weight: 1, arbitrary: interesting }),
  {
    maxLength: 8,
  },
);
