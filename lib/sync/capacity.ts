/**
 * How many accounts fit on `storage.sync`: the largest count whose sealed record `planWrite` accepts. Measured,
 * not estimated from averages, because compression makes the cost of an account depend on its neighbours.
 */
import { applyStep, planWrite, type SyncItems } from './chunks';

export interface Capacity {
  /** The most accounts whose record fits beside `otherItems` (each write may then replace the old record first). */
  alone: number;
  /** The most accounts whose record fits beside the record before it (every write keeps the old one readable). */
  sideBySide: number;
}

/**
 * Binary search over the account count. `recordFor(n)` seals the state of `n` accounts; fit is monotone in n
 * (a bigger state never compresses smaller, up to noise of a few bytes). `limit` bounds the search.
 */
export async function accountsThatFit(
  recordFor: (accounts: number) => Promise<Uint8Array>,
  otherItems: SyncItems = {},
  limit = 10_000,
): Promise<Capacity> {
  const alone = await largest(limit, async (n) => !planWrite(otherItems, await recordFor(n)).over);
  const sideBySide = await largest(alone, async (n) => {
    const first = planWrite(otherItems, await recordFor(n));
    if (first.over) return false;
    const items = first.steps.reduce<SyncItems>(applyStep, otherItems);
    const second = planWrite(items, await recordFor(n));
    return !second.over && second.mode !== 'replace';
  });
  return { alone, sideBySide };
}

async function largest(limit: number, fits: (n: number) => Promise<boolean>): Promise<number> {
  let low = 0;
  let high = limit;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (await fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
