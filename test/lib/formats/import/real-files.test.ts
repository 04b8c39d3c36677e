/** The real backups of other apps (shared fixtures) yield exactly the accounts of other-app-fixtures.ts. */
import { describe, expect, it } from 'vitest';
import { detectImportFormat, importAccounts, readImport } from '../../../../lib/formats/import';
import { validateAccount } from '../../../../lib/otp/validate-account';
import { OTHER_APP_EXPECTED, OTHER_APP_PASSWORD, otherAppFixture } from '../../../support/other-app-fixtures';
import { importErrorCode } from './import-error-code';

describe('real backups of other apps', () => {
  for (const { file, format, encrypted, accounts } of OTHER_APP_EXPECTED) {
    describe(file, () => {
      const bytes = otherAppFixture(file);
      const password = encrypted ? OTHER_APP_PASSWORD : undefined;

      it(`is detected as ${format}${encrypted ? ' (password needed)' : ''}`, () => {
        expect(detectImportFormat(bytes)).toEqual({ format, needsPassword: encrypted });
        const text = new TextDecoder().decode(bytes);
        if (format === 'andotp-encrypted') {
          // A binary backup decoded as text has lost bytes: only the bytes can be read.
          expect(() => detectImportFormat(text)).toThrow(expect.objectContaining({ code: 'not-a-backup' }));
        } else {
          expect(detectImportFormat(text)).toEqual({ format, needsPassword: encrypted });
        }
      });

      it('yields exactly the expected accounts, in order, all valid', async () => {
        const read = await readImport(bytes, { password });
        expect(read).toEqual({ format, accounts, skipped: [] });
        for (const account of read.accounts) expect(validateAccount(account)).toEqual(account);
        expect(await importAccounts(bytes, { password })).toEqual(accounts);
      });

      if (encrypted) {
        it('a wrong password is wrong-password, none (or empty) is password-required', async () => {
          expect(await importErrorCode(() => readImport(bytes, { password: 'Test' }))).toBe('wrong-password');
          expect(await importErrorCode(() => readImport(bytes))).toBe('password-required');
          expect(await importErrorCode(() => readImport(bytes, { password: '' }))).toBe('password-required');
        });
      } else {
        it('reads the same from a string, and ignores a password', async () => {
          const text = new TextDecoder().decode(bytes);
          expect((await readImport(text, { password: 'unused' })).accounts).toEqual(accounts);
        });
      }
    });
  }

  it('unlocks the real Aegis file (scrypt N = 2^15) in under 3 s', async () => {
    const bytes = otherAppFixture('aegis_encrypted.json');
    const start = performance.now();
    await readImport(bytes, { password: OTHER_APP_PASSWORD });
    const elapsed = performance.now() - start;
    console.info(`aegis_encrypted.json unlocked in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(3000);
  });
});
