/** The hybrid logical clock never goes back; fractional keys always fit between their neighbours. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, receive, tick, type Hlc } from '../../../lib/sync/hlc';
import { keyBetween, keysBetween } from '../../../lib/sync/position';

const hlc: fc.Arbitrary<Hlc> = fc.tuple(fc.nat(1e6), fc.nat(5), fc.constantFrom('A', 'B', 'C'));

describe('hlc', () => {
  it('a tick is after the last stamp even when the wall clock went back; receive is after both', () => {
    fc.assert(
      fc.property(hlc, hlc, fc.nat(1e6), (local, remote, now) => {
        expect(compareHlc(tick(local, now, 'A'), local)).toBeGreaterThan(0);
        const next = receive(local, remote, now, 'A');
        expect(compareHlc(next, local)).toBeGreaterThan(0);
        expect(compareHlc(next, remote)).toBeGreaterThan(0);
      }),
    );
  });

  it('follows the wall clock when it moves on', () => {
    expect(tick([100, 4, 'B'], 200, 'A')).toEqual([200, 0, 'A']);
    expect(tick([300, 4, 'B'], 200, 'A')).toEqual([300, 5, 'A']);
  });
});

describe('fractional keys', () => {
  it('any number of keys fit, in order, between any two, and never end in 0', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3), { maxLength: 40 }), fc.nat(30), (path, count) => {
        // Walk down to an arbitrary pair of neighbours, then fill between them.
        let low = '';
        let high: string | undefined;
        for (const step of path) {
          const middle = keyBetween(low, high);
          if (step % 2 === 0) high = middle;
          else low = middle;
        }
        const keys = [low, ...keysBetween(low, high, count), ...(high === undefined ? [] : [high])];
        for (let i = 1; i < keys.length; i += 1) expect(keys[i - 1]! < keys[i]!).toBe(true);
        for (const key of keys.slice(1)) expect(key.endsWith('0')).toBe(false);
      }),
    );
  });

  it('keeps keys short for a long list', () => {
    expect(Math.max(...keysBetween('', undefined, 500).map((k) => k.length))).toBeLessThanOrEqual(3);
  });
});
