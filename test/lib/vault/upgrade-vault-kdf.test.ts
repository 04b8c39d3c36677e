import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVault,
  KDF_DEFAULT_ITERATIONS,
  needsKdfUpgrade,
  openVault,
  unlockVault,
  upgradeVaultKdf,
} from '../../../lib/vault';
import { rejectionCode, SAMPLE_PAYLOAD, TEST_ITERATIONS, TEST_PASSWORD } from './vault-test-helpers';

let record: string;
let vaultKey: Uint8Array;

const headerOf = (text: string) =>
  (JSON.parse(text) as { header: { kdf: { iterations: number; salt: string }; revision: number } }).header;

beforeAll(async () => {
  ({ record, vaultKey } = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS }));
});

describe('upgradeVaultKdf (a stronger KDF at unlock)', () => {
  it('re-wraps the same vault key under the same password, a new salt and the default cost', async () => {
    const upgraded = await upgradeVaultKdf(record, TEST_PASSWORD);
    const before = headerOf(record);
    const after = headerOf(upgraded.record);
    expect(after.kdf.iterations).toBe(KDF_DEFAULT_ITERATIONS);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.revision).toBe(before.revision + 1);
    expect(upgraded.vaultKey).toEqual(vaultKey);
    // The key kept while unlocked still opens it, and so does the same password.
    expect((await openVault(upgraded.record, vaultKey)).payload).toEqual(SAMPLE_PAYLOAD);
    expect((await unlockVault(upgraded.record, TEST_PASSWORD)).payload).toEqual(SAMPLE_PAYLOAD);
  });

  it('needs the right password, and never lowers the cost', async () => {
    expect(await rejectionCode(upgradeVaultKdf(record, 'not the password'))).toBe('wrong-password');
    const strong = await upgradeVaultKdf(record, TEST_PASSWORD, { iterations: 700_000 });
    expect(await rejectionCode(upgradeVaultKdf(strong.record, TEST_PASSWORD, { iterations: 650_000 }))).toBe(
      'invalid-argument',
    );
    expect(await rejectionCode(upgradeVaultKdf(record, TEST_PASSWORD, { iterations: 1000 }))).toBe(
      'kdf-too-weak',
    );
  });

  it('is wanted only below the default', () => {
    expect(needsKdfUpgrade(600_000)).toBe(true);
    expect(needsKdfUpgrade(KDF_DEFAULT_ITERATIONS - 1)).toBe(true);
    expect(needsKdfUpgrade(KDF_DEFAULT_ITERATIONS)).toBe(false);
    expect(needsKdfUpgrade(2_000_000)).toBe(false);
  });
});
