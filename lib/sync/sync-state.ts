/**
 * The replicated state that browsers exchange (compressed, sealed and split by another module). JSON only, with
 * short keys, documented here and in docs/sync-merge.md. Every part is a small CRDT whose merge is a join, so the
 * order, repetition or loss of deliveries never changes where the replicas end up.
 */
import type { Account } from '../otp/account';
import { compareHlc, HLC_ZERO, maxHlc, type Hlc } from './hlc';

/** The account's own fields, replaced as one (last writer wins): its key, its parameters, its names. */
export type AccountFields = Omit<Account, 'counter'> & { createdAt: number };

/** A last-writer-wins register: the value written with the greatest stamp. */
export type Lww<T> = readonly [stamp: Hlc, value: T];

/** An element of a last-writer-wins element set: present (1) or removed (0), by its last add or remove. */
export type Flag = Lww<0 | 1>;

/** One account as replicated. */
export interface AccountRecord {
  /** Fields: type, issuer, account, secret, algorithm, digits, period, createdAt (LWW). */
  f: Lww<AccountFields>;
  /** HOTP counter: a max-register, so a counter used on either side never goes back (no code is reused). */
  n: number;
  /** Origins: origin -> flag (LWW-element set: adds and removes on two sides merge per site). */
  o: Readonly<Record<string, Flag>>;
  /** Origins filled automatically: origin -> flag (same rule); read only together with `o`. */
  u: Readonly<Record<string, Flag>>;
  /** Pinned (LWW flag): the set of pinned accounts, one element per account. */
  p: Flag;
  /** Position in the user's order: a fractional key (LWW; ties broken by id). See position.ts. */
  r: Lww<string>;
  /** When it last went into a backup, 0 for never (LWW; cleared when the key changes). Not an edit. */
  b: Lww<number>;
  /** The stamp of its last edit (max): fields, counter, sites, automatic fill, pin, undo of a delete. */
  e: Hlc;
  /** The stamp of its last deletion (max), absent if never deleted. Deleted while `x` > `e`. */
  x?: Hlc;
}

/**
 * What is left of a deleted account once every device has seen the deletion: its stamp, no secret and no names.
 * It still beats the older edits of a replica that lags (which merge.ts would otherwise keep), and goes after
 * 90 days (gc.ts).
 */
export interface Tombstone {
  x: Hlc;
}

/** An account's entry in the state: its record, or the tombstone left of it. */
export type Entry = AccountRecord | Tombstone;

export function isRecord(entry: Entry): entry is AccountRecord {
  return 'f' in entry;
}

/** A device's report of how far its own state reaches, for dropping tombstones every device has seen. */
export type Report = readonly [devices: number, horizon: Hlc];

/** The whole replicated state. */
export interface SyncState {
  /** Accounts by id. */
  a: Readonly<Record<string, Entry>>;
  /**
   * Per device, the greatest stamp it made that this state includes. A device's stamps only grow and its state
   * at a stamp holds all its earlier changes, so this state holds every change of `d` stamped up to `v[d]`.
   */
  v: Readonly<Record<string, Hlc>>;
  /**
   * Per device, its last report `[n, h]`: its state knew `n` devices and held every change of each stamped up to
   * `h` (the least of its `v`). Reports of one device grow in (n, h), so the greater one is the later.
   */
  k: Readonly<Record<string, Report>>;
}

export const EMPTY_SYNC_STATE: SyncState = { a: {}, v: {}, k: {} };

/** Deleted: a tombstone, or the last deletion is later than the last edit. */
export function isDeleted(entry: Entry): boolean {
  return !isRecord(entry) || (entry.x !== undefined && compareHlc(entry.x, entry.e) > 0);
}

/** The greatest stamp in the state (every stamp of device d is at most `v[d]`): where the next tick starts. */
export function latestStamp(state: SyncState): Hlc {
  let latest: Hlc = HLC_ZERO;
  for (const stamp of Object.values(state.v)) latest = maxHlc(latest, stamp);
  return latest;
}

/** Every stamp an entry holds. */
export function stampsOf(record: Entry): Hlc[] {
  if (!isRecord(record)) return [record.x];
  const stamps = [record.f[0], record.p[0], record.r[0], record.b[0], record.e];
  if (record.x) stamps.push(record.x);
  for (const flag of Object.values(record.o)) stamps.push(flag[0]);
  for (const flag of Object.values(record.u)) stamps.push(flag[0]);
  return stamps;
}

/** The state holds every change stamped `stamp`: its device's entry of `v` reaches it. */
export function includes(v: SyncState['v'], stamp: Hlc): boolean {
  const reach = v[stamp[2]];
  return reach !== undefined && compareHlc(stamp, reach) <= 0;
}
