import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HOUR_MS,
  MINUTE_MS,
  nextWriteAt,
  recordWrites,
  SYNC_WRITE_LIMITS,
} from '../../../lib/sync/write-limits';

const T0 = 1_700_000_000_000;

describe('nextWriteAt', () => {
  it('a lone change is written after a short quiet time, well within 2 s', () => {
    const at = nextWriteAt([], T0, { firstChangeAt: T0, lastChangeAt: T0, operations: 3 });
    expect(at).toBe(T0 + SYNC_WRITE_LIMITS.quietMs);
  });

  it('a burst of changes waits for quiet, but no longer than 1.5 s after its first change', () => {
    const pending = { firstChangeAt: T0, lastChangeAt: T0 + 1_400, operations: 3 };
    expect(nextWriteAt([], T0 + 1_400, pending)).toBe(T0 + 1_500);
  });

  it('waits until the minute leaves room', () => {
    const history = Array.from({ length: 120 }, (_, i) => T0 - 30_000 + i);
    const at = nextWriteAt(history, T0, { firstChangeAt: T0, lastChangeAt: T0, operations: 2 });
    expect(at).toBe(T0 - 30_000 + 1 + MINUTE_MS);
  });

  it('waits until the hour leaves room', () => {
    // 1 800 calls, one every 2 s, the last at T0: the oldest (T0 − 3 598 s) leaves the hour at T0 + 2 s.
    const history = Array.from({ length: 1_800 }, (_, i) => T0 - 3_598_000 + i * 2_000);
    const at = nextWriteAt(history, T0, { firstChangeAt: T0, lastChangeAt: T0, operations: 1 });
    expect(at).toBe(T0 - 3_598_000 + HOUR_MS);
  });

  it('refuses a write that could never fit in a minute', () => {
    expect(() => nextWriteAt([], T0, { firstChangeAt: T0, lastChangeAt: T0, operations: 121 })).toThrow(
      RangeError,
    );
  });

  it('any run of changes and writes stays within both limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 4 })), {
          minLength: 1,
          maxLength: 400,
        }),
        (changes) => {
          let now = T0;
          let history: number[] = [];
          const all: number[] = [];
          for (const [gap, operations] of changes) {
            now += gap;
            const at = nextWriteAt(history, now, { firstChangeAt: now, lastChangeAt: now, operations });
            expect(at).toBeGreaterThanOrEqual(now);
            history = recordWrites(history, at, operations);
            all.push(...Array.from({ length: operations }, () => at));
            now = at;
          }
          for (const end of all) {
            expect(all.filter((t) => t > end - MINUTE_MS && t <= end).length).toBeLessThanOrEqual(120);
            expect(all.filter((t) => t > end - HOUR_MS && t <= end).length).toBeLessThanOrEqual(1_800);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
