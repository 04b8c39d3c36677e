/**
 * When to write to `storage.sync`: debounced so that a burst of edits becomes one write, soon enough that a
 * change reaches storage within 2 s, and never beyond the write-operation limits (a call over them fails and
 * Chrome reports `MAX_WRITE_OPERATIONS_PER_MINUTE` exceeded). Pure: the caller passes the clock and the history of
 * its own calls.
 *
 * The limits are modelled as sliding windows (at most N calls in any 60 s, at most M in any 3 600 s). Chrome's
 * quota counts calls in windows too; a sliding window is the stricter reading, so staying inside it stays inside
 * any bucketed count.
 */
import { MAX_WRITE_OPERATIONS_PER_HOUR, MAX_WRITE_OPERATIONS_PER_MINUTE } from './sync-quota';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export interface WriteLimits {
  perMinute: number;
  perHour: number;
  /** Wait this long after the last change for more (typing, a batch of enrolments). */
  quietMs: number;
  /** …but never longer than this after the first unwritten change: the write then has the rest of 2 s. */
  maxWaitMs: number;
}

export const SYNC_WRITE_LIMITS: WriteLimits = {
  perMinute: MAX_WRITE_OPERATIONS_PER_MINUTE,
  perHour: MAX_WRITE_OPERATIONS_PER_HOUR,
  quietMs: 400,
  maxWaitMs: 1_500,
};

/** Changes not yet written, and how many calls (`WritePlan.steps.length`) the write will take. */
export interface PendingWrite {
  firstChangeAt: number;
  lastChangeAt: number;
  operations: number;
}

/** The moment the debounce alone would pick: quiet for `quietMs`, or `maxWaitMs` after the first change. */
export function debouncedAt(pending: PendingWrite, limits: WriteLimits = SYNC_WRITE_LIMITS): number {
  return Math.min(pending.lastChangeAt + limits.quietMs, pending.firstChangeAt + limits.maxWaitMs);
}

/**
 * The earliest time ≥ `now` at which `pending.operations` calls may start: debounced, then pushed back until the
 * last minute and the last hour (windows (T − 60 s, T] and (T − 3 600 s, T]) leave room for all of them.
 * `history` holds the times of this extension's earlier calls (each set or remove is one). Throws a RangeError for
 * a write that could never fit (more calls than a minute allows).
 */
export function nextWriteAt(
  history: readonly number[],
  now: number,
  pending: PendingWrite = { firstChangeAt: now, lastChangeAt: now, operations: 1 },
  limits: WriteLimits = SYNC_WRITE_LIMITS,
): number {
  const operations = pending.operations;
  if (!Number.isInteger(operations) || operations < 0 || operations > limits.perMinute) {
    throw new RangeError('a write must take between 0 and the per-minute limit of calls');
  }
  const sorted = [...history].sort((a, b) => a - b);
  let at = Math.max(now, debouncedAt(pending, limits));
  for (;;) {
    const later = Math.max(
      roomAt(sorted, at, MINUTE_MS, limits.perMinute - operations),
      roomAt(sorted, at, HOUR_MS, limits.perHour - operations),
    );
    if (later <= at) return at;
    at = later;
  }
}

/** The earliest time ≥ `at` when the window of `length` ending then holds at most `allowed` calls of `sorted`. */
function roomAt(sorted: readonly number[], at: number, length: number, allowed: number): number {
  const inWindow = sorted.filter((time) => time > at - length && time <= at);
  const excess = inWindow.length - allowed;
  if (excess <= 0) return at;
  // The `excess` oldest calls must leave the window: the window starts after the excess-th one.
  return (inWindow[excess - 1] ?? at) + length;
}

/** The history after `operations` calls at `at`, keeping only the last hour (all that the limits look at). */
export function recordWrites(history: readonly number[], at: number, operations: number): number[] {
  return [...history.filter((time) => time > at - HOUR_MS), ...Array.from({ length: operations }, () => at)];
}
