import type { GreyImage } from './grey-image';
import type { Rect } from './rgba-image';

/** Thresholds are set per block of this many px square, from the 5×5 blocks around it (a 40 px window). */
const BLOCK = 8;
/** A block whose grey levels span no more than this is flat: all light or all dark. */
const FLAT_RANGE = 24;

/** 1 for a dark pixel, 0 for a light one, row by row. */
export interface Bitmap {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Which pixels of a grey image are dark, by local thresholds: the scheme jsQR (after ZXing's
 * hybrid binarizer) uses, so that our finder-pattern scan sees what jsQR will see, shading and grey codes on
 * high-contrast pages included.
 */
export function binarize(grey: GreyImage): Bitmap {
  const { width, height, data } = grey;
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const blackPoints = new Float32Array(columns * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let sum = 0;
      let min = 255;
      let max = 0;
      const y1 = Math.min(height, (by + 1) * BLOCK);
      const x1 = Math.min(width, (bx + 1) * BLOCK);
      for (let y = by * BLOCK; y < y1; y++) {
        for (let x = bx * BLOCK, i = y * width + x; x < x1; x++, i++) {
          const v = data[i]!;
          sum += v;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      let point = sum / ((y1 - by * BLOCK) * (x1 - bx * BLOCK));
      if (max - min <= FLAT_RANGE) {
        // flat: assume light background, unless the neighbours' black points say this block is darker
        point = min / 2;
        if (by > 0 && bx > 0) {
          const neighbours =
            (blackPoints[(by - 1) * columns + bx]! +
              2 * blackPoints[by * columns + bx - 1]! +
              blackPoints[(by - 1) * columns + bx - 1]!) /
            4;
          if (min < neighbours) point = neighbours;
        }
      }
      blackPoints[by * columns + bx] = point;
    }
  }
  const dark = new Uint8Array(width * height);
  for (let by = 0; by < rows; by++) {
    const top = Math.min(Math.max(by, 2), Math.max(2, rows - 3));
    for (let bx = 0; bx < columns; bx++) {
      const left = Math.min(Math.max(bx, 2), Math.max(2, columns - 3));
      let sum = 0;
      let count = 0;
      for (let y = top - 2; y <= top + 2; y++) {
        for (let x = left - 2; x <= left + 2; x++) {
          if (x < 0 || y < 0 || x >= columns || y >= rows) continue;
          sum += blackPoints[y * columns + x]!;
          count++;
        }
      }
      const threshold = sum / count;
      const y1 = Math.min(height, (by + 1) * BLOCK);
      const x1 = Math.min(width, (bx + 1) * BLOCK);
      for (let y = by * BLOCK; y < y1; y++) {
        for (let x = bx * BLOCK, p = y * width + x; x < x1; x++, p++) dark[p] = data[p]! <= threshold ? 1 : 0;
      }
    }
  }
  return { data: dark, width, height };
}

/**
 * The share of horizontally adjacent pixels that differ (within `rect`, or the whole bitmap): about 0.5 on
 * noise and fine texture (foliage, fabric, a screen photo's moiré), at most 0.2 on codes with modules of 2 px
 * or more, below 0.4 at 1.3 px.
 */
export function edgeShare(bitmap: Bitmap, rect?: Rect): number {
  const { data, width } = bitmap;
  const { x, y, width: w, height: h } = rect ?? { x: 0, y: 0, width, height: bitmap.height };
  let edges = 0;
  for (let row = y; row < y + h; row++) {
    for (let p = row * width + x + 1, end = row * width + x + w; p < end; p++)
      edges += data[p]! ^ data[p - 1]!;
  }
  return edges / Math.max(1, h * (w - 1));
}
