/** 5 000-account imports (security-bar.md's checklist) finish well within 3 s each. */
import { describe, expect, it } from 'vitest';
import { readImport } from '../../../../lib/formats/import';
import type { Account } from '../../../../lib/otp/account';
import { encodeBase32 } from '../../../../lib/otp/base32';
import { aegisPlain, otpauthList, twoFasPlain } from '../../../support/import-encoders';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const COUNT = 5000;
const LIMIT_MS = 3000;

const MANY: Account[] = Array.from({ length: COUNT }, (_, index) => {
  const template = SHARED_ACCOUNTS[index % SHARED_ACCOUNTS.length]!;
  const secret = encodeBase32(Uint8Array.from({ length: 20 }, (_, byte) => (index * 31 + byte * 7) % 256));
  return {
    ...template,
    issuer: `${template.issuer} ${index}`,
    account: `${template.account}-${index}`,
    secret,
  };
});

describe(`${COUNT}-account imports`, () => {
  const cases: [string, string][] = [
    ['otpauth-list', otpauthList(MANY)],
    ['aegis', aegisPlain(MANY)],
    ['2fas', twoFasPlain(MANY)],
  ];
  for (const [format, input] of cases) {
    it(`${format} (${(input.length / 1024 / 1024).toFixed(1)} MB) in under ${LIMIT_MS} ms`, async () => {
      const start = performance.now();
      const read = await readImport(input);
      const elapsed = performance.now() - start;
      console.info(`${format}: ${COUNT} accounts in ${elapsed.toFixed(0)} ms`);
      expect(read.format).toBe(format);
      expect(read.accounts).toEqual(MANY);
      expect(elapsed).toBeLessThan(LIMIT_MS);
    });
  }
});
