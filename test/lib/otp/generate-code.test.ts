import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Account, OtpAlgorithm } from '../../../lib/otp/account';
import { decodeBase32, encodeBase32 } from '../../../lib/otp/base32';
import { generateCode, generateCodes } from '../../../lib/otp/generate-code';
import { parseOtpauthUri } from '../../../lib/otp/parse-otpauth-uri';
import { STEAM_ALPHABET } from '../../../lib/otp/steam';
import { asyncOtpErrorCode } from './otp-error-code';

const asciiSecret = (text: string) => encodeBase32(new TextEncoder().encode(text));
const RFC_SEED = '12345678901234567890';
const SEEDS: Record<OtpAlgorithm, string> = {
  SHA1: asciiSecret(RFC_SEED),
  SHA256: asciiSecret('12345678901234567890123456789012'),
  SHA512: asciiSecret('1234567890123456789012345678901234567890123456789012345678901234'),
};

const account = (fields: Partial<Account>): Account => ({
  type: 'totp',
  issuer: '',
  account: '',
  secret: SEEDS.SHA1,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});

/** Independent RFC 4226 implementation (node:crypto, BigInt counter) to cross-check otplib. */
function referenceHotp(secret: string, counter: bigint, algorithm: OtpAlgorithm, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm.toLowerCase(), decodeBase32(secret)).update(message).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

describe('HOTP (RFC 4226 appendix D)', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  it.each(expected.map((code, counter) => [counter, code] as const))(
    'counter %i -> %s',
    async (counter, code) => {
      expect(await generateCode(account({ type: 'hotp', counter }), 0)).toBe(code);
    },
  );

  it.each([2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40 + 12345, Number.MAX_SAFE_INTEGER])(
    'counter %i (above 32 bits) matches an independent implementation',
    async (counter) => {
      for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
        const secret = SEEDS[algorithm];
        const code = await generateCode(account({ type: 'hotp', counter, secret, algorithm, digits: 8 }), 0);
        expect(code).toBe(referenceHotp(secret, BigInt(counter), algorithm, 8));
      }
    },
  );
});

describe('TOTP (RFC 6238 appendix B, per-algorithm seeds)', () => {
  const rows: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(rows)('t = %i: SHA1 %s, SHA256 %s, SHA512 %s', async (seconds, sha1, sha256, sha512) => {
    const at = (algorithm: OtpAlgorithm) =>
      generateCode(account({ algorithm, secret: SEEDS[algorithm], digits: 8 }), seconds * 1000);
    expect(await at('SHA1')).toBe(sha1);
    expect(await at('SHA256')).toBe(sha256);
    expect(await at('SHA512')).toBe(sha512);
  });

  it('handles time steps above 2^32 (64-bit counter)', async () => {
    const step = 2 ** 32 + 5;
    const code = await generateCode(account({ digits: 8 }), step * 30_000 + 29_999);
    expect(code).toBe(referenceHotp(SEEDS.SHA1, BigInt(step), 'SHA1', 8));
  });

  it('uses the time step, not the milliseconds, and supports other periods', async () => {
    const base = account({ digits: 8 });
    expect(await generateCode(base, 59_999)).toBe('94287082');
    expect(await generateCode(base, 60_000)).not.toBe('94287082');
    const minute = account({ digits: 7, period: 60 });
    expect(await generateCode(minute, 1234567890_000)).toBe(referenceHotp(SEEDS.SHA1, 20576131n, 'SHA1', 7));
  });
});

describe('Steam Guard', () => {
  it('HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ at 2023-01-01T00:00:00Z -> 7W6CJ', async () => {
    const steam = account({ type: 'steam', secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ', digits: 5 });
    expect(await generateCode(steam, Date.parse('2023-01-01T00:00:00Z'))).toBe('7W6CJ');
  });

  it('always gives 5 characters from the Steam alphabet', async () => {
    const steam = account({ type: 'steam', digits: 5 });
    for (let step = 0; step < 50; step++) {
      const code = await generateCode(steam, step * 30_000 + 1_700_000_000_000);
      expect(code).toHaveLength(5);
      for (const char of code) expect(STEAM_ALPHABET).toContain(char);
    }
  });
});

describe('real console secrets and edge cases', () => {
  it('generates for the 10-byte console secret', async () => {
    const parsed = parseOtpauthUri(
      'otpauth://totp/abc%40example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account',
    );
    const time = 1_700_000_000_000;
    const code = await generateCode(parsed, time);
    expect(code).toMatch(/^\d{6}$/);
    expect(code).toBe(referenceHotp('ABCDEFGHIJKL2345', BigInt(Math.floor(time / 30_000)), 'SHA1', 6));
  });

  it('generates for 1-byte and 256-byte secrets', async () => {
    for (const bytes of [1, 256]) {
      const secret = encodeBase32(new Uint8Array(bytes).fill(7));
      expect(await generateCode(account({ secret }), 0)).toBe(referenceHotp(secret, 0n, 'SHA1', 6));
    }
  });

  it('rejects invalid accounts and times with OtpError', async () => {
    expect(await asyncOtpErrorCode(() => generateCode(account({ digits: 9 }), 0))).toBe('invalid-digits');
    expect(await asyncOtpErrorCode(() => generateCode(account({ secret: 'A1' }), 0))).toBe('invalid-secret');
    for (const time of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      expect(await asyncOtpErrorCode(() => generateCode(account({}), time))).toBe('invalid-time');
    }
  });
});

describe('generateCodes', () => {
  it('gives the code of the next time step for totp', async () => {
    const base = account({ digits: 8 });
    expect(await generateCodes(base, 1111111109_000)).toEqual({
      code: '07081804',
      next: await generateCode(base, 1111111110_000),
    });
  });

  it('gives counter + 1 for hotp, and null at the last safe counter', async () => {
    expect(await generateCodes(account({ type: 'hotp', counter: 3 }), 0)).toEqual({
      code: '969429',
      next: '338314',
    });
    const last = await generateCodes(account({ type: 'hotp', counter: Number.MAX_SAFE_INTEGER }), 0);
    expect(last.next).toBeNull();
  });

  it('computes 200 accounts quickly', async () => {
    const accounts = Array.from({ length: 200 }, (_, i) =>
      account({ account: `user${i}`, secret: 'ABCDEFGHIJKL2345', digits: 6 + (i % 3) }),
    );
    const now = Date.now();
    await Promise.all(accounts.map((a) => generateCode(a, now))); // warm-up (JIT)
    const start = performance.now();
    const codes = await Promise.all(accounts.map((a) => generateCode(a, now)));
    const elapsed = performance.now() - start;
    expect(codes).toHaveLength(200);
    expect(elapsed).toBeLessThan(200); // typically ~3 ms; generous bound for loaded CI machines
  });
});
