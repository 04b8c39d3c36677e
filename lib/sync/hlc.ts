/**
 * Hybrid logical clock (HLC) stamps: wall-clock milliseconds, a counter for events within one millisecond (or while
 * the wall clock lags behind a stamp already seen), and the device that made the stamp. Compared as a tuple, stamps
 * form a total order that respects causality (a stamp made after merging a state is greater than every stamp in
 * it) while staying close to real time, so "the later edit wins" means what the user expects across browsers whose
 * clocks drift a little. Pure: the caller passes `now`.
 */

/** `[wall ms, count, device id]`: a tuple keeps the synced JSON small. */
export type Hlc = readonly [wall: number, count: number, device: string];

/** Below every stamp: the clock of a state that holds none. */
export const HLC_ZERO: Hlc = [0, 0, ''];

/** Total order: wall, then count, then device id. Negative, zero or positive, like a sort comparator. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/** The greater of two stamps. */
export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return compareHlc(a, b) >= 0 ? a : b;
}

/**
 * The next stamp of `device` after `last` (the greatest stamp it has made or merged): the wall clock when it has
 * moved past `last`, else `last`'s wall with the count moved on, so a stamp never goes back even when the local
 * clock does.
 */
export function tick(last: Hlc, now: number, device: string): Hlc {
  const wall = Math.floor(now);
  return wall > last[0] ? [wall, 0, device] : [last[0], last[1] + 1, device];
}

/** The local clock after seeing a remote stamp: the next stamp after both. */
export function receive(local: Hlc, remote: Hlc, now: number, device: string): Hlc {
  return tick(maxHlc(local, remote), now, device);
}
