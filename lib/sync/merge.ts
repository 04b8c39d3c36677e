/**
 * The merge of two replicated states: a join (commutative, associative, idempotent), so replicas that have seen
 * the same changes hold the same state whatever the order, repetition or loss of the deliveries between them.
 * Per account: last writer wins on the fields, the pin, the position and the backup time; per site; the greatest
 * counter; the latest edit and the latest deletion. A record one side lacks is kept unless that side has seen
 * every stamp in it (then it dropped the record as a tombstone, and keeping it would bring the account back).
 */
import { collectGarbage, compareReports } from './gc';
import { compareHlc, maxHlc, type Hlc } from './hlc';
import {
  includes,
  isRecord,
  stampsOf,
  type AccountRecord,
  type Entry,
  type Flag,
  type Lww,
  type Report,
  type SyncState,
} from './sync-state';

/** The later write; the same stamp twice is the same write, but ties still break the same way on every side. */
function lww<T>(a: Lww<T>, b: Lww<T>): Lww<T> {
  const order = compareHlc(a[0], b[0]);
  if (order !== 0) return order > 0 ? a : b;
  return JSON.stringify(a[1]) >= JSON.stringify(b[1]) ? a : b;
}

/** Each element by its later flag. */
function mergeFlags(
  a: Readonly<Record<string, Flag>>,
  b: Readonly<Record<string, Flag>>,
): Record<string, Flag> {
  const merged: Record<string, Flag> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const fa = a[key];
    const fb = b[key];
    merged[key] = fa && fb ? lww(fa, fb) : (fa ?? fb)!;
  }
  return merged;
}

/** One account seen from two sides. */
export function mergeRecord(a: AccountRecord, b: AccountRecord): AccountRecord {
  if (a === b) return a;
  const merged: AccountRecord = {
    f: lww(a.f, b.f),
    n: Math.max(a.n, b.n),
    o: mergeFlags(a.o, b.o),
    u: mergeFlags(a.u, b.u),
    p: lww(a.p, b.p),
    r: lww(a.r, b.r),
    b: lww(a.b, b.b),
    e: maxHlc(a.e, b.e),
  };
  const x = a.x && b.x ? maxHlc(a.x, b.x) : (a.x ?? b.x);
  if (x) merged.x = x;
  return merged;
}

/** An entry seen from two sides: a tombstone adds its deletion to the other side's record. */
function mergeEntry(a: Entry, b: Entry): Entry {
  if (isRecord(a) && isRecord(b)) return mergeRecord(a, b);
  if (isRecord(a)) return { ...a, x: a.x ? maxHlc(a.x, b.x!) : b.x! };
  if (isRecord(b)) return mergeEntry(b, a);
  return { x: maxHlc(a.x, b.x) };
}

/** The record of one side only: kept unless the other side has seen all of it (and so dropped it). */
function keptAlone(record: Entry, otherReach: SyncState['v']): boolean {
  return !stampsOf(record).every((stamp) => includes(otherReach, stamp));
}

function joinMaps<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  join: (x: T, y: T) => T,
): Record<string, T> {
  const joined: Record<string, T> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[key];
    const y = b[key];
    joined[key] = x !== undefined && y !== undefined ? join(x, y) : (x ?? y)!;
  }
  return joined;
}

const laterReport = (x: Report, y: Report): Report => (compareReports(x, y) >= 0 ? x : y);

/** The join of two states (then tombstones dropped by the rule of gc.ts, the same everywhere). */
export function merge(a: SyncState, b: SyncState): SyncState {
  if (a === b) return a;
  const accounts: Record<string, Entry> = {};
  for (const id of [...new Set([...Object.keys(a.a), ...Object.keys(b.a)])].sort()) {
    const ra = a.a[id];
    const rb = b.a[id];
    if (ra && rb) accounts[id] = mergeEntry(ra, rb);
    else if (ra && keptAlone(ra, b.v)) accounts[id] = ra;
    else if (rb && keptAlone(rb, a.v)) accounts[id] = rb;
  }
  return collectGarbage({
    a: accounts,
    v: joinMaps<Hlc>(a.v, b.v, maxHlc),
    k: joinMaps(a.k, b.k, laterReport),
  });
}
