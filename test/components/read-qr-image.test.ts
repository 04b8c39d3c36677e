/**
 * Finding the code of a large photo (components/read-qr-image.ts): the whole image first, then full-size
 * tiles, centre first, until one holds a code, within a tile and time budget. A 12-megapixel phone photo
 * with a code of 3 px modules is lost by the whole-image pass and read from a tile.
 */
import { describe, expect, it } from 'vitest';
import { openedPixels } from '@/components/image-to-rgba';
import { findQrCode, MAX_TILES, type TileProgress } from '@/components/read-qr-image';
import { decodeQr } from '@/lib/qr/decode-qr';
import type { RgbaImage } from '@/lib/qr/rgba-image';
import { drawQr } from '../support/qr-images';
import { paste, photo } from '../support/qr-photos';

const TEXT = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** A 4000×3000 phone photo with a code of 3 px modules near its bottom right corner. */
const PHOTO = paste(photo(4000, 3000, 5), drawQr(TEXT, { modulePx: 3, margin: 0 }), 3700, 2750);

describe('findQrCode', () => {
  it('a 12-megapixel photo with a small code: lost as a whole, read from a full-size tile', async () => {
    expect(decodeQr(PHOTO)).toBeNull();
    const progress: TileProgress[] = [];
    const pauses: number[] = [];
    const text = await findQrCode(openedPixels(PHOTO), {
      decode: decodeQr,
      onProgress: (p) => progress.push(p),
      pause: async () => void pauses.push(progress.length),
    });
    expect(text).toBe(TEXT);
    // Two tiles (0–3200 and 800–4000): the code at x 3700 is only in the second.
    expect(progress).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
    ]);
    expect(pauses).toEqual([1, 2]); // the page paints after each progress, before the tile's work
  });

  it('stops at the first tile that holds a code', async () => {
    const decoded: RgbaImage[] = [];
    const text = await findQrCode(openedPixels(PHOTO), {
      decode: (image) => (decoded.push(image), decoded.length === 2 ? 'found' : null),
      tile: 1000,
      overlap: 200,
    });
    expect(text).toBe('found');
    expect(decoded).toHaveLength(2); // the whole image, then the first tile
    expect(decoded[1]).toMatchObject({ width: 1000, height: 1000 });
  });

  it('an image within one tile is decoded once, whole', async () => {
    const small = photo(800, 600, 2);
    let calls = 0;
    const text = await findQrCode(openedPixels(small), { decode: () => (calls++, null) });
    expect(text).toBeNull();
    expect(calls).toBe(1);
  });

  it('keeps to its budgets: at most MAX_TILES tiles, none started after the time budget', async () => {
    let calls = 0;
    const decode = () => (calls++, null);
    await findQrCode(openedPixels(PHOTO), { decode, tile: 256, overlap: 32 });
    expect(calls).toBe(1 + MAX_TILES);

    calls = 0;
    let clock = 0;
    await findQrCode(openedPixels(PHOTO), {
      decode: () => ((clock += 400), calls++, null),
      now: () => clock,
      tile: 256,
      overlap: 32,
      budgetMs: 1000,
    });
    // The whole image (before the clock starts), then tiles until more than a second has passed: 3 tiles.
    expect(calls).toBe(1 + 3);
  });
});
