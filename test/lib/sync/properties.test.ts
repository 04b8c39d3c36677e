/**
 * Properties of the merge: 2–4 browsers change their vaults through the accounts core while states travel between
 * them in any order, repeated or lost; after a final all-to-all exchange every replica holds the same state and
 * the same accounts, every account nobody deleted is there with its last edit, and no deleted account came back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAccount,
  advanceHotp,
  bindSite,
  deleteAccount,
  listedAccounts,
  moveAccount,
  pinAccount,
  restoreAccount,
  unbindSite,
  updateAccount,
} from '../../../lib/keeper/accounts/accounts';
import { KeeperError } from '../../../lib/keeper/keeper-error';
import type { StoredAccount, VaultPayload } from '../../../lib/keeper/accounts/stored-account';
import {
  compareHlc,
  isDeleted,
  isRecord,
  materialise,
  merge,
  TOMBSTONE_TTL_MS,
  type Hlc,
} from '../../../lib/sync';
import type { AccountFields, SyncState } from '../../../lib/sync/sync-state';
import { change, deliver, replica, stored, withAccounts, type Replica } from './sync-support';

const T = 1_700_000_000_000;
const SITES = ['https://a.example', 'https://b.example', 'https://c.example'];

type Op =
  | { k: 'add'; r: number; key: number; hotp: boolean }
  | { k: 'rename' | 'delete' | 'undo' | 'bump'; r: number; pick: number; name: number }
  | { k: 'bind' | 'unbind'; r: number; pick: number; site: number }
  | { k: 'pin'; r: number; pick: number; on: boolean }
  | { k: 'move'; r: number; pick: number; to: number }
  | { k: 'purge' | 'send'; r: number }
  | { k: 'deliver'; r: number; message: number }
  | { k: 'wait'; ms: number };

const r = fc.nat(3);
const pick = fc.nat(20);
function ops(longWaits: boolean): fc.Arbitrary<Op[]> {
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      arbitrary: fc.record({ k: fc.constant('add' as const), r, key: fc.nat(7), hotp: fc.boolean() }),
      weight: 3,
    },
    fc.record({
      k: fc.constantFrom('rename' as const, 'delete' as const, 'undo' as const, 'bump' as const),
      r,
      pick,
      name: fc.nat(3),
    }),
    fc.record({
      k: fc.constantFrom('bind' as const, 'unbind' as const),
      r,
      pick,
      site: fc.nat(SITES.length - 1),
    }),
    fc.record({ k: fc.constant('pin' as const), r, pick, on: fc.boolean() }),
    fc.record({ k: fc.constant('move' as const), r, pick, to: fc.nat(10) }),
    fc.record({ k: fc.constantFrom('purge' as const, 'send' as const), r }),
    { arbitrary: fc.record({ k: fc.constant('deliver' as const), r, message: fc.nat(50) }), weight: 3 },
    fc.record({
      k: fc.constant('wait' as const),
      ms: longWaits ? fc.oneof(fc.nat(5000), fc.constant(TOMBSTONE_TTL_MS / 2)) : fc.nat(5000),
    }),
  );
  return fc.array(op, { minLength: 20, maxLength: 80 });
}

/** What the test knows about each account id, from the stamps of the changes it made. */
interface Known {
  /** Its fields at its latest field edit, and that edit's stamp. */
  fields?: { stamp: Hlc; value: AccountFields };
  lastEdit?: Hlc;
  lastDelete?: Hlc;
  keys: Set<string>;
}

const keyOf = (a: { secret: string; issuer: string; account: string; type: string }) =>
  JSON.stringify([a.secret, a.issuer, a.account, a.type]);
const later = (a: Hlc | undefined, b: Hlc) => (a && compareHlc(a, b) >= 0 ? a : b);

interface Run {
  replicas: Replica[];
  known: Map<string, Known>;
}

function run(count: number, skews: number[], script: Op[], exchange = true): Run {
  let replicas = Array.from({ length: count }, (_, i) => replica(`D${i}`));
  const network: SyncState[] = [];
  const known = new Map<string, Known>();
  let now = T;
  let ids = 0;
  const timeOf = (i: number) => now + (skews[i] ?? 0);
  const live = (p: VaultPayload) => listedAccounts(p);
  const note = (id: string, { state, device }: Replica, fieldsChanged: boolean) => {
    const entry = known.get(id) ?? { keys: new Set<string>() };
    known.set(id, entry);
    const record = state.a[id];
    // Gone already, or a tombstone: a deletion every device (that this one knows) has seen.
    if (!record || !isRecord(record)) {
      entry.lastDelete = later(entry.lastDelete, state.v[device]!);
      return;
    }
    entry.keys.add(keyOf(record.f[1]));
    if (isDeleted(record)) entry.lastDelete = later(entry.lastDelete, record.x!);
    else entry.lastEdit = later(entry.lastEdit, record.e);
    if (fieldsChanged && (!entry.fields || compareHlc(record.f[0], entry.fields.stamp) > 0)) {
      entry.fields = { stamp: record.f[0], value: record.f[1] };
    }
  };
  for (const op of script) {
    now += 1;
    if (op.k === 'wait') {
      now += op.ms;
      continue;
    }
    const i = op.r % count;
    const at = replicas[i]!;
    const t = timeOf(i);
    const target = (list: StoredAccount[], p: number) => list[p % Math.max(1, list.length)];
    try {
      let next: Replica | undefined;
      let touched: StoredAccount | undefined;
      let fieldsChanged = false;
      switch (op.k) {
        case 'send':
          network.push(at.state);
          break;
        case 'deliver': {
          const message = network[op.message % Math.max(1, network.length)];
          if (message) next = deliver(at, message, t);
          break;
        }
        case 'add': {
          const id = `${at.device}-${(ids += 1)}`;
          const account = stored(id, {
            secret: `SECRET${'ABCDEFGH'[op.key]}`,
            issuer: `Issuer ${op.key}`,
            account: 'admin',
            type: op.hotp ? 'hotp' : 'totp',
          });
          next = change(at, t, (p) => addAccount(p, { account }, t, () => id));
          touched = account;
          fieldsChanged = true;
          break;
        }
        case 'purge':
          next = change(at, t, withAccounts(at.payload.accounts.filter((a) => a.deletedAt === undefined)));
          break;
        case 'undo':
          touched = target(
            at.payload.accounts.filter((a) => a.deletedAt !== undefined),
            op.pick,
          );
          if (touched) next = change(at, t, (p) => restoreAccount(p, { id: touched!.id }));
          break;
        default: {
          touched = target(live(at.payload), op.pick);
          if (!touched) break;
          const id = touched.id;
          if (op.k === 'rename') {
            fieldsChanged = true;
            next = change(at, t, (p) => updateAccount(p, { id, patch: { account: `user${op.name}` } }));
          }
          if (op.k === 'delete') next = change(at, t, (p) => deleteAccount(p, { id }, t));
          if (op.k === 'bump') next = change(at, t, (p) => advanceHotp(p, { id }));
          if (op.k === 'bind') next = change(at, t, (p) => bindSite(p, { id, origin: SITES[op.site]! }));
          if (op.k === 'unbind') next = change(at, t, (p) => unbindSite(p, { id, origin: SITES[op.site]! }));
          if (op.k === 'pin') next = change(at, t, (p) => pinAccount(p, { id, pinned: op.on }));
          if (op.k === 'move') next = change(at, t, (p) => moveAccount(p, { id, to: op.to }));
        }
      }
      if (!next) continue;
      replicas[i] = next;
      if (touched && op.k !== 'move') note(touched.id, next, fieldsChanged);
    } catch (error) {
      if (!(error instanceof KeeperError)) throw error;
    }
  }
  // The final exchange: every replica receives every other's state, until nothing changes.
  for (let round = 0; exchange && round < 4; round += 1) {
    const sent = replicas.map((x) => x.state);
    now += 1;
    replicas = replicas.map((x, i) => sent.reduce((y, state) => deliver(y, state, timeOf(i)), x));
  }
  return { replicas, known };
}

const setup = fc.record({
  count: fc.integer({ min: 2, max: 4 }),
  skews: fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: 4, maxLength: 4 }),
});

function converged({ replicas }: Run): void {
  const [first, ...rest] = replicas;
  for (const other of rest) {
    expect(other.state).toEqual(first!.state);
    expect(materialise(other.state)).toEqual(materialise(first!.state));
  }
}

/** Ids whose key was ever another id's too: folded as duplicates, checked by key only. */
function shared(known: Map<string, Known>): Set<string> {
  const holders = new Map<string, Set<string>>();
  for (const [id, entry] of known)
    for (const key of entry.keys) holders.set(key, (holders.get(key) ?? new Set()).add(id));
  return new Set([...holders.values()].filter((s) => s.size > 1).flatMap((s) => [...s]));
}

function nothingLost({ replicas, known }: Run, strictDeletes: boolean): void {
  const accounts = materialise(replicas[0]!.state);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const folded = shared(known);
  for (const [id, entry] of known) {
    if (folded.has(id)) continue;
    const account = byId.get(id);
    const deleted = entry.lastDelete && (!entry.lastEdit || compareHlc(entry.lastDelete, entry.lastEdit) > 0);
    if (!entry.lastDelete) {
      expect(account, `${id} was never deleted`).toBeDefined();
      if (entry.fields) expect({ ...account, id: undefined }).toMatchObject(entry.fields.value);
    } else if (deleted && strictDeletes) {
      expect(account, `${id} was deleted after its last edit`).toBeUndefined();
    } else if (!deleted) {
      expect(account, `${id} was edited after its deletion`).toBeDefined();
    }
  }
}

/** Deleted records as tombstones. */
function compacted(state: SyncState): SyncState {
  const a = Object.fromEntries(
    Object.entries(state.a).map(([id, entry]) => [id, isDeleted(entry) ? { x: entry.x! } : entry]),
  );
  return { ...state, a };
}

describe('any interleaving of edits and deliveries across 2–4 replicas', () => {
  /** Runs scripts (with 90-day waits or not); checks convergence and losses (and returns only without them). */
  const converges = (longWaits: boolean, numRuns: number) =>
    fc.assert(
      fc.property(setup, ops(longWaits), ({ count, skews }, script) => {
        const result = run(count, skews, script);
        converged(result);
        nothingLost(result, !longWaits);
      }),
      { numRuns },
    );

  it('converges to one state, loses no account and brings none back', () => converges(false, 400));

  it('with tombstones dropped after 90 days too: converges and loses nothing', () => converges(true, 300));

  it('merge is commutative, idempotent and associative (up to compaction) on the states replicas reach', () => {
    fc.assert(
      fc.property(setup, ops(false), ({ skews }, script) => {
        // Three replicas as they stand before the final exchange: each with its own history.
        const [a, b, c] = run(3, skews, script, false).replicas.map((x) => x.state) as [
          SyncState,
          SyncState,
          SyncState,
        ];
        expect(merge(a, b)).toEqual(merge(b, a));
        // Associative up to compaction: one order may cut a deleted record to its tombstone before a device that
        // has not reported yet is known (the stability horizon is not monotone); both mean the same deletion.
        expect(compacted(merge(merge(a, b), c))).toEqual(compacted(merge(a, merge(b, c))));
        expect(materialise(merge(merge(a, b), c))).toEqual(materialise(merge(a, merge(b, c))));
        expect(merge(a, a)).toEqual(a);
        expect(merge(merge(a, b), b)).toEqual(merge(a, b));
      }),
      { numRuns: 300 },
    );
  });
});
