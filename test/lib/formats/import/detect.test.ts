/** detectImportFormat: the format and whether a password is needed, from the content alone, without decrypting. */
import { describe, expect, it } from 'vitest';
import { detectImportFormat, type ImportFormat } from '../../../../lib/formats/import';
import {
  aegisPlain,
  andOtpPlain,
  authenticatorJson,
  authenticatorText,
  bitwardenCsv,
  bitwardenJson,
  otpauthList,
  twoFasPlain,
} from '../../../support/import-encoders';
import {
  aegisEncrypted,
  andOtpEncrypted,
  andOtpEncryptedOld,
  twoFasEncrypted,
} from '../../../support/import-encrypters';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';
import { formatMigrationUris, migrationProblem } from '../../../../lib/formats/google-migration';

describe('detectImportFormat', () => {
  it('names every format, and asks for a password only for encrypted ones', async () => {
    const google = SHARED_ACCOUNTS.filter((a) => migrationProblem(a) === undefined);
    const cases: [string | Uint8Array, ImportFormat, boolean][] = [
      [otpauthList(SHARED_ACCOUNTS), 'otpauth-list', false],
      [formatMigrationUris(google).join('\n'), 'google-migration', false],
      [aegisPlain(SHARED_ACCOUNTS), 'aegis', false],
      [await aegisEncrypted(SHARED_ACCOUNTS, 'pw'), 'aegis-encrypted', true],
      [twoFasPlain(SHARED_ACCOUNTS), '2fas', false],
      [await twoFasEncrypted(SHARED_ACCOUNTS, 'pw'), '2fas-encrypted', true],
      [andOtpPlain(SHARED_ACCOUNTS), 'andotp', false],
      [await andOtpEncrypted(SHARED_ACCOUNTS, 'pw', 150_000), 'andotp-encrypted', true],
      [
        await andOtpEncryptedOld(SHARED_ACCOUNTS, 'pw', new Uint8Array(12).fill(0xaa)),
        'andotp-encrypted-old',
        true,
      ],
      [bitwardenJson(SHARED_ACCOUNTS), 'bitwarden-json', false],
      [bitwardenCsv(SHARED_ACCOUNTS), 'bitwarden-csv', false],
      [authenticatorJson(SHARED_ACCOUNTS), 'authenticator-json', false],
      [authenticatorText(SHARED_ACCOUNTS), 'authenticator-text', false],
    ];
    for (const [input, format, needsPassword] of cases) {
      expect(detectImportFormat(input), format).toEqual({ format, needsPassword });
    }
  });

  it('is cheap: a 150 000-iteration andOTP file is recognised without running its KDF', async () => {
    const bytes = await andOtpEncrypted(SHARED_ACCOUNTS, 'pw', 150_000);
    const start = performance.now();
    for (let i = 0; i < 100; i++) detectImportFormat(bytes);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('an otpauth list with a trailing line break is not taken for the extension text backup', () => {
    expect(detectImportFormat(`${authenticatorText(SHARED_ACCOUNTS)}\r\n`).format).toBe('otpauth-list');
  });
});
