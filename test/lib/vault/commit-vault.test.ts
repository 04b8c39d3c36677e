import { beforeAll, describe, expect, it } from 'vitest';
import { commitVault, createVault, rewrapVault, sealVault } from '../../../lib/vault';
import {
  memoryStore,
  rejectionCode,
  SAMPLE_PAYLOAD,
  TEST_ITERATIONS,
  TEST_PASSWORD,
} from './vault-test-helpers';

let vaultKey: Uint8Array;
let first: string;
let second: string;
let third: string;

beforeAll(async () => {
  ({ record: first, vaultKey } = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, {
    iterations: TEST_ITERATIONS,
  }));
  second = await sealVault(first, vaultKey, { step: 2 });
  third = await sealVault(second, vaultKey, { step: 3 });
});

const damage = (text: string) => text.replace('"revision":', '"revisioN":');

describe('commitVault', () => {
  it('creates the first vault only when nothing is stored', async () => {
    const store = memoryStore();
    await commitVault(store, first, null);
    expect(store.sets).toEqual([{ vault: first }]);
  });

  it.each([
    ['an intact vault', () => ({ vault: first })],
    ['an unreadable vault', () => ({ vault: 'garbage' })],
    ['a non-string value', () => ({ vault: 42 })],
    ['only a previous copy', () => ({ vault_prev: first })],
    ['only a damaged copy', () => ({ vault_damaged: ['garbage'] })],
  ])("never creates a vault over %s ('conflict')", async (_what, makeInitial) => {
    const initial = makeInitial();
    const store = memoryStore(initial);
    expect(await rejectionCode(commitVault(store, first, null))).toBe('conflict');
    expect(store.sets).toEqual([]);
    expect(store.data).toEqual(initial);
  });

  it('writes the new record and the last good copy in ONE set() call', async () => {
    const store = memoryStore({ vault: first });
    await commitVault(store, second, first);
    expect(store.sets).toEqual([{ vault: second, vault_prev: first }]);
    await commitVault(store, third, second);
    expect(store.sets).toHaveLength(2);
    expect(store.data).toEqual({ vault: third, vault_prev: second });
  });

  it("refuses a stale write when storage no longer holds the previous record ('conflict')", async () => {
    const store = memoryStore({ vault: third, vault_prev: second });
    expect(await rejectionCode(commitVault(store, second, first))).toBe('conflict');
    expect(store.sets).toEqual([]);
  });

  it('refuses to overwrite a damaged current record unless recovering, and then keeps it', async () => {
    const damaged = damage(second);
    const store = memoryStore({ vault: damaged, vault_prev: first });
    expect(await rejectionCode(commitVault(store, third, first))).toBe('conflict');
    // third (revision 3) derived from first: recovery path.
    await commitVault(store, third, first, { recovered: true });
    expect(store.sets).toEqual([{ vault: third, vault_prev: first, vault_damaged: [damaged] }]);
  });

  it('appends to earlier damaged copies instead of replacing them', async () => {
    const store = memoryStore({ vault: 'garbage 2', vault_prev: first, vault_damaged: ['garbage 1'] });
    await commitVault(store, second, first, { recovered: true });
    expect(store.data.vault_damaged).toEqual(['garbage 1', 'garbage 2']);
  });

  it("refuses a recovery commit that does not derive from the stored previous copy ('conflict')", async () => {
    const store = memoryStore({ vault: 'garbage', vault_prev: second });
    expect(await rejectionCode(commitVault(store, third, first, { recovered: true }))).toBe('conflict');
  });

  it.each([
    ['a damaged new record', () => damage(third), () => second],
    ['a revision that does not advance', () => first, () => second],
    ['the same revision', () => second, () => second],
    ['a non-record', () => 'hello', () => second],
  ])("refuses %s ('invalid-argument') and writes nothing", async (_what, next, previous) => {
    const store = memoryStore({ vault: second });
    expect(await rejectionCode(commitVault(store, next(), previous()))).toBe('invalid-argument');
    expect(store.sets).toEqual([]);
  });

  it('a password change keeps no copy that the old password opens', async () => {
    const changed = await rewrapVault(third, { vaultKey }, 'new password', { iterations: TEST_ITERATIONS });
    const store = memoryStore({ vault: third, vault_prev: second });
    await commitVault(store, changed.record, third, { keepAsPrevious: changed.record });
    expect(store.sets).toEqual([{ vault: changed.record, vault_prev: changed.record }]);
  });
});
