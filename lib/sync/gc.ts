/**
 * Dropping tombstones. A deleted account keeps its record (the tombstone) until every device has seen the
 * deletion, or for 90 days at most. The rule reads only the state, never the local clock, so every replica that
 * holds the same state drops the same records and convergence is kept. A replica that still holds the dropped
 * record cannot bring it back: merge.ts drops a record the other side lacks when the other side has seen all its
 * stamps (see `includes`).
 */
import { compareHlc, type Hlc } from './hlc';
import { isDeleted, isRecord, latestStamp, type Entry, type SyncState } from './sync-state';

/** After this long (by the wall time of the state's latest stamp) a tombstone goes even if a device lags. */
export const TOMBSTONE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * The stamp up to which every known device's state holds every change, if each device has reported on all the
 * devices this state knows; a tombstone at or below it has been seen everywhere.
 */
export function stableHorizon(state: SyncState): Hlc | undefined {
  const devices = Object.keys(state.v);
  let horizon: Hlc | undefined;
  for (const device of devices) {
    const report = state.k[device];
    if (!report || report[0] < devices.length) return undefined;
    if (!horizon || compareHlc(report[1], horizon) < 0) horizon = report[1];
  }
  return horizon;
}

/**
 * The state with the deleted records every device has seen cut down to tombstones, and without the deletions
 * older than TOMBSTONE_TTL_MS.
 */
export function collectGarbage(state: SyncState): SyncState {
  const horizon = stableHorizon(state);
  const cutoff = latestStamp(state)[0] - TOMBSTONE_TTL_MS;
  /** The entry as the rule leaves it: the same, a tombstone in place of a record, or nothing. */
  const collected = (entry: Entry): Entry | undefined => {
    if (!isDeleted(entry) || entry.x === undefined) return entry;
    if (entry.x[0] < cutoff) return undefined;
    if (isRecord(entry) && horizon !== undefined && compareHlc(entry.x, horizon) <= 0) return { x: entry.x };
    return entry;
  };
  let changed = false;
  const a: Record<string, Entry> = {};
  for (const [id, entry] of Object.entries(state.a)) {
    const kept = collected(entry);
    if (kept !== entry) changed = true;
    if (kept) a[id] = kept;
  }
  return changed ? { ...state, a } : state;
}

/** The device's report of its own state: how many devices it knows, and the least of their reach. */
export function reportOf(state: SyncState): readonly [number, Hlc] | undefined {
  const reaches = Object.values(state.v);
  if (reaches.length === 0) return undefined;
  return [reaches.length, reaches.reduce((low, stamp) => (compareHlc(stamp, low) < 0 ? stamp : low))];
}

/**
 * The state with `device`'s report brought up to date (after a merge, so the others learn what it has seen). No
 * tick: a report changes no account, so answering it causes no further report and replicas do not ping-pong. A
 * device that has never made a change is unknown to the others and reports nothing.
 */
export function acknowledge(state: SyncState, device: string): SyncState {
  const report = reportOf(state);
  const current = state.k[device];
  if (!report || state.v[device] === undefined) return state;
  if (current && compareReports(current, report) >= 0) return state;
  return collectGarbage({ ...state, k: sortedRecord({ ...state.k, [device]: report }) });
}

/** Reports of one device grow in (devices, horizon): the greater is the later. */
export function compareReports(a: readonly [number, Hlc], b: readonly [number, Hlc]): number {
  return a[0] !== b[0] ? a[0] - b[0] : compareHlc(a[1], b[1]);
}

/** A copy with its keys in sorted order, so equal states serialise to equal JSON. */
export function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}
