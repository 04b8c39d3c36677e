/** The tiles a large photo is read in (lib/qr/tiles.ts): inside the image, overlapping, centre first. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect } from '@/lib/qr/rgba-image';
import { needsTiles, TILE_OVERLAP, TILE_SIZE, tileRects } from '@/lib/qr/tiles';

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe('tileRects', () => {
  it('a 48-megapixel photo (8000×6000): 3 × 3 tiles of 3200, the central one first', () => {
    const tiles = tileRects(8000, 6000);
    expect(tiles).toHaveLength(9);
    expect(tiles[0]).toEqual({ x: 2400, y: 1400, width: 3200, height: 3200 });
    expect(new Set(tiles.map((t) => t.x))).toEqual(new Set([0, 2400, 4800]));
    expect(new Set(tiles.map((t) => t.y))).toEqual(new Set([0, 1400, 2800]));
    // The corners come last.
    expect(tiles.slice(5).every((t) => t.x !== 2400 && t.y !== 1400)).toBe(true);
  });

  it('a 12-megapixel photo (4000×3000): two tiles as high as the photo', () => {
    expect(tileRects(4000, 3000)).toEqual([
      { x: 0, y: 0, width: 3200, height: 3000 },
      { x: 800, y: 0, width: 3200, height: 3000 },
    ]);
  });

  it('an image within one tile is that one tile; an empty image has none', () => {
    expect(tileRects(1920, 1080)).toEqual([{ x: 0, y: 0, width: 1920, height: 1080 }]);
    expect(tileRects(0, 100)).toEqual([]);
    expect(() => tileRects(100, 100, 64, 64)).toThrow(RangeError);
  });

  it('tiles lie in the image, no larger than a tile, and every overlap-square lies whole in one of them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 512, max: 4096 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (width, height, tile, share, fx, fy) => {
          const overlap = Math.floor(tile * share);
          const tiles = tileRects(width, height, tile, overlap);
          const image = { x: 0, y: 0, width, height };
          for (const t of tiles) {
            expect(inside(t, image)).toBe(true);
            expect(t.width).toBe(Math.min(tile, width));
            expect(t.height).toBe(Math.min(tile, height));
          }
          // A code of `overlap` px (or the whole side, when shorter) anywhere in the image.
          const w = Math.min(overlap, width);
          const h = Math.min(overlap, height);
          const code = {
            x: Math.floor(fx * (width - w)),
            y: Math.floor(fy * (height - h)),
            width: w,
            height: h,
          };
          expect(tiles.some((t) => inside(code, t))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tiles are spread evenly: never more than needed for the overlap', () => {
    // 3200 + 2 × 2400 = 8000: three tiles along 8000, four along 8001.
    expect(new Set(tileRects(8000, 100).map((t) => t.x)).size).toBe(3);
    expect(new Set(tileRects(8001, 100).map((t) => t.x)).size).toBe(4);
    expect(TILE_SIZE - TILE_OVERLAP).toBe(2400);
  });
});

describe('needsTiles', () => {
  it('only images larger than one tile', () => {
    expect(needsTiles(3200, 3200)).toBe(false);
    expect(needsTiles(4000, 3000)).toBe(true);
    expect(needsTiles(8000, 6000)).toBe(true);
    expect(needsTiles(1920, 1080)).toBe(false);
  });
});
