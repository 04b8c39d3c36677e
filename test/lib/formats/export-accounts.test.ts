import { describe, expect, expectTypeOf, it } from 'vitest';
import { BackupError, openBackup, type BackupAccount } from '../../../lib/backup';
import { exportAccounts } from '../../../lib/formats/export-accounts';
import { FormatError } from '../../../lib/formats/format-error';
import { migrationProblem, parseMigrationUri } from '../../../lib/formats/google-migration';
import type { Account } from '../../../lib/otp/account';
import { encodeBase32 } from '../../../lib/otp/base32';
import { OtpError } from '../../../lib/otp/errors';
import { parseOtpauthUri } from '../../../lib/otp/parse-otpauth-uri';
import { EXAMPLE_ACCOUNTS } from '../../fixtures/backup/example-accounts';
import { SHARED_ACCOUNTS } from '../../support/shared-accounts';

const PASSWORD = 'correct horse battery staple';
/** The shared accounts Google Authenticator can hold (no Steam, 30 s periods, 6 or 8 digits). */
const GOOGLE_SUBSET = SHARED_ACCOUNTS.filter((account) => migrationProblem(account) === undefined);
const withoutBinding = ({ origins: _o, createdAt: _c, ...account }: BackupAccount): Account => account;

describe('exportAccounts', () => {
  it('types google-migration as string[] and the other formats as string', () => {
    // Type-level only: the calls are never made.
    const google = () => exportAccounts([], 'google-migration');
    const list = () => exportAccounts([], 'otpauth-list');
    const backup = () => exportAccounts([], 'sekimori-backup', { password: PASSWORD });
    expectTypeOf(google).returns.toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(list).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(backup).returns.toEqualTypeOf<Promise<string>>();
  });

  describe("'sekimori-backup'", () => {
    it('writes a backup that openBackup gives back in full: origins and creation times too', async () => {
      const text = await exportAccounts(EXAMPLE_ACCOUNTS, 'sekimori-backup', { password: PASSWORD });
      expect((await openBackup(text, PASSWORD)).accounts).toEqual(EXAMPLE_ACCOUNTS);
    });

    it("rejects without a password ('password-required') or with a short one ('password-too-short')", async () => {
      await expect(exportAccounts(SHARED_ACCOUNTS, 'sekimori-backup')).rejects.toMatchObject({
        code: 'password-required',
      });
      await expect(
        exportAccounts(SHARED_ACCOUNTS, 'sekimori-backup', { password: '' }),
      ).rejects.toBeInstanceOf(BackupError);
      await expect(
        exportAccounts(SHARED_ACCOUNTS, 'sekimori-backup', { password: 'short' }),
      ).rejects.toMatchObject({ code: 'password-too-short' });
    });
  });

  describe("'otpauth-list'", () => {
    it('writes one URI per line that parseOtpauthUri reads back to the same accounts (Steam included)', async () => {
      const text = await exportAccounts(EXAMPLE_ACCOUNTS, 'otpauth-list');
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.split('\n').slice(0, -1);
      expect(lines).toHaveLength(SHARED_ACCOUNTS.length);
      expect(lines.map(parseOtpauthUri)).toEqual(SHARED_ACCOUNTS);
      expect(lines[3]).toBe(
        'otpauth://steam/Steam:sekimori-test?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=Steam',
      );
      expect(text).not.toContain('example.co.jp/');
      expect(text).not.toContain('portal.example.co.jp'); // the sites an account is bound to are not exported
    });

    it('writes nothing for no accounts, and refuses an invalid account with OtpError', async () => {
      expect(await exportAccounts([], 'otpauth-list')).toBe('');
      await expect(
        exportAccounts([{ ...SHARED_ACCOUNTS[0]!, secret: '1' }], 'otpauth-list'),
      ).rejects.toBeInstanceOf(OtpError);
    });
  });

  describe("'google-migration'", () => {
    it('round-trips the shared accounts it can carry through parseMigrationUri', async () => {
      expect(GOOGLE_SUBSET.length).toBeGreaterThanOrEqual(2);
      const uris = await exportAccounts(GOOGLE_SUBSET, 'google-migration');
      expect(uris).toHaveLength(1);
      expect(parseMigrationUri(uris[0]!)).toMatchObject({ accounts: GOOGLE_SUBSET, skipped: 0 });
      const bound = EXAMPLE_ACCOUNTS.filter((account) => migrationProblem(account) === undefined);
      const parsed = (await exportAccounts(bound, 'google-migration')).flatMap(
        (uri) => parseMigrationUri(uri).accounts,
      );
      expect(parsed).toEqual(bound.map(withoutBinding));
    });

    it("refuses, rather than drops, accounts it cannot represent: FormatError 'unsupported-otp'", async () => {
      for (const account of SHARED_ACCOUNTS.filter((a) => migrationProblem(a) !== undefined)) {
        const error = await exportAccounts([...GOOGLE_SUBSET, account], 'google-migration').catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(FormatError);
        expect(error).toMatchObject({ code: 'unsupported-otp' });
        const message = (error as Error).message;
        for (const value of [account.secret, account.account, account.issuer])
          expect(message).not.toContain(value);
      }
      expect(SHARED_ACCOUNTS.map(migrationProblem)).toEqual([
        undefined,
        'period',
        undefined,
        'steam',
        'digits',
      ]);
    });

    it("refuses an empty list with 'empty-migration'", async () => {
      await expect(exportAccounts([], 'google-migration')).rejects.toMatchObject({ code: 'empty-migration' });
    });

    it('spreads 40 accounts over 4 QR codes (batch_size 4, batch_index 0-3, one batch id) that round-trip', async () => {
      const accounts: Account[] = Array.from({ length: 40 }, (_, index) => ({
        ...GOOGLE_SUBSET[index % GOOGLE_SUBSET.length]!,
        account: `利用者 ${index}`,
        secret: encodeBase32(Uint8Array.from({ length: 20 }, (_, byte) => (index * 31 + byte) & 0xff)),
      }));
      const uris = await exportAccounts(accounts, 'google-migration');
      expect(uris).toHaveLength(4);
      const parsed = uris.map(parseMigrationUri);
      expect(parsed.map((batch) => batch.batch.size)).toEqual([4, 4, 4, 4]);
      expect(parsed.map((batch) => batch.batch.index)).toEqual([0, 1, 2, 3]);
      expect(new Set(parsed.map((batch) => batch.batch.id)).size).toBe(1);
      expect(parsed.map((batch) => batch.accounts.length)).toEqual([10, 10, 10, 10]);
      expect(parsed.flatMap((batch) => batch.accounts)).toEqual(accounts);
    });
  });

  it('rejects an unknown format', async () => {
    await expect(exportAccounts(SHARED_ACCOUNTS, 'csv' as 'otpauth-list')).rejects.toThrow(RangeError);
  });
});
