import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  commitVault,
  createVault,
  openStoredVault,
  readStoredVault,
  sealVault,
  unlockStoredVault,
  type StoredVault,
} from '../../../lib/vault';
import {
  flipBase64Bit,
  member,
  memoryStore,
  rejectionCode,
  tamper,
  TEST_ITERATIONS,
  TEST_PASSWORD,
} from './vault-test-helpers';

let vaultKey: Uint8Array;
let first: string;
let second: string;
let tamperedSecond: string;

beforeAll(async () => {
  ({ record: first, vaultKey } = await createVault(
    TEST_PASSWORD,
    { step: 1 },
    { iterations: TEST_ITERATIONS },
  ));
  second = await sealVault(first, vaultKey, { step: 2 });
  tamperedSecond = await tamper(second, (body) => {
    const payload = member(body, 'payload');
    payload.ciphertext = flipBase64Bit(payload.ciphertext as string, 9);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const damage = (text: string) => text.replace('"revision":', '"revisioN":');

describe('openStoredVault / unlockStoredVault', () => {
  it('opens the current record when it is intact', async () => {
    const stored: StoredVault = { state: 'present', current: second, previous: first };
    const opened = await openStoredVault(stored, vaultKey);
    expect(opened).toMatchObject({ payload: { step: 2 }, record: second, recoveredFromPrevious: false });
    const unlocked = await unlockStoredVault(stored, TEST_PASSWORD);
    expect(unlocked).toMatchObject({ payload: { step: 2 }, record: second, recoveredFromPrevious: false });
  });

  it('falls back to the last good copy when the current record is damaged, and says so', async () => {
    const stored = await readStoredVault(memoryStore({ vault: damage(second), vault_prev: first }));
    expect(await openStoredVault(stored, vaultKey)).toMatchObject({
      payload: { step: 1 },
      record: first,
      recoveredFromPrevious: true,
    });
    expect(await unlockStoredVault(stored, TEST_PASSWORD)).toMatchObject({
      payload: { step: 1 },
      recoveredFromPrevious: true,
    });
  });

  it('falls back when the current record fails authentication, deriving the password key only once', async () => {
    const stored: StoredVault = { state: 'present', current: tamperedSecond, previous: first };
    expect(await openStoredVault(stored, vaultKey)).toMatchObject({
      record: first,
      recoveredFromPrevious: true,
    });
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    expect(await unlockStoredVault(stored, TEST_PASSWORD)).toMatchObject({
      payload: { step: 1 },
      recoveredFromPrevious: true,
    });
    expect(deriveKey).toHaveBeenCalledTimes(1);
  });

  it('never falls back on a wrong password or a wrong key', async () => {
    const stored: StoredVault = { state: 'present', current: second, previous: first };
    expect(await rejectionCode(unlockStoredVault(stored, 'wrong'))).toBe('wrong-password');
    const stranger = await createVault('x', 1, { iterations: TEST_ITERATIONS });
    expect(await rejectionCode(openStoredVault(stored, stranger.vaultKey))).toBe('wrong-key');
  });

  it("reports 'corrupt' when neither copy can be read, and refuses an absent vault", async () => {
    expect(await rejectionCode(openStoredVault({ state: 'unreadable', reason: 'corrupt' }, vaultKey))).toBe(
      'corrupt',
    );
    const bothBad: StoredVault = { state: 'present', current: tamperedSecond, previous: tamperedSecond };
    expect(await rejectionCode(openStoredVault(bothBad, vaultKey))).toBe('wrong-key');
    expect(await rejectionCode(openStoredVault({ state: 'absent' }, vaultKey))).toBe('invalid-argument');
  });

  it('recovers end to end: read, open from the previous copy, seal, commit, keep the damaged value', async () => {
    const damaged = damage(second);
    const store = memoryStore({ vault: damaged, vault_prev: first });
    const opened = await openStoredVault<{ step: number }>(await readStoredVault(store), vaultKey);
    const next = await sealVault(opened.record, vaultKey, { step: opened.payload.step + 10 });
    await commitVault(store, next, opened.record, { recovered: opened.recoveredFromPrevious });
    expect(store.data).toEqual({ vault: next, vault_prev: first, vault_damaged: [damaged] });
    const reopened = await openStoredVault(await readStoredVault(store), vaultKey);
    expect(reopened).toMatchObject({ payload: { step: 11 }, recoveredFromPrevious: false });
  });
});
