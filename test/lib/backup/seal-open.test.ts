import { beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_MAX_ITERATIONS,
  MAX_BACKUP_ACCOUNTS,
  isSekimoriBackup,
  openBackup,
  readBackupSummary,
  sealBackup,
  type BackupAccount,
} from '../../../lib/backup';
import { MAX_BACKUP_ORIGINS } from '../../../lib/backup/backup-constants';
import { MAX_ORIGINS } from '../../../lib/keeper/validate-message';
import type { StoredAccount } from '../../../lib/keeper/accounts/stored-account';
import { EXAMPLE_ACCOUNTS } from '../../fixtures/backup/example-accounts';
import { SHARED_ACCOUNTS } from '../../support/shared-accounts';
import { rejectionCode, TEST_ITERATIONS, TEST_PASSWORD, type JsonObject } from './backup-test-helpers';

const NOW = 1_767_312_000_000;
const seal = (accounts: readonly BackupAccount[], password = TEST_PASSWORD) =>
  sealBackup(accounts, password, { iterations: TEST_ITERATIONS, now: NOW });
const first = SHARED_ACCOUNTS[0]!;

let text: string;

beforeAll(async () => {
  text = await seal(EXAMPLE_ACCOUNTS);
});

describe('sealBackup → openBackup', () => {
  it('gives back the shared accounts, with their origins and creation times, and the backup time', async () => {
    const opened = await openBackup(text, TEST_PASSWORD);
    expect(opened.accounts).toEqual(EXAMPLE_ACCOUNTS);
    expect(opened.createdAt).toBe(NOW);
    expect(await openBackup(await seal(SHARED_ACCOUNTS), TEST_PASSWORD)).toEqual({
      accounts: SHARED_ACCOUNTS,
      createdAt: NOW,
    });
  });

  it('writes a self-describing header with nothing secret and no names outside the ciphertext', () => {
    const file = JSON.parse(text) as JsonObject;
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'createdAt',
      'accountCount',
      'kdf',
      'cipher',
      'ciphertext',
      'checksum',
    ]);
    expect(file).toMatchObject({
      format: 'sekimori-backup',
      version: 1,
      createdAt: NOW,
      accountCount: EXAMPLE_ACCOUNTS.length,
      kdf: { name: 'pbkdf2-sha256', iterations: TEST_ITERATIONS },
      cipher: { name: 'aes-256-gcm' },
    });
    expect(text).toMatch(/^[\x20-\x7e\n]*$/); // pure ASCII: every name is inside the ciphertext
    for (const account of EXAMPLE_ACCOUNTS) {
      for (const value of [account.secret, account.account, account.issuer, ...(account.origins ?? [])]) {
        expect(text).not.toContain(value);
      }
    }
    expect(isSekimoriBackup(text)).toBe(true);
  });

  it('uses a fresh salt and nonce for every backup', async () => {
    const again = JSON.parse(await seal(EXAMPLE_ACCOUNTS)) as Record<string, JsonObject>;
    const once = JSON.parse(text) as Record<string, JsonObject>;
    expect(again.kdf!.salt).not.toBe(once.kdf!.salt);
    expect(again.cipher!.nonce).not.toBe(once.cipher!.nonce);
  });

  it('writes the default 800 000 iterations and Date.now() when not told otherwise', async () => {
    const before = Date.now();
    const summary = await readBackupSummary(await sealBackup([first], TEST_PASSWORD));
    expect(summary.iterations).toBe(800_000);
    expect(summary.createdAt).toBeGreaterThanOrEqual(before);
    expect(summary.createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('reads the summary without the password', async () => {
    expect(await readBackupSummary(text)).toEqual({
      version: 1,
      createdAt: NOW,
      accountCount: EXAMPLE_ACCOUNTS.length,
      iterations: TEST_ITERATIONS,
    });
  });

  it('writes only the backup members of a stored account (no id, no deletedAt) and canonical values', async () => {
    const stored: StoredAccount = {
      ...first,
      secret: 'abcd efgh ijkl 2345',
      id: 'acc-1',
      origins: ['https://portal.example.co.jp'],
      createdAt: 5,
      deletedAt: 6,
    };
    const opened = await openBackup(await seal([stored]), TEST_PASSWORD);
    expect(opened.accounts).toEqual([{ ...first, origins: ['https://portal.example.co.jp'], createdAt: 5 }]);
  });

  it('round-trips an empty list and duplicates as they are', async () => {
    expect((await openBackup(await seal([]), TEST_PASSWORD)).accounts).toEqual([]);
    expect((await openBackup(await seal([first, first]), TEST_PASSWORD)).accounts).toEqual([first, first]);
  });
});

describe('the new password', () => {
  it.each([
    ['', 'password-required'],
    ['1234567', 'password-too-short'],
    ['セキモリ秘密鍵ア', undefined],
    ['パスワード12', 'password-too-short'], // 7 code points once composed (NFC), though 9 in NFD
    ['12345678', undefined],
  ])('%j → %s', async (password, code) => {
    const sealing = sealBackup([first], password.normalize('NFD'), { iterations: TEST_ITERATIONS });
    if (code === undefined) expect(await openBackup(await sealing, password)).toBeDefined();
    else expect(await rejectionCode(sealing)).toBe(code);
  });

  it('is required as a string', async () => {
    expect(await rejectionCode(sealBackup([first], undefined as unknown as string))).toBe(
      'password-required',
    );
  });
});

describe('parameters and accounts refused when sealing', () => {
  it('never goes below the iteration floor, nor above the ceiling', async () => {
    expect(await rejectionCode(sealBackup([first], TEST_PASSWORD, { iterations: 599_999 }))).toBe(
      'weak-backup-parameters',
    );
    await expect(
      sealBackup([first], TEST_PASSWORD, { iterations: BACKUP_MAX_ITERATIONS + 1 }),
    ).rejects.toThrow(RangeError);
    await expect(sealBackup([first], TEST_PASSWORD, { iterations: 600_000.5 })).rejects.toThrow(RangeError);
    await expect(sealBackup([first], TEST_PASSWORD, { now: -1 })).rejects.toThrow(RangeError);
  });

  it.each<[string, unknown]>([
    ['a bad secret', { ...first, secret: '1' }],
    ['an upper-case origin', { ...first, origins: ['https://Portal.example.co.jp'] }],
    ['an origin with a path', { ...first, origins: ['https://example.jp/login'] }],
    ['an ftp origin', { ...first, origins: ['ftp://example.jp'] }],
    ['a default port', { ...first, origins: ['https://example.jp:443'] }],
    ['a duplicate origin', { ...first, origins: ['https://example.jp', 'https://example.jp'] }],
    [
      'too many origins',
      { ...first, origins: Array.from({ length: 33 }, (_, i) => `https://s${i}.example.jp`) },
    ],
    ['origins not a list', { ...first, origins: 'https://example.jp' }],
    ['a negative createdAt', { ...first, createdAt: -1 }],
    ['a fractional createdAt', { ...first, createdAt: 1.5 }],
    ['not an object', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'],
  ])("refuses %s with 'invalid-account'", async (_name, account) => {
    expect(await rejectionCode(seal([account as BackupAccount]))).toBe('invalid-account');
  });

  it("refuses more than MAX_BACKUP_ACCOUNTS accounts with 'too-large'", async () => {
    const many = Array.from({ length: MAX_BACKUP_ACCOUNTS + 1 }, () => first);
    expect(await rejectionCode(seal(many))).toBe('too-large');
  });

  it('allows as many origins per account as the keeper does', () => {
    expect(MAX_BACKUP_ORIGINS).toBe(MAX_ORIGINS);
  });
});

describe('isSekimoriBackup (sniff)', () => {
  it.each<[unknown, boolean]>([
    ['{"format":"sekimori-backup"', true],
    ['\uFEFF\n {\n\t"format" : "sekimori-backup", "version": 99}', true],
    ['{"version":1,"format":"sekimori-backup"}', false],
    ['{"format":"sekimori-vault"}', false],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', false],
    ['', false],
    [null, false],
    [42, false],
  ])('%j → %s', (input, expected) => {
    expect(isSekimoriBackup(input)).toBe(expected);
  });
});
