/**
 * Checklist, "Faults": concurrent edits from two extension pages (the popup and the options page, both talking to
 * the one background at once). No acknowledged change is ever lost; a change that cannot apply (its account was
 * deleted meanwhile) is refused with a typed error, never half applied.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, RemoteError, type Client } from '@/lib/messages';
import { background, SENDERS, type Background } from './support/background';
import { DyingWorker, Storage } from './support/dying-worker';

const PASSWORD = 'two pages at once 2026';
const SECRET = 'JBSWY3DPEHPK3PXP';

let bg: Background;
let popup: Client;
let options: Client;

beforeEach(async () => {
  bg = background();
  popup = createClient((m) => bg.route(m, SENDERS.popup));
  options = createClient((m) => bg.route(m, SENDERS.optionsInTab));
  await popup.call('vault.create', { password: PASSWORD });
});

const add = (client: Client, name: string, issuer = 'Start') =>
  client.call('account.add', { draft: { issuer, account: name, secret: SECRET } });

async function accounts(client: Client) {
  return (await client.call('codes.list', {})).accounts;
}

describe('concurrent edits from two extension pages', () => {
  it('60 adds, renames and site bindings sent at once from both pages: every acknowledged change is there', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, (_, k) => add(popup, `base-${k}@example.jp`)));
    const work: Promise<unknown>[] = [];
    for (let k = 0; k < 20; k++) {
      work.push(add(k % 2 ? popup : options, `new-${k}@example.jp`, `Added ${k}`));
      const { id } = ids[k % 10]!;
      // The popup renames, the options page binds a site: the same account from both sides at once.
      if (k < 10) work.push(popup.call('account.update', { id, patch: { issuer: `Renamed ${k}` } }));
      else work.push(options.call('account.bind', { id, origin: `https://site-${k}.example.jp` }));
      work.push(options.call('account.update', { id: ids[(k + 3) % 10]!.id, patch: { digits: 8 } }));
    }
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const list = await accounts(options);
    expect(list).toHaveLength(30);
    for (let k = 0; k < 20; k++) {
      expect(list.find((a) => a.account === `new-${k}@example.jp`)?.issuer).toBe(`Added ${k}`);
    }
    for (let k = 0; k < 10; k++) {
      const a = list.find((x) => x.id === ids[k]!.id)!;
      expect(a.issuer, `base-${k}`).toBe(`Renamed ${k}`);
      expect(a.origins).toEqual([`https://site-${k + 10}.example.jp`]);
      expect(a.digits).toBe(8);
    }
  });

  it('the same account edited field by field from both pages at once: no field is reverted by the other page', async () => {
    const { id } = await add(popup, 'shared@example.jp');
    await Promise.all([
      popup.call('account.update', { id, patch: { issuer: 'From the popup' } }),
      options.call('account.update', { id, patch: { account: 'renamed@example.jp' } }),
      options.call('account.origins', { id, origins: ['https://clp.trendmicro.com'] }),
      popup.call('account.update', { id, patch: { period: 60 } }),
    ]);
    const [a] = await accounts(popup);
    expect(a).toMatchObject({
      issuer: 'From the popup',
      account: 'renamed@example.jp',
      origins: ['https://clp.trendmicro.com'],
      period: 60,
    });
  });

  it('one page deletes while the other renames: the rename lands first or is refused `not-found`, never resurrects the account', async () => {
    for (let round = 0; round < 10; round++) {
      const { id } = await add(popup, `victim-${round}@example.jp`);
      const [deleted, renamed] = await Promise.allSettled([
        popup.call('account.delete', { id }),
        options.call('account.update', { id, patch: { issuer: 'Too late' } }),
      ]);
      expect(deleted.status).toBe('fulfilled');
      if (renamed.status === 'rejected') {
        expect(renamed.reason).toBeInstanceOf(RemoteError);
        expect((renamed.reason as RemoteError).code).toBe('not-found');
      }
      expect((await accounts(options)).some((a) => a.id === id)).toBe(false);
      // Undo brings back the account as it was when deleted: renamed only if the rename was acknowledged.
      await options.call('account.restore', { id });
      const back = (await accounts(popup)).find((a) => a.id === id)!;
      expect(back.issuer).toBe(renamed.status === 'fulfilled' ? 'Too late' : 'Start');
    }
  });

  it('two pages adding the same account at once: it is added once, the other page hears `duplicate`', async () => {
    const results = await Promise.allSettled([
      add(popup, 'twice@example.jp'),
      add(options, 'twice@example.jp'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as RemoteError).code).toBe('duplicate');
    expect((await accounts(popup)).filter((a) => a.account === 'twice@example.jp')).toHaveLength(1);
  });

  it('a page that reads, waits, and writes an old list of sites replaces the list whole (last writer wins, nothing merged half)', async () => {
    const { id } = await add(popup, 'sites@example.jp');
    await popup.call('account.origins', { id, origins: ['https://a.example.jp'] });
    const stale = (await accounts(options)).find((a) => a.id === id)!.origins;
    await popup.call('account.bind', { id, origin: 'https://b.example.jp' });
    await options.call('account.origins', { id, origins: [...stale, 'https://c.example.jp'] });
    expect((await accounts(popup)).find((a) => a.id === id)!.origins).toEqual([
      'https://a.example.jp',
      'https://c.example.jp',
    ]);
  });
});

describe('concurrent edits while the worker is replaced', () => {
  it('edits sent to a new background instance while the old one still finishes its own: none acknowledged is lost', async () => {
    // Chromium runs one service worker at a time; this is the strongest form: two Keepers on one storage at once.
    const storage = new Storage();
    const never = { afterOps: Infinity, lands: false };
    const first = new DyingWorker(storage, never);
    const a = background({ local: first.local, session: first.session });
    await a.client.call('vault.create', { password: PASSWORD });
    const second = new DyingWorker(storage, never);
    const b = background({ local: second.local, session: second.session });
    const sent = Array.from({ length: 30 }, (_, k) => ({
      client: k % 2 ? a.client : b.client,
      name: `w-${k}@example.jp`,
    }));
    const results = await Promise.allSettled(sent.map(({ client, name }) => add(client, name)));
    const acknowledged = sent.filter((_, k) => results[k]!.status === 'fulfilled').map((s) => s.name);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as RemoteError).code).toBe('conflict');
    const stored = (await accounts(background({ local: first.local, session: first.session }).client)).map(
      (x) => x.account,
    );
    expect(stored.sort()).toEqual(expect.arrayContaining(acknowledged.sort()));
  });
});
