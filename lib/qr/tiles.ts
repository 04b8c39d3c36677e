/**
 * The tiles a large photo is read in, when the photo as a whole held no code (components/read-qr-image.ts).
 *
 * decodeQr searches a large image scaled down (SEARCH_PIXELS) and the page hands it at most MAX_PIXELS, so
 * a small code in a phone photo is lost: in 48 megapixels a code of 3 px modules is searched at 0.6 px a
 * module, in 12 megapixels at 1 px. A tile of TILE_SIZE² pixels is searched at half size at most (1.5 px a
 * module for that code, which decodeQr finds and then reads at full size). Tiles overlap by TILE_OVERLAP, so
 * a code up to that size lies whole in one tile: the whole-image pass finds codes of more than about 7 px a
 * module, and a transfer code of ten accounts (97 modules) at 7 px is 680 px.
 */
import type { Rect } from './rgba-image';

/** The side of a tile: 10.24 megapixels, searched by decodeQr at half size (SEARCH_PIXELS × 4 ≥ it). */
export const TILE_SIZE = 3200;
/** Neighbouring tiles share this many pixels: any code up to this size lies whole in one tile. */
export const TILE_OVERLAP = 800;

/** Whether an image is large enough that its whole-image pass can lose a small code (more than one tile). */
export function needsTiles(width: number, height: number, tile = TILE_SIZE): boolean {
  return width * height > tile * tile;
}

/** Where the tiles start along one side: evenly spread, each step at most `tile - overlap`. */
function starts(length: number, tile: number, overlap: number): number[] {
  if (length <= tile) return [0];
  const count = Math.ceil((length - overlap) / (tile - overlap));
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - tile)) / (count - 1)));
}

/**
 * The tiles covering a `width`×`height` image: each at most `tile` square, neighbours overlapping by at least
 * `overlap` (so every `overlap`-square of the image lies whole in some tile), the ones nearest the centre
 * first (a photo is usually taken with the code near its middle).
 */
export function tileRects(width: number, height: number, tile = TILE_SIZE, overlap = TILE_OVERLAP): Rect[] {
  if (width <= 0 || height <= 0) return [];
  if (overlap >= tile) throw new RangeError('The overlap must be smaller than the tile.');
  const w = Math.min(tile, width);
  const h = Math.min(tile, height);
  const rects = starts(height, tile, overlap).flatMap((y) =>
    starts(width, tile, overlap).map((x) => ({ x, y, width: w, height: h })),
  );
  const distance = (r: Rect) => Math.hypot(r.x + r.width / 2 - width / 2, r.y + r.height / 2 - height / 2);
  return rects
    .map((rect, order) => ({ rect, order, d: distance(rect) }))
    .sort((a, b) => a.d - b.d || a.order - b.order)
    .map((t) => t.rect);
}
