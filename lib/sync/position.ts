/**
 * Positions in the list as fractional keys: strings over base-36 digits compared as plain strings, each new key
 * strictly between its neighbours. Moving one account rewrites its key only, so two browsers that reorder different
 * accounts while apart both keep their moves, and an account added on the other side lands where its own key says,
 * the same on every replica. Keys never end in '0', so there is always room between two of them.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(char: string | undefined): number {
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

/**
 * A key strictly between `low` and `high` (`''`: before every key; `undefined`: after every key). Requires
 * `low < high` and neither ending in '0'.
 */
export function keyBetween(low: string, high: string | undefined): string {
  if (high !== undefined) {
    let shared = 0;
    while (shared < high.length && (low[shared] ?? '0') === high[shared]) shared += 1;
    if (shared > 0) return high.slice(0, shared) + keyBetween(low.slice(shared), high.slice(shared));
  }
  const lowDigit = digit(low[0]);
  const highDigit = high === undefined ? BASE : digit(high[0]);
  if (highDigit - lowDigit > 1) return DIGITS[Math.round((lowDigit + highDigit) / 2)]!;
  // Adjacent first digits: `high`'s first digit alone is above `low` when `high` goes on, else go one level down.
  if (high !== undefined && high.length > 1) return high.slice(0, 1);
  return DIGITS[lowDigit]! + keyBetween(low.slice(1), undefined);
}

/** `count` increasing keys strictly between `low` and `high`, by halving: short keys even for long runs. */
export function keysBetween(low: string, high: string | undefined, count: number): string[] {
  if (count <= 0) return [];
  const middle = keyBetween(low, high);
  const before = Math.floor((count - 1) / 2);
  return [...keysBetween(low, middle, before), middle, ...keysBetween(middle, high, count - 1 - before)];
}
