/**
 * Properties of every reader: whatever the input, only FormatError is thrown and every account returned is valid;
 * what the test-support encoders write reads back as the same accounts; a bit flip never yields other accounts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../lib/formats/format-error';
import { parseCsv } from '../../../../lib/formats/import/csv';
import { detectImportFormat, readImport } from '../../../../lib/formats/import';
import type { Account } from '../../../../lib/otp/account';
import { validateAccount } from '../../../../lib/otp/validate-account';
import {
  aegisPlain,
  andOtpPlain,
  authenticatorJson,
  bitwardenCsv,
  bitwardenJson,
  csvField,
  otpauthList,
  twoFasPlain,
} from '../../../support/import-encoders';
import { aegisEncrypted, andOtpEncrypted, twoFasEncrypted } from '../../../support/import-encrypters';
import { anyText } from '../../otp/arbitraries';
import { junkEntries, junkEntry, validAccount } from './import-arbitraries';

/** Reads `input`; passes when it resolves with valid accounts or rejects with a FormatError. */
async function readsSafely(input: string | Uint8Array, password?: string): Promise<void> {
  try {
    detectImportFormat(input);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
  try {
    const read = await readImport(input, { password });
    expect(read.accounts.length).toBeGreaterThan(0);
    for (const account of read.accounts) expect(validateAccount(account)).toEqual(account);
    for (const skipped of read.skipped) expect([...skipped.label].length).toBeLessThanOrEqual(65);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
}

const accounts = fc.array(validAccount, { minLength: 1, maxLength: 6 });

describe('never anything but FormatError', () => {
  it('random text', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(300), (text) => readsSafely(text)),
      { numRuns: 500 },
    );
  });

  it('random bytes, with and without a password', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.option(fc.string()), (bytes, password) =>
        readsSafely(bytes, password ?? undefined),
      ),
      { numRuns: 300 },
    );
  });

  it('random text that starts like each format', async () => {
    const prefixes = [
      '{"version":1,"header":',
      '{"services":[',
      '[{"secret":',
      '{"items":[',
      'otpauth://',
      'otpauth-migration://offline?data=',
      'login_totp\n',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), anyText(100), (prefix, rest) =>
        readsSafely(prefix + rest),
      ),
      { numRuns: 500 },
    );
  });

  it('entry-shaped junk in every JSON format', async () => {
    const wrappers: ((entries: unknown[]) => string)[] = [
      (entries) =>
        JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries } }),
      (entries) => JSON.stringify({ schemaVersion: 4, services: entries }),
      (entries) => JSON.stringify(entries),
      (entries) => JSON.stringify({ encrypted: false, items: entries }),
      (entries) => JSON.stringify(Object.fromEntries(entries.map((entry, index) => [`h${index}`, entry]))),
    ];
    await fc.assert(
      fc.asyncProperty(fc.nat(wrappers.length - 1), junkEntries, (which, entries) =>
        readsSafely(wrappers[which]!(entries)),
      ),
      { numRuns: 1000 },
    );
  });

  it('junk at the top level of a recognised format', async () => {
    await fc.assert(
      fc.asyncProperty(junkEntry, fc.jsonValue({ maxDepth: 2 }), async (top, value) => {
        for (const key of [
          'db',
          'header',
          'services',
          'servicesEncrypted',
          'items',
          'schemaVersion',
          'version',
        ]) {
          await readsSafely(JSON.stringify({ ...top, [key]: value }), 'pw');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('CSV with random fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(anyText(20), { maxLength: 12 }), { maxLength: 5 }), (rows) =>
        readsSafely(
          ['name,login_username,login_totp', ...rows.map((row) => row.map(csvField).join(','))].join('\n'),
        ),
      ),
      { numRuns: 300 },
    );
  });
});

describe('round trips through the encoders', () => {
  const plain: [string, (list: readonly Account[]) => string][] = [
    ['otpauth-list', (list) => otpauthList(list)],
    ['aegis', (list) => aegisPlain(list)],
    ['2fas', (list) => twoFasPlain(list)],
    ['andotp', (list) => andOtpPlain(list)],
    ['bitwarden-json', (list) => bitwardenJson(list)],
    ['bitwarden-csv', (list) => bitwardenCsv(list, '\r\n')],
    ['authenticator-json', (list) => authenticatorJson(list)],
  ];
  for (const [format, encode] of plain) {
    it(`${format}: any valid accounts read back unchanged`, async () => {
      await fc.assert(
        fc.asyncProperty(accounts, async (list) => {
          const read = await readImport(encode(list));
          expect(read).toEqual({ format, accounts: list, skipped: [] });
        }),
        { numRuns: 150 },
      );
    });
  }

  it('encrypted Aegis, 2FAS and andOTP: the right password reads back, any other is wrong-password', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, fc.string({ minLength: 1, maxLength: 12 }), async (list, password) => {
        for (const backup of [
          await aegisEncrypted(list, password),
          await twoFasEncrypted(list, password),
          await andOtpEncrypted(list, password, 100),
        ]) {
          expect((await readImport(backup, { password })).accounts).toEqual(list);
          await expect(readImport(backup, { password: `${password}!` })).rejects.toMatchObject({
            code: 'wrong-password',
          });
        }
      }),
      { numRuns: 15 },
    );
  });

  it('CSV fields written per RFC 4180 parse back exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyText(15), { minLength: 2, maxLength: 6 }), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, eol) => {
          const text = rows.map((row) => row.map(csvField).join(',')).join(eol);
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('bit flips', () => {
  it('anywhere in an encrypted Aegis vault: a FormatError, or exactly the same accounts', async () => {
    const list = fc.sample(accounts, 1)[0]!;
    const vault = new TextEncoder().encode(await aegisEncrypted(list, 'pw'));
    await fc.assert(
      fc.asyncProperty(fc.nat(vault.length - 1), fc.nat(7), async (index, bit) => {
        const flipped = vault.slice();
        flipped[index] = flipped[index]! ^ (1 << bit);
        try {
          expect((await readImport(flipped, { password: 'pw' })).accounts).toEqual(list);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
          // unsupported-version: a flipped version digit reads as a newer version.
          expect(['wrong-password', 'corrupt-backup', 'unsupported-version']).toContain(error.code);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('anywhere past the header of an andOTP backup: wrong-password', async () => {
    const bytes = await andOtpEncrypted(fc.sample(accounts, 1)[0]!, 'pw', 100);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: bytes.length - 1 }), fc.nat(7), async (index, bit) => {
        const flipped = bytes.slice();
        flipped[index] = flipped[index]! ^ (1 << bit);
        await expect(readImport(flipped, { password: 'pw' })).rejects.toMatchObject({
          code: 'wrong-password',
        });
      }),
      { numRuns: 200 },
    );
  });
});
