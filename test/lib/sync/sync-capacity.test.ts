/**
 * How many accounts with typical names fit on storage.sync: the real replicated state (recordLocalChanges), JSON,
 * compressed, sealed and split exactly as written. The numbers are printed for the closing note.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredAccount } from '../../../lib/keeper/accounts/stored-account';
import { EMPTY_SYNC_STATE, recordLocalChanges } from '../../../lib/sync';
import { accountsThatFit, planWrite, sealSyncRecord } from '../../../lib/sync/records-index';
import { makeVault, plainOf, type TestVault } from './record-support';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const NOW = 1_760_000_000_000;

function randomText(alphabet: string, length: number, bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A typical account: issuer 'Trend Micro SaaS Account', account 'admin@example.co.jp', 32-char key, one site. */
function account(n: number): StoredAccount {
  const random = crypto.getRandomValues(new Uint8Array(64));
  return {
    id: Array.from(random.subarray(32, 48), (b) => b.toString(16).padStart(2, '0')).join(''),
    type: 'totp',
    issuer: 'Trend Micro SaaS Account',
    account: n === 0 ? 'admin@example.co.jp' : `admin${n}@example.co.jp`,
    secret: randomText(BASE32, 32, random),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    origins: ['https://portal.xdr.trendmicro.com'],
    createdAt: NOW - n * 60_000,
  };
}

let vault: TestVault;
const accounts = Array.from({ length: 3_000 }, (_, n) => account(n));

async function recordFor(count: number, compression: 'deflate-raw' | 'none' = 'deflate-raw') {
  const payload = { schema: 1 as const, accounts: accounts.slice(0, count) };
  const state = recordLocalChanges(EMPTY_SYNC_STATE, payload, 'device-office-pc', NOW);
  return sealSyncRecord(
    plainOf(state),
    vault.vaultKey,
    { wrapping: vault.wrapping, keyGeneration: 1, revision: 1 },
    {
      compression,
    },
  );
}

beforeAll(async () => {
  vault = await makeVault();
});

describe('capacity of storage.sync', () => {
  it('holds the 200 accounts of a typical administrator with room to spare', async () => {
    const plain = plainOf(
      recordLocalChanges(
        EMPTY_SYNC_STATE,
        { schema: 1, accounts: accounts.slice(0, 200) },
        'device-office-pc',
        NOW,
      ),
    );
    const sealed = await recordFor(200);
    const result = planWrite({}, sealed);
    expect(result.over).toBe(false);
    console.info(
      `[sync capacity] 200 accounts: state ${plain.length} B JSON, sealed ${sealed.length} B ` +
        `(${(sealed.length / 200).toFixed(1)} B/account), ${result.over ? '-' : result.bytesAfter} B on storage.sync`,
    );
  });

  it('reports how many accounts fit in the 100 KB quota', async () => {
    const compressed = await accountsThatFit((n) => recordFor(n), {}, 3_000);
    const uncompressed = await accountsThatFit((n) => recordFor(n, 'none'), {}, 3_000);
    console.info(
      `[sync capacity] compressed: ${compressed.alone} accounts fit (${compressed.sideBySide} with the previous ` +
        `record kept readable during each write); uncompressed: ${uncompressed.alone} (${uncompressed.sideBySide})`,
    );
    expect(compressed.alone).toBeGreaterThanOrEqual(200);
    expect(compressed.sideBySide).toBeGreaterThanOrEqual(200);
    expect(compressed.alone).toBeGreaterThan(uncompressed.alone);
    const over = planWrite({}, await recordFor(compressed.alone + 20));
    expect(over.over).toBe(true);
  }, 60_000);
});
