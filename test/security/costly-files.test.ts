/**
 * Issue #6 hardening, point 5: costly hostile files. One file may ask for at most KDF_BUDGET of key-derivation work
 * with one password, summed over everything it would derive (lib/kdf-budget.ts: ~4.8 s on the 2-core development
 * machine), so a wrong password never keeps the background busy for the popup's whole 30 s answer timeout. A file
 * asking for more is refused with `kdf-too-costly` before any derivation, and before a password is asked for.
 *
 * Every scrypt run (@noble/hashes, wrapped here) and every WebCrypto PBKDF2 derivation is recorded with its cost,
 * so "nothing was derived" is observed, not inferred from the time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Scrypt from '@noble/hashes/scrypt.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_MAX_ITERATIONS } from '@/lib/backup/backup-constants';
import { detectImportFormat, readImport } from '@/lib/formats/import';
import {
  ANDOTP_MAX_ITERATIONS,
  MAX_PASSWORD_SLOTS,
  SCRYPT_MAX_WORK,
  TWOFAS_ITERATIONS,
} from '@/lib/formats/import/import-limits';
import { readAnyImport } from '@/lib/formats/import-any';
import { KDF_BUDGET, kdfWork, type KdfRun } from '@/lib/kdf-budget';
import { EXAMPLE_PASSWORD } from '../fixtures/backup/example-accounts';
import { aegisWithSlots, type ScryptCost } from '../support/costly-files';
import { andOtpEncrypted } from '../support/import-encrypters';
import { MemoryStore } from '../support/memory-store';
import { OTHER_APP_PASSWORD, otherAppFixture } from '../support/other-app-fixtures';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import { background, type Background } from './support/background';
import { remoteCode } from './support/remote-code';

const derived = vi.hoisted(() => [] as KdfRun[]);

vi.mock('@noble/hashes/scrypt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Scrypt>();
  return {
    ...actual,
    scryptAsync: (...args: Parameters<typeof actual.scryptAsync>) => {
      const { N, r, p } = args[2];
      derived.push({ kind: 'scrypt', n: N, r, p });
      return actual.scryptAsync(...args);
    },
  };
});

beforeEach(() => {
  const subtle = globalThis.crypto.subtle;
  const deriveBits = subtle.deriveBits.bind(subtle);
  const deriveKey = subtle.deriveKey.bind(subtle);
  const record = (algorithm: unknown) => {
    const a = algorithm as { name?: string; hash?: string; iterations?: number };
    if (a.name === 'PBKDF2')
      derived.push({
        kind: 'pbkdf2',
        hash: a.hash === 'SHA-1' ? 'SHA-1' : 'SHA-256',
        iterations: a.iterations!,
      });
  };
  vi.spyOn(subtle, 'deriveBits').mockImplementation((algorithm, ...rest) => {
    record(algorithm);
    return deriveBits(algorithm, ...rest);
  });
  vi.spyOn(subtle, 'deriveKey').mockImplementation((algorithm, ...rest) => {
    record(algorithm);
    return deriveKey(algorithm, ...rest);
  });
  derived.length = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

const WRONG = 'not the password';
/** The most one slot may ask for (import-limits), in its two slowest shapes: r = 8, and r = 1 (~1 µs per N·r·p). */
const CEILING: ScryptCost = { n: 2 ** 18, r: 8, p: 2 };
const CEILING_R1: ScryptCost = { n: 2 ** 20, r: 1, p: 4 };
const work = (costs: readonly ScryptCost[]) => kdfWork(costs.map((c) => ({ kind: 'scrypt', ...c })));

let bg: Background;
let local: MemoryStore;
let session: MemoryStore;

beforeAll(async () => {
  local = new MemoryStore();
  session = new MemoryStore();
  bg = background({ local, session });
  await bg.client.call('vault.create', { password: 'costly files campaign' });
});

/** The FormatError/BackupError code of an async call; fails when it succeeds. */
async function codeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('the file opened');
}

/** `import.read` through the real background: its code, and the vault and pending import untouched. */
async function importCode(text: string, password?: string): Promise<string> {
  const before = JSON.stringify([...local.data, ...session.data]);
  const code = await remoteCode(
    bg.client.call('import.read', { data: text, encoding: 'text', ...(password ? { password } : {}) }),
  );
  expect(JSON.stringify([...local.data, ...session.data])).toBe(before);
  return code;
}

describe('costly hostile files', () => {
  it.each<[string, ScryptCost[]]>([
    ['8 password slots at the scrypt ceiling', Array<ScryptCost>(MAX_PASSWORD_SLOTS).fill(CEILING)],
    ['8 password slots at the ceiling with r = 1', Array<ScryptCost>(MAX_PASSWORD_SLOTS).fill(CEILING_R1)],
    ['two slots at the ceiling', [CEILING, CEILING]],
    ['one slot at the ceiling and one of N·r·p = 2^20', [CEILING_R1, { n: 2 ** 17, r: 8, p: 1 }]],
  ])(
    'an Aegis file with %s: `kdf-too-costly` in well under a second, before any derivation or password',
    async (_what, costs) => {
      for (const cost of costs) expect(cost.n * cost.r * cost.p).toBeLessThanOrEqual(SCRYPT_MAX_WORK);
      expect(work(costs)).toBeGreaterThan(KDF_BUDGET);
      const file = aegisWithSlots(costs);
      const started = performance.now();
      expect(() => detectImportFormat(file)).toThrow(expect.objectContaining({ code: 'kdf-too-costly' }));
      expect(await codeOf(() => readImport(file, { password: WRONG }))).toBe('kdf-too-costly');
      expect(await codeOf(() => readAnyImport(file, { password: WRONG }))).toBe('kdf-too-costly');
      // Through the background: said at once, not after asking for the file's password; nothing kept.
      expect(await importCode(file)).toBe('kdf-too-costly');
      expect(await importCode(file, WRONG)).toBe('kdf-too-costly');
      expect(performance.now() - started).toBeLessThan(500);
      expect(derived).toEqual([]);
    },
  );

  it('the costliest Aegis file still accepted: a wrong password costs at most ~5 s, each slot derived once', async () => {
    // One slot at the ceiling in its slowest shape, and more slots up to the budget (99.7 % of it).
    const costs: ScryptCost[] = [CEILING_R1, { n: 2 ** 19, r: 1, p: 1 }, { n: 2 ** 16, r: 1, p: 1 }];
    expect(work(costs)).toBeLessThanOrEqual(KDF_BUDGET);
    expect(work(costs)).toBeGreaterThan(0.99 * KDF_BUDGET);
    const file = aegisWithSlots(costs);
    const started = performance.now();
    expect(await codeOf(() => readImport(file, { password: WRONG }))).toBe('wrong-password');
    const seconds = (performance.now() - started) / 1000;
    console.info(`costliest accepted Aegis file, wrong password: ${seconds.toFixed(2)} s`);
    // 4.1–4.5 s on the idle 2-core machine, 5.4–5.8 s while the whole unit suite runs beside it. The budget asserted
    // above keeps it there; this bound (twice the budget's 4.8 s, a third of the 30 s answer timeout) catches a
    // weight or a unit gone wrong without failing on a loaded machine.
    expect(seconds).toBeLessThan(10);
    expect(derived).toEqual(costs.map((c) => ({ kind: 'scrypt', ...c })));
  }, 30_000);

  it('andOTP, 2FAS and Sekimori backups cannot ask for more: their ceilings fit the budget', async () => {
    expect(
      kdfWork([{ kind: 'pbkdf2', hash: 'SHA-1', iterations: ANDOTP_MAX_ITERATIONS }]),
    ).toBeLessThanOrEqual(KDF_BUDGET);
    expect(kdfWork([{ kind: 'pbkdf2', hash: 'SHA-256', iterations: TWOFAS_ITERATIONS }])).toBeLessThanOrEqual(
      KDF_BUDGET,
    );
    expect(
      kdfWork([{ kind: 'pbkdf2', hash: 'SHA-256', iterations: BACKUP_MAX_ITERATIONS }]),
    ).toBeLessThanOrEqual(KDF_BUDGET);
    // An andOTP header claiming 2^32 − 1 iterations is never run: read as the old layout (one SHA-256).
    const file = await andOtpEncrypted(SHARED_ACCOUNTS.slice(0, 2), 'the andOTP password');
    new DataView(file.buffer).setUint32(0, 2 ** 32 - 1, false);
    derived.length = 0;
    const started = performance.now();
    expect(await codeOf(() => readImport(file, { password: 'the andOTP password' }))).toBe('wrong-password');
    expect(performance.now() - started).toBeLessThan(500);
    expect(derived).toEqual([]);
  });

  it('every real encrypted file still opens, each within the budget', async () => {
    const files: [string, Uint8Array | string, string][] = [
      ['aegis_encrypted.json', otherAppFixture('aegis_encrypted.json'), OTHER_APP_PASSWORD],
      [
        '2fas_authenticator_encrypted.2fas',
        otherAppFixture('2fas_authenticator_encrypted.2fas'),
        OTHER_APP_PASSWORD,
      ],
      [
        '2fas_authenticator_encrypted_v3.2fas',
        otherAppFixture('2fas_authenticator_encrypted_v3.2fas'),
        OTHER_APP_PASSWORD,
      ],
      [
        '2fas_authenticator_encrypted_v4.2fas',
        otherAppFixture('2fas_authenticator_encrypted_v4.2fas'),
        OTHER_APP_PASSWORD,
      ],
      ['andotp_encrypted.bin', otherAppFixture('andotp_encrypted.bin'), OTHER_APP_PASSWORD],
      [
        'example-backup.json',
        readFileSync(join(__dirname, '../fixtures/backup/example-backup.json'), 'utf8'),
        EXAMPLE_PASSWORD,
      ],
    ];
    for (const [name, data, password] of files) {
      derived.length = 0;
      const read = await readAnyImport(data, { password });
      expect(read.accounts.length, name).toBeGreaterThan(0);
      expect(derived.length, name).toBeGreaterThan(0);
      expect(kdfWork(derived), name).toBeLessThanOrEqual(KDF_BUDGET / 10);
    }
  });
});
