import { beforeAll, describe, expect, it } from 'vitest';
import { createVault, readStoredVault, sealVault } from '../../../lib/vault';
import { memoryStore, SAMPLE_PAYLOAD, TEST_ITERATIONS, TEST_PASSWORD } from './vault-test-helpers';

let first: string;
let second: string;

beforeAll(async () => {
  const created = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS });
  first = created.record;
  second = await sealVault(first, created.vaultKey, { ...SAMPLE_PAYLOAD, accounts: [] });
});

const damage = (text: string) => text.replace('"revision":', '"revisioN":');

describe('readStoredVault', () => {
  it("is 'absent' only when none of the vault keys exists", async () => {
    expect(await readStoredVault(memoryStore())).toEqual({ state: 'absent' });
    expect(await readStoredVault(memoryStore({ unrelated: 1 }))).toEqual({ state: 'absent' });
  });

  it("is 'present' with both copies when both are intact", async () => {
    const stored = await readStoredVault(memoryStore({ vault: second, vault_prev: first }));
    expect(stored).toEqual({ state: 'present', current: second, previous: first });
  });

  it("is 'present' without a previous copy when that copy is missing or damaged", async () => {
    expect(await readStoredVault(memoryStore({ vault: first }))).toEqual({
      state: 'present',
      current: first,
    });
    expect(await readStoredVault(memoryStore({ vault: second, vault_prev: damage(first) }))).toEqual({
      state: 'present',
      current: second,
    });
  });

  it.each([
    ['a number', 42, 'not-a-string'],
    ['null', null, 'not-a-string'],
    ['an object (a dropped or mangled value)', { header: {} }, 'not-a-string'],
    ['an empty string', '', 'corrupt'],
    ['garbage text', 'not json', 'corrupt'],
  ])("is 'unreadable' when the current value is %s", async (_what, value, reason) => {
    expect(await readStoredVault(memoryStore({ vault: value }))).toEqual({ state: 'unreadable', reason });
  });

  it("is 'unreadable' but offers the previous copy when the current record is damaged", async () => {
    expect(await readStoredVault(memoryStore({ vault: damage(second), vault_prev: first }))).toEqual({
      state: 'unreadable',
      reason: 'corrupt',
      previous: first,
    });
  });

  it("is 'unreadable' (never 'absent') when only a previous or damaged copy exists", async () => {
    expect(await readStoredVault(memoryStore({ vault_prev: first }))).toEqual({
      state: 'unreadable',
      reason: 'missing',
      previous: first,
    });
    expect(await readStoredVault(memoryStore({ vault_damaged: ['x'] }))).toEqual({
      state: 'unreadable',
      reason: 'missing',
    });
  });
});
