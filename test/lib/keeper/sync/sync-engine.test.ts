/**
 * Sync between two browsers over the real background (keeper, vault, sync engine) on in-memory storage: each
 * browser has its own sync area, and a test sync service carries the items between them when the test says, as
 * the browser's sync does (the last write of a key wins; a removed key is removed). Both browsers are searched
 * for secrets in the clear.
 */
import { describe, expect, it } from 'vitest';
import type { Client } from '@/lib/messages';
import { QUOTA_BYTES } from '@/lib/sync';
import type { MemorySyncArea } from '@/lib/keeper/sync/memory-sync-area';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { codeOf, realClient } from '../../../support/real-client';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const PASSWORD = 'office pc password 2026';
const OTHER_PASSWORD = 'second pc password 2026';

/** Copies every item of `from` to `to` (sets what differs, removes what `from` no longer has). */
function carry(from: MemorySyncArea, to: MemorySyncArea): void {
  to.items = structuredClone(from.items);
}

async function browser(password: string, accounts = SHARED_ACCOUNTS.slice(0, 2)) {
  const rig = realClient();
  await rig.client.call('vault.create', { password });
  for (const account of accounts) await rig.client.call('enrol.save', { text: formatOtpauthUri(account) });
  return rig;
}

const labels = async (client: Client) =>
  (await client.call('codes.list', {})).accounts.map((a) => `${a.issuer}/${a.account}`);
const codes = async (client: Client) =>
  (await client.call('codes.list', {})).accounts.map((a) => `${a.issuer}:${a.code}`).sort();

/** A on, B joins with A's password: both show the union. */
async function pair() {
  const a = await browser(PASSWORD, SHARED_ACCOUNTS.slice(0, 2));
  const b = await browser(OTHER_PASSWORD, SHARED_ACCOUNTS.slice(1, 4));
  expect((await a.client.call('sync.enable', {})).join).toBe(false);
  carry(a.syncArea, b.syncArea);
  expect((await b.client.call('sync.enable', {})).join).toBe(true);
  const preview = await b.client.call('sync.join', { password: PASSWORD, confirm: false });
  // B lacks A's first account; both hold the second; B's other two are B's alone.
  expect(preview.preview).toEqual({ added: 1, merged: 1, unchanged: 2 });
  await b.client.call('sync.join', { password: PASSWORD, confirm: true });
  carry(b.syncArea, a.syncArea);
  await a.sync.syncNow();
  return { a, b };
}

describe('sync between two browsers', () => {
  it('on A, then B: B asks A’s password, previews the union, and both end with the same accounts and codes', async () => {
    const { a, b } = await pair();
    expect((await labels(a.client)).sort()).toEqual((await labels(b.client)).sort());
    expect(await labels(a.client)).toHaveLength(4);
    expect(await codes(a.client)).toEqual(await codes(b.client));
    // B's vault now opens with the synced vault's password, its own no longer.
    await b.client.call('vault.lock', {});
    expect(await codeOf(b.client.call('vault.unlock', { password: OTHER_PASSWORD }))).toBe('wrong-password');
    await b.client.call('vault.unlock', { password: PASSWORD });
    expect((await b.client.call('sync.status', {})).on).toBe(true);
  });

  it('a wrong password for the synced vault: refused, nothing changed', async () => {
    const a = await browser(PASSWORD);
    const b = await browser(OTHER_PASSWORD, SHARED_ACCOUNTS.slice(3, 4));
    await a.client.call('sync.enable', {});
    carry(a.syncArea, b.syncArea);
    const before = await labels(b.client);
    expect(await codeOf(b.client.call('sync.join', { password: 'guess', confirm: true }))).toBe(
      'wrong-password',
    );
    expect(await labels(b.client)).toEqual(before);
    expect((await b.client.call('sync.status', {})).on).toBe(false);
  });

  it('edits on both while apart converge, in either order of delivery', async () => {
    const { a, b } = await pair();
    const [first, second] = (await a.client.call('codes.list', {})).accounts;
    await a.client.call('account.update', { id: first!.id, patch: { issuer: 'Renamed on A' } });
    await b.client.call('account.pin', { id: second!.id, pinned: true });
    await b.client.call('account.origins', { id: second!.id, origins: ['https://console.example.jp'] });
    await a.sync.syncNow();
    await b.sync.syncNow(); // each wrote its own record into its own area: now the service carries
    carry(a.syncArea, b.syncArea); // A's write reaches B first: B merges and writes the union
    await b.sync.syncNow();
    carry(b.syncArea, a.syncArea);
    await a.sync.syncNow();
    const listA = (await a.client.call('codes.list', {})).accounts;
    const listB = (await b.client.call('codes.list', {})).accounts;
    expect(listA.map((x) => [x.id, x.issuer, x.pinned, x.origins])).toEqual(
      listB.map((x) => [x.id, x.issuer, x.pinned, x.origins]),
    );
    expect(listA.find((x) => x.id === first!.id)?.issuer).toBe('Renamed on A');
    expect(listA.find((x) => x.id === second!.id)).toMatchObject({
      pinned: true,
      origins: ['https://console.example.jp'],
    });
  });

  it('a delete on A against a later rename on B: the rename wins', async () => {
    const { a, b } = await pair();
    const [target] = (await a.client.call('codes.list', {})).accounts;
    await a.client.call('account.delete', { id: target!.id });
    await a.sync.syncNow();
    await new Promise((r) => setTimeout(r, 5));
    await b.client.call('account.update', { id: target!.id, patch: { account: 'renamed-on-b' } });
    await b.sync.syncNow();
    carry(a.syncArea, b.syncArea);
    await b.sync.syncNow();
    carry(b.syncArea, a.syncArea);
    await a.sync.syncNow();
    for (const client of [a.client, b.client]) {
      const kept = (await client.call('codes.list', {})).accounts.find((x) => x.id === target!.id);
      expect(kept?.account).toBe('renamed-on-b');
    }
  });

  it('a password change on A: B keeps working, asks for the new password, then takes it', async () => {
    const { a, b } = await pair();
    const NEW = 'a new office password 2026';
    await a.client.call('vault.change-password', { current: PASSWORD, next: NEW });
    await a.sync.syncNow();
    carry(a.syncArea, b.syncArea);
    // B works on locally meanwhile, and says what it needs.
    const [one] = (await b.client.call('codes.list', {})).accounts;
    await b.client.call('account.update', { id: one!.id, patch: { issuer: 'Edited on B meanwhile' } });
    expect((await b.sync.syncNow()).problem).toEqual({ kind: 'needs-password' });
    expect(b.syncArea.items).toEqual(a.syncArea.items); // B wrote nothing over A's record
    expect(await codeOf(b.client.call('sync.password', { password: PASSWORD }))).toBe('wrong-password');
    expect((await b.client.call('sync.password', { password: NEW })).problem).toBeNull();
    carry(b.syncArea, a.syncArea);
    await a.sync.syncNow();
    expect(await labels(a.client)).toContain(`Edited on B meanwhile/${one!.account}`);
    expect((await labels(a.client)).sort()).toEqual((await labels(b.client)).sort());
    await b.client.call('vault.lock', {});
    expect(await codeOf(b.client.call('vault.unlock', { password: PASSWORD }))).toBe('wrong-password');
    expect((await b.client.call('vault.unlock', { password: NEW })).vault).toBe('unlocked');
  });

  it('over the quota: paused with how far over, nothing written, the vault untouched', async () => {
    const a = await browser(PASSWORD);
    // Other items of ours already fill the area, leaving less than the record needs.
    a.syncArea.items = { filler: 'x'.repeat(QUOTA_BYTES - 300) };
    const before = await labels(a.client);
    const { status } = await a.client.call('sync.enable', {});
    expect(status.problem).toMatchObject({ kind: 'over-quota' });
    const problem = status.problem as { overBy: number; bytesNeeded: number; bytesAllowed: number };
    expect(problem.overBy).toBeGreaterThan(0);
    expect(problem.bytesNeeded - problem.bytesAllowed).toBe(problem.overBy);
    expect(a.syncArea.calls).toEqual([]);
    expect(Object.keys(a.syncArea.items)).toEqual(['filler']);
    expect(await labels(a.client)).toEqual(before);
  });

  it('only ciphertext in the sync area, and both browsers’ storage holds no secret in the clear', async () => {
    const { a, b } = await pair();
    for (const rig of [a, b]) {
      const text = JSON.stringify([rig.syncArea.items, [...rig.local.data], [...rig.session.data]]);
      for (const account of SHARED_ACCOUNTS.slice(0, 4)) expect(text).not.toContain(account.secret);
      expect(text).not.toContain('otpauth');
    }
  });

  it('the organisation’s policy turns it off: it cannot be turned on', async () => {
    const rig = realClient({
      policy: async () => ({ ...(await import('@/lib/policy/policy')).DEFAULT_POLICY, disableSync: true }),
    });
    await rig.client.call('vault.create', { password: PASSWORD });
    expect(await codeOf(rig.client.call('sync.enable', {}))).toBe('policy-forbids');
    expect(await rig.client.call('sync.status', {})).toMatchObject({ policyOff: true, on: false });
  });
});
