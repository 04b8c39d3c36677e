import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createVault,
  KDF_DEFAULT_ITERATIONS,
  KDF_MIN_ITERATIONS,
  openVault,
  unlockVault,
  VaultError,
} from '../../../lib/vault';
import { rejectionCode, SAMPLE_PAYLOAD, TEST_ITERATIONS, TEST_PASSWORD } from './vault-test-helpers';

const created = createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createVault / unlockVault', () => {
  it('round-trips the payload and returns the same vault key', async () => {
    const { record, vaultKey } = await created;
    const unlocked = await unlockVault<typeof SAMPLE_PAYLOAD>(record, TEST_PASSWORD);
    expect(unlocked.payload).toEqual(SAMPLE_PAYLOAD);
    expect(unlocked.vaultKey).toEqual(vaultKey);
    expect(unlocked.readOnly).toBe(false);
    expect(unlocked.header).toMatchObject({
      format: 'sekimori-vault',
      version: 1,
      cipher: 'aes-256-gcm',
      kdf: { id: 'pbkdf2-sha256', iterations: TEST_ITERATIONS },
      revision: 1,
    });
  });

  it('writes one JSON string with no plaintext secret in it', async () => {
    const { record } = await created;
    expect(typeof record).toBe('string');
    expect(record).not.toContain('JBSWY3DPEHPK3PXP');
    expect(record).not.toContain('alice');
    expect(Object.keys(JSON.parse(record) as object)).toEqual([
      'header',
      'wrappedKey',
      'payload',
      'checksum',
    ]);
  });

  it('opens with the vault key alone, without running the KDF', async () => {
    const { record, vaultKey } = await created;
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    const deriveBits = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
    expect((await openVault(record, vaultKey)).payload).toEqual(SAMPLE_PAYLOAD);
    expect(deriveKey).not.toHaveBeenCalled();
    expect(deriveBits).not.toHaveBeenCalled();
  });

  it("reports a wrong password as 'wrong-password'", async () => {
    const { record } = await created;
    expect(await rejectionCode(unlockVault(record, 'correct horse battery stapler'))).toBe('wrong-password');
    expect(await rejectionCode(unlockVault(record, ''))).toBe('wrong-password');
  });

  it('never puts the password in an error message', async () => {
    const { record } = await created;
    const error = await unlockVault(record, 'hunter2-secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(String((error as Error).message)).not.toContain('hunter2');
    expect((error as Error).name).toBe('VaultError');
  });

  it('normalises the password to NFC (composed and decomposed kana unlock alike)', async () => {
    const password = 'パスワード';
    const { record } = await createVault(password.normalize('NFD'), 1, { iterations: TEST_ITERATIONS });
    expect((await unlockVault(record, password.normalize('NFC'))).payload).toBe(1);
  });

  it('uses a fresh vault key, salt and nonces for every vault', async () => {
    const a = await created;
    const b = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS });
    expect(b.vaultKey).not.toEqual(a.vaultKey);
    const [ra, rb] = [a.record, b.record].map(
      (r) => JSON.parse(r) as Record<string, Record<string, unknown>>,
    );
    expect(rb!.header!.kdf).not.toEqual(ra!.header!.kdf);
    expect(rb!.wrappedKey!.nonce).not.toBe(ra!.wrappedKey!.nonce);
    expect(rb!.payload!.nonce).not.toBe(ra!.payload!.nonce);
  });

  it('defaults to the measured iteration count, above the floor', async () => {
    expect(KDF_DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(KDF_MIN_ITERATIONS);
    expect(KDF_MIN_ITERATIONS).toBe(600_000);
  });

  it.each([
    [599_999, 'kdf-too-weak'],
    [1000, 'kdf-too-weak'],
    [0, 'kdf-too-weak'],
    [700_000.5, 'invalid-argument'],
    [Number.NaN, 'invalid-argument'],
    [2 ** 32, 'invalid-argument'],
  ])('refuses %d iterations on create (%s) before deriving anything', async (iterations, code) => {
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    expect(await rejectionCode(createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations }))).toBe(code);
    expect(deriveKey).not.toHaveBeenCalled();
  });

  it.each([
    ['an empty password', '', {}],
    ['undefined', TEST_PASSWORD, undefined],
    ['a function', TEST_PASSWORD, () => 1],
    ['a BigInt', TEST_PASSWORD, { n: 1n }],
  ])("refuses %s with 'invalid-argument'", async (_what, password, payload) => {
    expect(await rejectionCode(createVault(password, payload, { iterations: TEST_ITERATIONS }))).toBe(
      'invalid-argument',
    );
  });

  it('refuses a random source that returns the wrong length', async () => {
    const random = (n: number) => new Uint8Array(n - 1);
    expect(await rejectionCode(createVault(TEST_PASSWORD, 1, { iterations: TEST_ITERATIONS, random }))).toBe(
      'invalid-argument',
    );
  });

  it("refuses a vault key of the wrong length with 'invalid-argument'", async () => {
    const { record } = await created;
    expect(await rejectionCode(openVault(record, new Uint8Array(16)))).toBe('invalid-argument');
  });
});
