import { beforeAll, describe, expect, it } from 'vitest';
import { createVault, openVault, rewrapVault, unlockVault } from '../../../lib/vault';
import { rejectionCode, SAMPLE_PAYLOAD, TEST_ITERATIONS, TEST_PASSWORD } from './vault-test-helpers';

let record: string;
let vaultKey: Uint8Array;

beforeAll(async () => {
  ({ record, vaultKey } = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS }));
});

describe('rewrapVault (password change)', () => {
  it('re-encrypts under a new vault key and password, as the next revision', async () => {
    const changed = await rewrapVault(record, { password: TEST_PASSWORD }, 'new password', {
      iterations: TEST_ITERATIONS,
    });
    expect(changed.vaultKey).not.toEqual(vaultKey);
    const unlocked = await unlockVault(changed.record, 'new password');
    expect(unlocked.payload).toEqual(SAMPLE_PAYLOAD);
    expect(unlocked.header.revision).toBe(2);
    expect(await rejectionCode(unlockVault(changed.record, TEST_PASSWORD))).toBe('wrong-password');
    expect(await rejectionCode(openVault(changed.record, vaultKey))).toBe('wrong-key');
  });

  it('accepts the session vault key instead of the old password', async () => {
    const changed = await rewrapVault(record, { vaultKey }, 'another', { iterations: 650_000 });
    const opened = await openVault(changed.record, changed.vaultKey);
    expect(opened.payload).toEqual(SAMPLE_PAYLOAD);
    expect(opened.header.kdf.iterations).toBe(650_000);
  });

  it('refuses a wrong old password, an empty new one and a weak KDF', async () => {
    expect(await rejectionCode(rewrapVault(record, { password: 'nope' }, 'new'))).toBe('wrong-password');
    expect(await rejectionCode(rewrapVault(record, { vaultKey }, ''))).toBe('invalid-argument');
    expect(await rejectionCode(rewrapVault(record, { vaultKey }, 'new', { iterations: 10 }))).toBe(
      'kdf-too-weak',
    );
  });
});
