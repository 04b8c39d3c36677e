import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase85, encodeBase85 } from '../../../lib/sync/base85';
import {
  applyStep,
  MANIFEST_KEY,
  planWrite,
  readItems,
  splitRecord,
  type SyncItems,
  type WritePlan,
  type WriteStep,
} from '../../../lib/sync/chunks';
import { itemBytes, QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, totalBytes } from '../../../lib/sync/sync-quota';

const blobArb = (max: number) => fc.uint8Array({ minLength: 1, maxLength: max });

function random(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function plan(items: SyncItems, blob: Uint8Array): WritePlan {
  const result = planWrite(items, blob);
  if (result.over) throw new Error(`unexpectedly over by ${result.overBy}`);
  return result;
}

function run(items: SyncItems, steps: readonly WriteStep[]): SyncItems {
  return steps.reduce<SyncItems>(applyStep, items);
}

/** The steps as single-item writes, in order: what a reader may have seen at any moment. */
function itemWrites(steps: readonly WriteStep[]): WriteStep[] {
  return steps.flatMap((step): WriteStep[] =>
    'set' in step
      ? Object.entries(step.set).map(([key, value]) => ({ set: { [key]: value } }))
      : step.remove.map((key) => ({ remove: [key] })),
  );
}

function same(a: unknown, b: Uint8Array): boolean {
  return a instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
}

describe('base85', () => {
  it('round-trips any bytes and is 5 characters per 4 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase85(bytes);
        expect(decodeBase85(text)).toEqual(bytes);
        expect(text).toMatch(/^[0-9A-Za-z!#$%()*+\-./:=?@[\]^_{|}~]*$/);
        expect(JSON.stringify(text).length).toBe(text.length + 2);
      }),
    );
  });

  it('refuses characters outside the alphabet, bad lengths, overflows and other spellings', () => {
    expect(decodeBase85('"0000')).toBeNull();
    expect(decodeBase85('000000')).toBeNull();
    expect(decodeBase85('~~~~~')).toBeNull();
    const text = encodeBase85(new Uint8Array([1, 2]));
    const other = text.slice(0, 2) + String.fromCharCode(text.charCodeAt(2) + 1);
    expect(decodeBase85(other)).toBeNull();
  });
});

describe('split and join', () => {
  it('round-trips every record, each item within the per-item quota', () => {
    fc.assert(
      fc.property(blobArb(40_000), (blob) => {
        const result = plan({}, blob);
        const items = run({}, result.steps);
        expect(same(readItems(items), blob)).toBe(true);
        for (const [key, value] of Object.entries(items)) {
          expect(itemBytes(key, value)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('fills chunks up to exactly the per-item quota', () => {
    const chunks = splitRecord(random(20_000, 1), 'abcdef01');
    const sizes = Object.entries(chunks).map(([key, value]) => itemBytes(key, value));
    expect(sizes.slice(0, -1).every((size) => size === QUOTA_BYTES_PER_ITEM)).toBe(true);
  });

  it('is absent with no manifest, incomplete when chunks are missing or do not hash right', () => {
    const blob = random(30_000, 2);
    const items = run({}, plan({}, blob).steps);
    expect(readItems({})).toBe('absent');
    expect(readItems({ 'other.key': 1 })).toBe('absent');
    expect(readItems({ [MANIFEST_KEY]: items[MANIFEST_KEY] })).toBe('incomplete');
    const chunkKeys = Object.keys(items).filter((k) => k !== MANIFEST_KEY);
    for (const key of chunkKeys) {
      const missing = { ...items };
      delete missing[key];
      expect(readItems(missing)).toBe('incomplete');
      const value = items[key] as string;
      const flipped = value.slice(0, 10) + (value[10] === '0' ? '1' : '0') + value.slice(11);
      expect(readItems({ ...items, [key]: flipped })).toBe('incomplete');
    }
    expect(readItems({ ...items, [MANIFEST_KEY]: 'garbage' })).toBe('incomplete');
    expect(readItems({ ...items, [MANIFEST_KEY]: 42 })).toBe('incomplete');
  });
});

describe('planWrite', () => {
  it('over quota: says how far over and plans nothing', () => {
    const big = random(90_000, 3);
    const result = planWrite({ 'settings.x': 'y'.repeat(100) }, big);
    expect(result.over).toBe(true);
    if (!result.over) return;
    const others = itemBytes('settings.x', 'y'.repeat(100));
    expect(result.bytesAllowed).toBe(QUOTA_BYTES - others);
    expect(result.overBy).toBe(result.bytesNeeded - result.bytesAllowed);
    expect(result.bytesNeeded).toBeGreaterThan(90_000 * 1.25);
    expect(result).not.toHaveProperty('steps');
  });

  it('keeps the old record while both fit, replaces it first when only the new one does', () => {
    const small = [random(10_000, 4), random(10_000, 5)] as const;
    const stored = run({}, plan({}, small[0]).steps);
    const next = plan(stored, small[1]);
    expect(next.mode).toBe('two-phase');
    expect(next.steps.map((s) => ('set' in s ? 'set' : 'remove'))).toEqual(['set', 'set', 'remove']);
    expect(Object.keys((next.steps[1] as { set: object }).set)).toEqual([MANIFEST_KEY]);

    const large = [random(60_000, 6), random(60_000, 7)] as const;
    const storedLarge = run({}, plan({}, large[0]).steps);
    const replace = plan(storedLarge, large[1]);
    expect(replace.mode).toBe('replace');
    expect(replace.peakBytes).toBeLessThanOrEqual(QUOTA_BYTES);
    expect(same(readItems(run(storedLarge, replace.steps)), large[1])).toBe(true);
  });

  it('never touches items that are not its own, and counts them', () => {
    const others = { 'device.a': { n: 1 }, 's1.unknown': 'kept' };
    const result = plan(others, random(5_000, 8));
    const after = run(others, result.steps);
    expect(after).toMatchObject(others);
    expect(result.bytesAfter).toBe(totalBytes(after));
  });

  it('writes nothing for the record already stored, and clears stray chunks', () => {
    const blob = random(12_000, 9);
    const stored = run({}, plan({}, blob).steps);
    expect(plan(stored, blob)).toMatchObject({ mode: 'unchanged', steps: [] });
    const stray = { ...stored, 's1.0123abcd.0': 'x' };
    expect(plan(stray, blob).steps).toEqual([{ remove: ['s1.0123abcd.0'] }]);
  });

  it('two-phase: every prefix of the writes reads as the old record or the new one, never a mix', () => {
    fc.assert(
      fc.property(blobArb(30_000), blobArb(30_000), fc.nat(), (a, b, cut) => {
        const stored = run({}, plan({}, a).steps);
        const next = plan(stored, b);
        const writes = itemWrites(next.steps);
        const seen = readItems(run(stored, writes.slice(0, cut % (writes.length + 1))));
        const allowed = next.mode === 'replace' ? ['incomplete'] : [];
        expect(same(seen, a) || same(seen, b) || allowed.includes(seen as string)).toBe(true);
        expect(same(readItems(run(stored, writes)), b)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('a reader given any subset of the new items, in any order, sees old, new or incomplete only', () => {
    fc.assert(
      fc.property(
        blobArb(30_000),
        blobArb(30_000),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (a, b, pick) => {
          const stored = run({}, plan({}, a).steps);
          const writes = itemWrites(plan(stored, b).steps);
          const delivered = writes.filter((_, i) => pick[i % pick.length]);
          const seen = readItems(run(stored, delivered));
          expect(same(seen, a) || same(seen, b) || seen === 'incomplete').toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('stays within the quota at every single write', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80_000 }), fc.integer({ min: 1, max: 80_000 }), (x, y) => {
        const stored = run({}, plan({}, random(x, x)).steps);
        const result = planWrite(stored, random(y, y + 1));
        if (result.over) return;
        let items: SyncItems = stored;
        for (const write of itemWrites(result.steps)) {
          items = applyStep(items, write);
          expect(totalBytes(items)).toBeLessThanOrEqual(QUOTA_BYTES);
        }
      }),
      { numRuns: 40 },
    );
  });
});
