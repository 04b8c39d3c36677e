import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBackupError, openBackup, sealBackup, type BackupAccount } from '../../../lib/backup';
import { toBackupAccount } from '../../../lib/backup/backup-account';
import { decodeBackupPayload, encodeBackupPayload } from '../../../lib/backup/backup-payload';
import { encodeBase32 } from '../../../lib/otp/base32';
import { anyText } from '../otp/arbitraries';
import { EXAMPLE_ACCOUNTS } from '../../fixtures/backup/example-accounts';
import { TEST_ITERATIONS, TEST_PASSWORD } from './backup-test-helpers';

const host = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\.[a-z0-9]{1,10}){0,3}$/);
/** Web origins as `URL.origin` writes them (hosts the URL parser refuses, e.g. bad IPv4 or punycode, dropped). */
const origin = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    host,
    fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
  )
  .map(([scheme, name, port]) => {
    try {
      return new URL(`${scheme}://${name}${port === undefined ? '' : `:${port}`}`).origin;
    } catch {
      return null;
    }
  })
  .filter((value): value is string => value !== null);

/** Any account sealBackup accepts, in canonical form (drafts validateAccount refuses are dropped). */
const backupAccount: fc.Arbitrary<BackupAccount> = fc
  .record(
    {
      type: fc.constantFrom('totp', 'hotp', 'steam'),
      issuer: fc.oneof(anyText(20), fc.string({ unit: 'grapheme', maxLength: 20 })),
      account: fc.oneof(anyText(20), fc.string({ unit: 'grapheme', maxLength: 20 })),
      secret: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(encodeBase32),
      algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
      digits: fc.integer({ min: 6, max: 8 }),
      period: fc.integer({ min: 1, max: 3600 }),
      counter: fc.maxSafeNat(),
      origins: fc.uniqueArray(origin, { maxLength: 4 }),
      createdAt: fc.maxSafeNat(),
    },
    { requiredKeys: ['type', 'issuer', 'account', 'secret', 'algorithm', 'digits', 'period', 'counter'] },
  )
  .map((draft) => toBackupAccount(draft, false))
  .filter((account): account is BackupAccount => account !== null);

describe('seal → open is the identity', () => {
  it('for arbitrary account lists, through the payload (many runs, no KDF)', () => {
    fc.assert(
      fc.property(fc.array(backupAccount, { maxLength: 20 }), (accounts) => {
        const bytes = encodeBackupPayload(accounts);
        expect(decodeBackupPayload(bytes, accounts.length)).toEqual(accounts);
      }),
      { numRuns: 300 },
    );
  });

  it('for arbitrary account lists, through sealBackup and openBackup (the real KDF)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(backupAccount, { maxLength: 8 }), async (accounts) => {
        const text = await sealBackup(accounts, TEST_PASSWORD, { iterations: TEST_ITERATIONS, now: 1 });
        expect(await openBackup(text, TEST_PASSWORD)).toEqual({ accounts, createdAt: 1 });
      }),
      { numRuns: 8 },
    );
  });
});

describe('openBackup never throws anything but BackupError', () => {
  let text: string;
  beforeAll(async () => {
    text = await sealBackup(EXAMPLE_ACCOUNTS, TEST_PASSWORD, { iterations: TEST_ITERATIONS });
  });

  /** Rejects with a BackupError, or opens to exactly the original accounts. */
  async function check(input: string): Promise<void> {
    try {
      expect((await openBackup(input, TEST_PASSWORD)).accounts).toEqual(EXAMPLE_ACCOUNTS);
    } catch (error) {
      if (!isBackupError(error)) throw error;
    }
  }

  it('on arbitrary strings', async () => {
    await fc.assert(fc.asyncProperty(anyText(200), check), { numRuns: 500 });
  });

  it('on arbitrary JSON, also dressed up as a backup', async () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const dressed = fc.dictionary(
      fc.constantFrom(
        'version',
        'createdAt',
        'accountCount',
        'kdf',
        'cipher',
        'ciphertext',
        'checksum',
        '__proto__',
      ),
      value,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          value,
          dressed.map((rest) => ({ format: 'sekimori-backup', ...rest })),
        ),
        (json) => check(JSON.stringify(json)),
      ),
      { numRuns: 500 },
    );
  });

  it('on a real backup with random edits (deletions, insertions, replacements)', async () => {
    const edit = fc.record({
      at: fc.nat({ max: 4000 }),
      remove: fc.nat({ max: 40 }),
      insert: fc.oneof(
        anyText(8),
        fc.constantFrom('"', '{', '}', ',', ':', '\\', '0', '1', 'e9', '-', ' ', 'null'),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let input = text;
        for (const { at, remove, insert } of edits) {
          const position = at % (input.length + 1);
          input = input.slice(0, position) + insert + input.slice(position + remove);
        }
        fc.pre(input !== text);
        await check(input);
      }),
      { numRuns: 500 },
    );
  });
});
