import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVault, openVault, sealVault, unlockVault } from '../../../lib/vault';
import {
  countingRandom,
  rejectionCode,
  SAMPLE_PAYLOAD,
  TEST_ITERATIONS,
  TEST_PASSWORD,
} from './vault-test-helpers';

const created = createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS });

type Parsed = Record<string, Record<string, unknown>>;
const parse = (record: string) => JSON.parse(record) as Parsed;

describe('sealVault', () => {
  it('writes the next revision, readable by key and by password', async () => {
    const { record, vaultKey } = await created;
    const next = { ...SAMPLE_PAYLOAD, accounts: [] };
    const sealed = await sealVault(record, vaultKey, next);
    const opened = await openVault(sealed, vaultKey);
    expect(opened.payload).toEqual(next);
    expect(opened.header.revision).toBe(2);
    expect((await unlockVault(sealed, TEST_PASSWORD)).payload).toEqual(next);
  });

  it('increments the revision on every seal and keeps the wrapped key and KDF', async () => {
    const { record, vaultKey } = await created;
    let current = record;
    for (let expected = 2; expected <= 5; expected++) {
      current = await sealVault(current, vaultKey, { step: expected });
      expect(parse(current).header!.revision).toBe(expected);
      expect(parse(current).wrappedKey).toEqual(parse(record).wrappedKey);
      expect(parse(current).header!.kdf).toEqual(parse(record).header!.kdf);
    }
  });

  it('uses a fresh nonce for every seal: two seals of the same payload differ', async () => {
    const { record, vaultKey } = await created;
    const a = parse(await sealVault(record, vaultKey, SAMPLE_PAYLOAD));
    const b = parse(await sealVault(record, vaultKey, SAMPLE_PAYLOAD));
    expect(a.payload!.nonce).not.toBe(b.payload!.nonce);
    expect(a.payload!.ciphertext).not.toBe(b.payload!.ciphertext);
    expect(a.payload!.nonce).not.toBe(parse(record).payload!.nonce);
  });

  it('takes its nonce from the injected random source', async () => {
    const { record, vaultKey } = await created;
    const sealed = parse(await sealVault(record, vaultKey, 1, { random: countingRandom(7) }));
    expect(sealed.payload!.nonce).toBe(
      Buffer.from(Array.from({ length: 12 }, (_, i) => 7 + i)).toString('base64'),
    );
  });

  it("refuses a key that does not open the previous record ('wrong-key'), so nothing is written under it", async () => {
    const { record } = await created;
    const other = await createVault(TEST_PASSWORD, 1, { iterations: TEST_ITERATIONS });
    expect(await rejectionCode(sealVault(record, other.vaultKey, 1))).toBe('wrong-key');
    expect(await rejectionCode(openVault(record, other.vaultKey))).toBe('wrong-key');
  });

  it('refuses a payload that is not JSON-serialisable', async () => {
    const { record, vaultKey } = await created;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await rejectionCode(sealVault(record, vaultKey, cyclic))).toBe('invalid-argument');
    expect(await rejectionCode(sealVault(record, vaultKey, undefined))).toBe('invalid-argument');
  });

  it('round-trips arbitrary JSON payloads with a fixed key (property)', async () => {
    const { record, vaultKey } = await created;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ stringUnit: 'binary' }), async (value) => {
        const opened = await openVault(await sealVault(record, vaultKey, value), vaultKey);
        expect(opened.payload).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });

  it('handles a large payload (5 000 accounts)', async () => {
    const { record, vaultKey } = await created;
    const big = {
      schema: 1,
      accounts: Array.from({ length: 5000 }, (_, i) => ({ ...SAMPLE_PAYLOAD.accounts[0], i })),
    };
    const opened = await openVault(await sealVault(record, vaultKey, big), vaultKey);
    expect(opened.payload).toEqual(big);
  });
});
