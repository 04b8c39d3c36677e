/**
 * The code sheet over the real background: written after the popup's list (not during it), for the vault as
 * listed; usable by the popup only while the session vouches for it; gone or unusable after a save, a lock or a
 * clock change; never a secret in it.
 */
import { describe, expect, it } from 'vitest';
import { CODE_SHEET_KEY, CODE_SHEET_READ, listFromSession } from '@/lib/protocol/code-sheet';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { realClient } from '../../../support/real-client';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const PASSWORD = 'correct horse battery staple';

async function setUp() {
  const tasks: (() => Promise<unknown>)[] = [];
  const rig = realClient({
    later: (task) => void tasks.push(task),
    measureClock: async () => ({ offsetMs: 95_000, roundTripMs: 40 }),
  });
  await rig.client.call('vault.create', { password: PASSWORD });
  for (const account of SHARED_ACCOUNTS)
    await rig.client.call('enrol.save', { text: formatOtpauthUri(account) });
  /** Runs what the background put off, as its timer would. */
  const runLater = async () => {
    while (tasks.length) await tasks.shift()!();
  };
  const popupReads = async () => listFromSession(await rig.session.get(CODE_SHEET_READ), Date.now());
  return { ...rig, tasks, runLater, popupReads };
}

describe('the code sheet the background writes ahead', () => {
  it('after the popup’s list, gives the popup that same list without the background; kept while it reaches far', async () => {
    const { client, session, tasks, runLater, popupReads } = await setUp();
    expect(await popupReads()).toBeNull();
    const list = await client.call('codes.list', {});
    expect(tasks).toHaveLength(1); // put off: nothing was written during the answer
    expect((await session.get([CODE_SHEET_KEY]))[CODE_SHEET_KEY]).toBeUndefined();
    await runLater();
    const shown = await popupReads();
    expect(shown?.accounts.map((a) => a.id)).toEqual(list.accounts.map((a) => a.id));
    const again = await client.call('codes.list', {});
    expect(shown?.accounts).toEqual(again.accounts); // the same step, unless it just turned
    const writes = session.writes.length;
    await runLater();
    expect(session.writes.length).toBe(writes); // still reaches far enough: not written again
    const text = JSON.stringify(await session.get([CODE_SHEET_KEY]));
    for (const a of SHARED_ACCOUNTS) expect(text).not.toContain(a.secret);
  });

  it('a save makes it unusable; locking removes it; a locked vault gets none', async () => {
    const { client, session, runLater, popupReads } = await setUp();
    await client.call('codes.list', {});
    await runLater();
    expect(await popupReads()).not.toBeNull();
    const [first] = (await client.call('codes.list', {})).accounts;
    await client.call('account.pin', { id: first!.id, pinned: true });
    expect(await popupReads()).toBeNull(); // another revision
    await client.call('codes.list', {});
    await runLater();
    expect(await popupReads()).not.toBeNull();

    await client.call('vault.lock', {});
    expect((await session.get([CODE_SHEET_KEY]))[CODE_SHEET_KEY]).toBeNull();
    expect(await popupReads()).toBeNull();
    await client.call('codes.list', {});
    await runLater();
    expect((await session.get([CODE_SHEET_KEY]))[CODE_SHEET_KEY]).toBeNull();
  });

  it('a clock change removes it (its codes were for the old shift)', async () => {
    const { client, session, runLater, popupReads } = await setUp();
    await client.call('codes.list', {});
    await runLater();
    expect(await popupReads()).not.toBeNull();
    await client.call('clock.check', { server: 'https://clp.trendmicro.com' });
    await client.call('clock.apply', { apply: true });
    expect((await session.get([CODE_SHEET_KEY]))[CODE_SHEET_KEY]).toBeNull();
    const list = await client.call('codes.list', {});
    await runLater();
    expect((await popupReads())?.accounts[0]?.code).toBe(list.accounts[0]?.code);
  });
});
