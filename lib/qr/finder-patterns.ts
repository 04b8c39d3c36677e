/**
 * Finds QR finder patterns (the three 7×7-module corner squares, dark:light:dark:light:dark = 1:1:3:1:1
 * across the centre) in a binarized image, in either polarity. A tight scan over typed arrays: a few ms for a
 * megapixel, so the decoder can learn where the code is and how large its modules are before it runs jsQR,
 * whose own search costs about 100 ms a megapixel.
 */
import type { Bitmap } from './binarize';

export interface FinderPattern {
  /** Centre, in image px. */
  x: number;
  y: number;
  modulePx: number;
  /** Light modules on dark (dark mode). */
  inverted: boolean;
  /** Rows on which the pattern was confirmed: spurious matches in text rarely reach 2. */
  hits: number;
  /**
   * Of those, the rows where the diagonal through the centre also reads 1:1:3:1:1 (any line through the
   * centre of nested squares does, whatever the turn): stripes and a screen photo's moiré rarely do.
   */
  diagonal: number;
}

/** How far a run may stray from its expected length, as a fraction of a module (resampled edges vary). */
const TOLERANCE = 0.7;

function matchesRatio(r0: number, r1: number, r2: number, r3: number, r4: number): boolean {
  const total = r0 + r1 + r2 + r3 + r4;
  if (total < 7) return false;
  const module = total / 7;
  const slack = module * TOLERANCE;
  return (
    Math.abs(r0 - module) < slack &&
    Math.abs(r1 - module) < slack &&
    Math.abs(r2 - 3 * module) < 3 * slack &&
    Math.abs(r3 - module) < slack &&
    Math.abs(r4 - module) < slack
  );
}

const matchesRuns = (runs: number[]) => matchesRatio(runs[0]!, runs[1]!, runs[2]!, runs[3]!, runs[4]!);

/**
 * Walks from (x, y) by (dx, dy) through three runs: the centre colour, the other, the centre colour again.
 * Returns their lengths (the first counts the start pixel), or null when a run exceeds `limit`.
 */
function walk(
  { data: dark, width, height }: Bitmap,
  x: number,
  y: number,
  dx: number,
  dy: number,
  limit: number,
): [number, number, number] | null {
  const centre = dark[y * width + x]!;
  const runs: [number, number, number] = [0, 0, 0];
  let run = 0;
  while (x >= 0 && y >= 0 && x < width && y < height) {
    const expected = run === 1 ? 1 - centre : centre;
    if (dark[y * width + x] !== expected) {
      if (++run === 3) break;
      continue;
    }
    if (++runs[run]! > limit) return null;
    x += dx;
    y += dy;
  }
  return runs[2] > 0 ? runs : null;
}

/** Runs through (x, y) along (dx, dy) both ways: [outer, gap, centre, gap, outer], and how far back it starts. */
function runsThrough(
  bitmap: Bitmap,
  x: number,
  y: number,
  dx: number,
  dy: number,
  limit: number,
): { runs: number[]; back: number; ahead: number } | null {
  const back = walk(bitmap, x, y, -dx, -dy, limit);
  const ahead = walk(bitmap, x, y, dx, dy, limit);
  if (!back || !ahead) return null;
  return {
    runs: [back[2], back[1], back[0] + ahead[0] - 1, ahead[1], ahead[2]],
    back: back[0],
    ahead: ahead[0],
  };
}

/** Runs through (x, y) along one axis: [outer, gap, centre, gap, outer] and the centre run's middle. */
function cross(
  bitmap: Bitmap,
  x: number,
  y: number,
  vertical: boolean,
  limit: number,
): { runs: number[]; middle: number } | null {
  const through = runsThrough(bitmap, x, y, vertical ? 0 : 1, vertical ? 1 : 0, limit);
  if (!through) return null;
  const at = vertical ? y : x;
  return { runs: through.runs, middle: (at - through.back + 1 + at + through.ahead - 1) / 2 };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

interface Tracked extends FinderPattern {
  lastRow: number;
}

/** Every finder-pattern-like spot, merged across the rows that hit it. */
export function findFinderPatterns(bitmap: Bitmap): FinderPattern[] {
  const { width, height, data: dark } = bitmap;
  const found: Tracked[] = [];
  // spots hit on recent rows: a new hit can only belong to one of these (keeps noisy images linear)
  let active: Tracked[] = [];

  const confirm = (rowX: number, rowY: number, rowTotal: number) => {
    const vertical = cross(bitmap, Math.floor(rowX), rowY, true, rowTotal);
    if (!vertical || !matchesRuns(vertical.runs)) return;
    const verticalTotal = sum(vertical.runs);
    if (Math.abs(verticalTotal - rowTotal) > rowTotal / 2) return;
    const y = vertical.middle;
    const horizontal = cross(bitmap, Math.floor(rowX), Math.floor(y), false, rowTotal);
    if (!horizontal || !matchesRuns(horizontal.runs)) return;
    const x = horizontal.middle;
    const modulePx = (sum(horizontal.runs) + verticalTotal) / 14;
    const inverted = dark[Math.floor(y) * width + Math.floor(x)] === 0;
    const diagonal = runsThrough(bitmap, Math.floor(x), Math.floor(y), 1, 1, rowTotal);
    const onDiagonal = diagonal !== null && matchesRuns(diagonal.runs) ? 1 : 0;
    const same = active.find(
      (f) =>
        f.inverted === inverted &&
        Math.abs(f.x - x) <= f.modulePx &&
        Math.abs(f.y - y) <= f.modulePx &&
        Math.abs(f.modulePx - modulePx) <= f.modulePx / 2,
    );
    if (!same) {
      const spot = { x, y, modulePx, inverted, hits: 1, diagonal: onDiagonal, lastRow: rowY };
      found.push(spot);
      active.push(spot);
      return;
    }
    const weight = same.hits;
    same.x = (same.x * weight + x) / (weight + 1);
    same.y = (same.y * weight + y) / (weight + 1);
    same.modulePx = (same.modulePx * weight + modulePx) / (weight + 1);
    same.hits++;
    same.diagonal += onDiagonal;
    same.lastRow = rowY;
  };

  const runs = new Int32Array(5);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let seen = 0;
    let start = 0;
    for (let x = 1; x <= width; x++) {
      if (x < width && dark[row + x] === dark[row + x - 1]) continue;
      runs.copyWithin(0, 1);
      runs[4] = x - start;
      start = x;
      // a run that starts at the image edge counts as whole: a code cropped without its quiet zone still
      // shows
      if (++seen < 5) continue;
      if (matchesRatio(runs[0]!, runs[1]!, runs[2]!, runs[3]!, runs[4]!))
        confirm(
          x - runs[4]! - runs[3]! - runs[2]! / 2,
          y,
          runs[0]! + runs[1]! + runs[2]! + runs[3]! + runs[4]!,
        );
    }
    // a centre square spans 3 modules of rows; a row or two may miss it (blended edges)
    active = active.filter((f) => y - f.lastRow <= Math.max(2, f.modulePx));
  }
  return found.map(({ x, y, modulePx, inverted, hits, diagonal }) => ({
    x,
    y,
    modulePx,
    inverted,
    hits,
    diagonal,
  }));
}
