/** The merge rules, one table row each: two browsers change the same accounts while apart, then exchange states. */
import { describe, expect, it } from 'vitest';
import {
  addAccount,
  advanceHotp,
  bindSite,
  deleteAccount,
  moveAccount,
  pinAccount,
  restoreAccount,
  setAutoFill,
  unbindSite,
  updateAccount,
} from '../../../lib/keeper/accounts/accounts';
import {
  materialise,
  merge,
  previewUnion,
  recordLocalChanges,
  EMPTY_SYNC_STATE,
  TOMBSTONE_TTL_MS,
} from '../../../lib/sync';
import { change, deliver, replica, stored, withAccounts, type Replica } from './sync-support';

const T = 1_700_000_000_000;

/** A and B sharing the accounts `ids` (made on A, delivered to B). */
function pair(ids: string[], over: Parameters<typeof stored>[1] = {}): [Replica, Replica] {
  const a = change(
    replica('A'),
    T,
    withAccounts(ids.map((id) => stored(id, { ...over, secret: `SECRET${id.toUpperCase()}` }))),
  );
  return [a, deliver(replica('B'), a.state, T + 1)];
}

/** Both sides receive each other's state, three rounds (the last carries the reports): they must end equal. */
function exchange(a: Replica, b: Replica, now: number): [Replica, Replica] {
  let pair: [Replica, Replica] = [a, b];
  for (let round = 0; round < 3; round += 1) {
    const [x, y] = pair;
    pair = [deliver(x, y.state, now + round), deliver(y, x.state, now + round)];
  }
  const live = (r: Replica) => r.payload.accounts.filter((x) => x.deletedAt === undefined);
  expect(pair[0].state).toEqual(pair[1].state);
  expect(live(pair[0])).toEqual(live(pair[1]));
  return pair;
}

const names = (r: Replica) => materialise(r.state).map((a) => a.id);
const one = (r: Replica, id: string) => materialise(r.state).find((a) => a.id === id);

describe('a deletion and an edit of the same account', () => {
  it.each([
    { first: 'delete', later: 'rename', live: true },
    { first: 'rename', later: 'delete', live: false },
  ])('$first on one side, $later later on the other: live $live', ({ first, later, live }) => {
    let [a, b] = pair(['x', 'y']);
    const del = (r: Replica, now: number) => change(r, now, (p) => deleteAccount(p, { id: 'x' }, now));
    const rename = (r: Replica, now: number) =>
      change(r, now, (p) => updateAccount(p, { id: 'x', patch: { issuer: 'Renamed' } }));
    a = first === 'delete' ? del(a, T + 10) : rename(a, T + 10);
    b = later === 'delete' ? del(b, T + 20) : rename(b, T + 20);
    [a] = exchange(a, b, T + 30);
    expect(names(a)).toEqual(live ? ['x', 'y'] : ['y']);
    if (live) expect(one(a, 'x')?.issuer).toBe('Renamed');
  });

  it('an undo of the delete brings it back on the other side, and the soft-deleted copy waits for undo', () => {
    let [a, b] = pair(['x']);
    a = change(a, T + 10, (p) => deleteAccount(p, { id: 'x' }, T + 10));
    b = deliver(b, a.state, T + 11);
    expect(names(b)).toEqual([]);
    a = change(a, T + 20, (p) => restoreAccount(p, { id: 'x' }));
    b = deliver(b, a.state, T + 21);
    expect(names(b)).toEqual(['x']);
  });

  it('a purge after the undo window is still the same deletion', () => {
    let [a, b] = pair(['x', 'y']);
    a = change(a, T + 10, (p) => deleteAccount(p, { id: 'x' }, T + 10));
    a = change(a, T + 20, withAccounts(a.payload.accounts.filter((x) => x.id !== 'x')));
    [, b] = exchange(a, b, T + 30);
    expect(names(b)).toEqual(['y']);
  });
});

describe('counters, sites, pins, order', () => {
  it('HOTP counters take the maximum', () => {
    let [a, b] = pair(['h'], { type: 'hotp', counter: 3 });
    for (let i = 0; i < 4; i += 1) a = change(a, T + 10 + i, (p) => advanceHotp(p, { id: 'h' }));
    b = change(b, T + 30, (p) => advanceHotp(p, { id: 'h' }));
    [a] = exchange(a, b, T + 40);
    expect(one(a, 'h')?.counter).toBe(7);
  });

  it('sites added and removed on two sides merge as sets', () => {
    let [a, b] = pair(['x'], { origins: ['https://old.example'], autoFill: ['https://old.example'] });
    a = change(a, T + 10, (p) => bindSite(p, { id: 'x', origin: 'https://a.example' }));
    a = change(a, T + 11, (p) => unbindSite(p, { id: 'x', origin: 'https://old.example' }));
    b = change(b, T + 12, (p) => bindSite(p, { id: 'x', origin: 'https://b.example' }));
    b = change(b, T + 13, (p) => setAutoFill(p, { id: 'x', origin: 'https://b.example', on: true }));
    [a] = exchange(a, b, T + 20);
    expect(one(a, 'x')?.origins).toEqual(['https://a.example', 'https://b.example']);
    expect(one(a, 'x')?.autoFill).toEqual(['https://b.example']);
  });

  it.each([
    { start: false, a: true },
    { start: true, a: false },
  ])('from pinned $start: A sets $a, B sets $a then $start later: $start wins', ({ start, a: pinA }) => {
    let [a, b] = pair(['x', 'y'], start ? { pinned: true } : {});
    a = change(a, T + 10, (p) => pinAccount(p, { id: 'x', pinned: pinA }));
    b = change(b, T + 15, (p) => pinAccount(p, { id: 'x', pinned: pinA }));
    b = change(b, T + 20, (p) => pinAccount(p, { id: 'x', pinned: start }));
    [a] = exchange(a, b, T + 30);
    expect(one(a, 'x')?.pinned === true).toBe(start);
  });

  it('moves of different accounts on both sides both hold; new accounts land in the same place', () => {
    let [a, b] = pair(['p', 'q', 'r', 's']);
    a = change(a, T + 10, (p) => moveAccount(p, { id: 's', to: 0 }));
    b = change(b, T + 11, (p) => moveAccount(p, { id: 'p', to: 3 }));
    a = change(a, T + 12, (p) =>
      addAccount(p, { account: stored('n', { secret: 'NEWAAAAA' }) }, T, () => 'n'),
    );
    b = change(b, T + 13, (p) =>
      addAccount(p, { account: stored('m', { secret: 'NEWBBBBB' }) }, T, () => 'm'),
    );
    [a] = exchange(a, b, T + 20);
    // s before the rest and p after q and r, from both moves; n after A's last, m after B's last (p).
    expect(names(a)).toEqual(['s', 'q', 'r', 'n', 'p', 'm']);
  });
});

describe('the first union', () => {
  it('the same key added on both sides is shown once under the smaller id, sites united', () => {
    const key = { secret: 'SAMEKEYSAMEKEY', issuer: 'AWS', account: 'root' };
    let a = change(replica('A'), T, withAccounts([stored('b1', { ...key, origins: ['https://a.example'] })]));
    let b = change(
      replica('B'),
      T + 5,
      withAccounts([
        stored('a9', { ...key, origins: ['https://b.example'] }),
        stored('z', { secret: 'OTHER' }),
      ]),
    );
    expect(previewUnion(a.payload, b.state)).toEqual({ added: 1, merged: 1, unchanged: 0 });
    [a, b] = exchange(a, b, T + 10);
    expect(materialise(a.state).map((x) => [x.id, x.origins])).toEqual([
      ['a9', ['https://b.example', 'https://a.example']],
      ['z', []],
    ]);
    expect(a.state).toEqual(b.state);
  });
});

describe('tombstones', () => {
  it('are cut to their stamp once every device has seen them, and a stale copy does not bring the account back', () => {
    let [a, b] = pair(['x', 'y']);
    const stale = b.state;
    b = change(b, T + 5, (p) => bindSite(p, { id: 'y', origin: 'https://b.example' }));
    a = change(a, T + 10, (p) => deleteAccount(p, { id: 'x' }, T + 10));
    [a, b] = exchange(a, b, T + 20);
    [a, b] = exchange(a, b, T + 30);
    // Down to a tombstone once B, which last stamped before the deletion, stamps again (and so reports it).
    expect(a.state.a.x).toHaveProperty('f');
    b = change(b, T + 40, (p) => bindSite(p, { id: 'y', origin: 'https://b2.example' }));
    [a] = exchange(a, b, T + 50);
    expect(a.state.a.x).toEqual({ x: [T + 10, 0, 'A'] });
    a = deliver(a, stale, T + 60);
    expect(names(a)).toEqual(['y']);
    expect(merge(stale, a.state)).toEqual(merge(a.state, stale));
  });

  it('go after 90 days even when a device lags, and its stale copy stays deleted', () => {
    const [first, b] = pair(['x', 'y']);
    let a = first;
    const c = deliver(replica('C'), a.state, T + 2);
    const lagging = change(c, T + 3, (p) => bindSite(p, { id: 'y', origin: 'https://c.example' }));
    a = deliver(a, lagging.state, T + 4);
    a = change(a, T + 10, (p) => deleteAccount(p, { id: 'x' }, T + 10));
    [a] = exchange(a, b, T + 20);
    expect(Object.keys(a.state.a)).toEqual(['x', 'y']);
    const later = T + TOMBSTONE_TTL_MS + 100;
    a = change(a, later, (p) => bindSite(p, { id: 'y', origin: 'https://a.example' }));
    expect(Object.keys(a.state.a)).toEqual(['y']);
    a = deliver(a, lagging.state, later + 1);
    expect(names(a)).toEqual(['y']);
    const back = deliver(lagging, a.state, later + 2);
    expect(names(back)).toEqual(['y']);
  });

  it('a change with nothing new keeps every stamp', () => {
    const [a] = pair(['x']);
    const again = recordLocalChanges(a.state, a.payload, 'A', T + 99);
    expect(again.a).toBe(a.state.a);
    const joined = recordLocalChanges(EMPTY_SYNC_STATE, { schema: 1, accounts: [] }, 'A', T);
    expect(joined).toEqual({ a: {}, v: { A: [T, 0, 'A'] }, k: { A: [1, [T, 0, 'A']] } });
    expect(recordLocalChanges(joined, { schema: 1, accounts: [] }, 'A', T + 1)).toBe(joined);
  });
});
