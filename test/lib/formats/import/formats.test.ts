/**
 * Every format, written by the test-support encoders from the documented layouts, carries the shared test accounts
 * (Japanese names, SHA256 / 8 digits / 60 s, HOTP with a counter, Steam) wherever the format can represent them.
 */
import { describe, expect, it } from 'vitest';
import { formatMigrationUris, migrationProblem } from '../../../../lib/formats/google-migration';
import {
  detectImportFormat,
  readImport,
  type ImportFormat,
  type ImportRead,
} from '../../../../lib/formats/import';
import type { Account } from '../../../../lib/otp/account';
import { formatOtpauthUri } from '../../../../lib/otp/format-otpauth-uri';
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
import { migrationFixture } from '../../../support/migration-fixtures';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const PASSWORD = 'パスワード correct horse';
const NOT_STEAM = SHARED_ACCOUNTS.filter((account) => account.type !== 'steam');
const GOOGLE = SHARED_ACCOUNTS.filter((account) => migrationProblem(account) === undefined);

async function expectRead(
  input: string | Uint8Array,
  format: ImportFormat,
  accounts: readonly Account[],
  password?: string,
): Promise<ImportRead> {
  expect(detectImportFormat(input)).toEqual({ format, needsPassword: password !== undefined });
  const read = await readImport(input, { password });
  expect(read).toEqual({ format, accounts, skipped: [] });
  return read;
}

describe('otpauth lists', () => {
  it('one URI per line, LF or CRLF, with BOM, blank lines and surrounding spaces', async () => {
    await expectRead(otpauthList(SHARED_ACCOUNTS), 'otpauth-list', SHARED_ACCOUNTS);
    await expectRead(otpauthList(SHARED_ACCOUNTS, '\r\n'), 'otpauth-list', SHARED_ACCOUNTS);
    const messy = `\uFEFF\n\n  ${SHARED_ACCOUNTS.map((a) => formatOtpauthUri(a)).join('  \r\n\r\n\t')}\n\n`;
    await expectRead(messy, 'otpauth-list', SHARED_ACCOUNTS);
    await expectRead(new TextEncoder().encode(messy), 'otpauth-list', SHARED_ACCOUNTS);
  });

  it("tolerates unknown parameters such as Ente Auth's codeDisplay", async () => {
    const codeDisplay = encodeURIComponent(
      '{"pinned":false,"trashed":false,"lastUsedAt":0,"tapCount":0,"tags":[]}',
    );
    const ente = SHARED_ACCOUNTS.map((a) => `${formatOtpauthUri(a)}&codeDisplay=${codeDisplay}`).join('\n');
    await expectRead(ente, 'otpauth-list', SHARED_ACCOUNTS);
  });

  it('the "Authenticator" extension text backup (CRLF, its parameter order) reads as authenticator-text', async () => {
    await expectRead(authenticatorText(SHARED_ACCOUNTS), 'authenticator-text', NOT_STEAM);
  });
});

describe('Google Authenticator transfer text', () => {
  it('several batches of one export are merged in order', async () => {
    const lines = formatMigrationUris(GOOGLE, { perBatch: 1 });
    expect(lines.length).toBe(GOOGLE.length);
    await expectRead(lines.join('\n'), 'google-migration', GOOGLE);
  });

  it('mixed with otpauth lines, in the order given', async () => {
    const steam = SHARED_ACCOUNTS.find((a) => a.type === 'steam')!;
    const text = [formatOtpauthUri(steam), ...formatMigrationUris(GOOGLE, { perBatch: 2 })].join('\r\n');
    await expectRead(text, 'google-migration', [steam, ...GOOGLE]);
  });

  it('the real example_export.txt: its five QR codes; its # comment lines are not entries', async () => {
    const read = await readImport(migrationFixture('example_export.txt'));
    expect(read.format).toBe('google-migration');
    const expected = JSON.parse(migrationFixture('example_output.json')) as {
      name: string;
      secret: string;
    }[];
    expect(read.accounts.map((a) => [a.account, a.secret])).toEqual(expected.map((e) => [e.name, e.secret]));
    expect(read.skipped).toEqual([]);
  });
});

describe('Aegis', () => {
  it('plain', async () => {
    await expectRead(aegisPlain(SHARED_ACCOUNTS), 'aegis', SHARED_ACCOUNTS);
  });

  it('encrypted (scrypt N = 2^10, the floor)', async () => {
    await expectRead(
      await aegisEncrypted(SHARED_ACCOUNTS, PASSWORD),
      'aegis-encrypted',
      SHARED_ACCOUNTS,
      PASSWORD,
    );
  });

  it('other slot types are passed over; each password slot is tried', async () => {
    const biometric = {
      type: 2,
      uuid: 'x',
      key: '00'.repeat(32),
      key_params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
    };
    const vault = await aegisEncrypted(SHARED_ACCOUNTS, PASSWORD, { extraSlots: [biometric] });
    await expectRead(vault, 'aegis-encrypted', SHARED_ACCOUNTS, PASSWORD);
    // A second password slot (another password) in front: the right one is still found.
    const other = JSON.parse(await aegisEncrypted(SHARED_ACCOUNTS, 'other')) as {
      header: { slots: object[] };
    };
    const parsed = JSON.parse(vault) as { header: { slots: object[] } };
    parsed.header.slots.unshift(other.header.slots[0]!);
    await expectRead(JSON.stringify(parsed), 'aegis-encrypted', SHARED_ACCOUNTS, PASSWORD);
  });
});

describe('2FAS', () => {
  it('plain schema 4', async () => {
    await expectRead(twoFasPlain(SHARED_ACCOUNTS), '2fas', SHARED_ACCOUNTS);
  });

  for (const schemaVersion of [2, 3, 4]) {
    it(`encrypted schema ${schemaVersion}`, async () => {
      const backup = await twoFasEncrypted(SHARED_ACCOUNTS, PASSWORD, { schemaVersion });
      await expectRead(backup, '2fas-encrypted', SHARED_ACCOUNTS, PASSWORD);
    });
  }

  it('encrypted without a reference field: a wrong password is still wrong-password', async () => {
    const backup = await twoFasEncrypted(SHARED_ACCOUNTS, PASSWORD, { withoutReference: true });
    await expectRead(backup, '2fas-encrypted', SHARED_ACCOUNTS, PASSWORD);
    await expect(readImport(backup, { password: 'nope' })).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it('schema 2–3 labels (`issuer:account`, no account field) give the account', async () => {
    const services = SHARED_ACCOUNTS.map((a) => ({
      name: a.issuer,
      secret: a.secret,
      otp: {
        label: `${a.issuer}:${a.account}`,
        issuer: a.issuer,
        digits: a.digits,
        period: a.period,
        counter: a.counter,
        algorithm: a.algorithm,
        tokenType: a.type.toUpperCase(),
      },
    }));
    await expectRead(twoFasPlain([], services), '2fas', SHARED_ACCOUNTS);
  });
});

describe('andOTP', () => {
  it('plain', async () => {
    await expectRead(andOtpPlain(SHARED_ACCOUNTS), 'andotp', SHARED_ACCOUNTS);
  });

  it('encrypted (PBKDF2-SHA1, iterations in the header)', async () => {
    await expectRead(
      await andOtpEncrypted(SHARED_ACCOUNTS, PASSWORD),
      'andotp-encrypted',
      SHARED_ACCOUNTS,
      PASSWORD,
    );
  });

  it('old encrypted layout (SHA-256 key, no header)', async () => {
    const old = await andOtpEncryptedOld(SHARED_ACCOUNTS, PASSWORD, new Uint8Array(12).fill(0xc3));
    await expectRead(old, 'andotp-encrypted-old', SHARED_ACCOUNTS, PASSWORD);
  });

  it('an old file whose IV looks like an iteration count is read through the fallback', async () => {
    const iv = Uint8Array.from([0, 0, 0x10, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const old = await andOtpEncryptedOld(SHARED_ACCOUNTS, PASSWORD, iv);
    expect(detectImportFormat(old).format).toBe('andotp-encrypted');
    expect((await readImport(old, { password: PASSWORD })).accounts).toEqual(SHARED_ACCOUNTS);
    await expect(readImport(old, { password: 'nope' })).rejects.toMatchObject({ code: 'wrong-password' });
  });
});

describe('Bitwarden', () => {
  it('JSON: otpauth URIs and steam:// (item name and username as issuer and account)', async () => {
    await expectRead(bitwardenJson(SHARED_ACCOUNTS), 'bitwarden-json', SHARED_ACCOUNTS);
  });

  it('JSON: a bare Base32 secret is TOTP/SHA1/6/30; items without TOTP are not entries', async () => {
    const items = [
      { type: 1, name: 'Bare', login: { username: 'me', totp: 'jbsw y3dp ehpk 3pxp' } },
      { type: 1, name: 'No TOTP', login: { username: 'me', totp: null } },
      { type: 2, name: 'A note', secureNote: { type: 0 } },
      {
        type: 1,
        name: 'URI without label',
        login: { username: 'you', totp: 'otpauth://totp/?secret=JBSWY3DPEHPK3PXP' },
      },
    ];
    const base = {
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    } as const;
    await expectRead(bitwardenJson([], items), 'bitwarden-json', [
      { type: 'totp', issuer: 'Bare', account: 'me', ...base },
      { type: 'totp', issuer: 'URI without label', account: 'you', ...base },
    ]);
  });

  it('CSV with quoted commas, quotes and line breaks, LF or CRLF', async () => {
    await expectRead(bitwardenCsv(SHARED_ACCOUNTS), 'bitwarden-csv', SHARED_ACCOUNTS);
    await expectRead(bitwardenCsv(SHARED_ACCOUNTS, '\r\n'), 'bitwarden-csv', SHARED_ACCOUNTS);
    await expectRead(`\uFEFF${bitwardenCsv(SHARED_ACCOUNTS)}`, 'bitwarden-csv', SHARED_ACCOUNTS);
  });
});

describe('the "Authenticator" extension', () => {
  it('JSON keyed by hash, defaults omitted', async () => {
    await expectRead(authenticatorJson(SHARED_ACCOUNTS), 'authenticator-json', SHARED_ACCOUNTS);
  });

  it('JSON: numeric algorithms, stm- secrets and the index order', async () => {
    const json = JSON.stringify({
      b: { index: 1, type: 'totp', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Second', algorithm: 2, digits: 8 },
      a: {
        index: 0,
        type: 'totp',
        secret: 'stm-HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
        issuer: 'Steam',
        account: 'me',
      },
      UserSettings: { theme: 'dark' },
    });
    const read = await readImport(json);
    expect(read.format).toBe('authenticator-json');
    expect(read.accounts.map((a) => [a.issuer, a.type, a.algorithm, a.digits])).toEqual([
      ['Steam', 'steam', 'SHA1', 5],
      ['Second', 'totp', 'SHA256', 8],
    ]);
  });
});
