/**
 * Finding the QR code of an image file for "Add from image": the whole image first; when that holds no code
 * and the image is a large photo, its full-size tiles one by one (lib/qr/tiles.ts), centre first, until one
 * holds a code. Between tiles the page paints (progress) and stays responsive; the work is bounded by
 * MAX_TILES and TILE_BUDGET_MS, after which the photo counts as holding no readable code.
 */
import type { RgbaImage } from '@/lib/qr/rgba-image';
import { needsTiles, tileRects } from '@/lib/qr/tiles';
import type { OpenedImage } from './image-to-rgba';

/** At most this many tiles are read (the central ones): 20 cover a 108-megapixel photo. */
export const MAX_TILES = 24;
/** No tile is started after this long in the tiles (each costs about 0.2–0.4 s). */
export const TILE_BUDGET_MS = 20_000;

/** How far the tiles have come: `done` of `total` read. */
export interface TileProgress {
  done: number;
  total: number;
}

export interface FindQrOptions {
  decode: (image: RgbaImage) => string | null;
  /** Before each tile: the page shows how far the reading has come. */
  onProgress?: (progress: TileProgress) => void;
  /** Resolves once the page has painted (and handled input) since the last tile. */
  pause?: () => Promise<void>;
  now?: () => number;
  maxTiles?: number;
  budgetMs?: number;
  tile?: number;
  overlap?: number;
}

export async function findQrCode(image: OpenedImage, options: FindQrOptions): Promise<string | null> {
  const { decode, onProgress, pause = () => Promise.resolve(), now = () => performance.now() } = options;
  const found = decode(image.whole());
  if (found !== null || !needsTiles(image.width, image.height, options.tile)) return found;
  const tiles = tileRects(image.width, image.height, options.tile, options.overlap).slice(
    0,
    options.maxTiles ?? MAX_TILES,
  );
  const started = now();
  for (const [done, rect] of tiles.entries()) {
    if (now() - started > (options.budgetMs ?? TILE_BUDGET_MS)) break;
    onProgress?.({ done, total: tiles.length });
    await pause();
    const text = decode(image.region(rect));
    if (text !== null) return text;
  }
  return null;
}
