/**
 * Picks the three finder patterns that form a QR code's corners — similar module sizes, two equal sides at a
 * right angle (loosely: phone photos are skewed) — and returns the rectangle around the code and its module
 * size, so the decoder can hand jsQR only the code, scaled down to a few pixels a module.
 */
import type { FinderPattern } from './finder-patterns';
import type { Rect } from './rgba-image';

export interface CodeLocation {
  /** The code with its quiet zone, clamped to the image. */
  rect: Rect;
  modulePx: number;
  /** Light modules on dark. */
  inverted: boolean;
}

/** Candidates considered, most often confirmed first: text on the page adds spurious ones. */
const MAX_CANDIDATES = 16;
/** Finder centres of the smallest code (version 1) are 14 modules apart, of the largest (version 40) 170. */
const MIN_SPAN_MODULES = 12;
const MAX_SPAN_MODULES = 180;
/** Around the finder centres: 3.5 modules to the code's edge, then most of the quiet zone. */
const MARGIN_MODULES = 7;

interface Corner {
  x: number;
  y: number;
}

/** How far A, B, C are from a square's top-left, top-right and bottom-left corners (0: exactly); null if far. */
function squareError(a: Corner, b: Corner, c: Corner, modulePx: number): number | null {
  const ux = b.x - a.x;
  const uy = b.y - a.y;
  const vx = c.x - a.x;
  const vy = c.y - a.y;
  const lu = Math.hypot(ux, uy);
  const lv = Math.hypot(vx, vy);
  const span = (lu + lv) / 2 / modulePx;
  if (span < MIN_SPAN_MODULES || span > MAX_SPAN_MODULES) return null;
  const sides = Math.max(lu, lv) / Math.min(lu, lv) - 1;
  const cos = Math.abs(ux * vx + uy * vy) / (lu * lv);
  if (sides > 0.5 || cos > 0.35) return null;
  return sides + cos;
}

export function locateCode(
  patterns: readonly FinderPattern[],
  width: number,
  height: number,
): CodeLocation | null {
  const candidates = patterns
    .filter((p) => p.hits >= 2)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, MAX_CANDIDATES);
  let best: { error: number; corners: [FinderPattern, FinderPattern, FinderPattern] } | null = null;
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      for (let k = j + 1; k < candidates.length; k++) {
        const trio = [candidates[i]!, candidates[j]!, candidates[k]!] as const;
        if (trio.some((p) => p.inverted !== trio[0].inverted)) continue;
        const sizes = trio.map((p) => p.modulePx);
        const modulePx = (sizes[0]! + sizes[1]! + sizes[2]!) / 3;
        const sizeSpread = (Math.max(...sizes) - Math.min(...sizes)) / modulePx;
        if (sizeSpread > 0.5) continue;
        for (let corner = 0; corner < 3; corner++) {
          const a = trio[corner]!;
          const b = trio[(corner + 1) % 3]!;
          const c = trio[(corner + 2) % 3]!;
          const shape = squareError(a, b, c, modulePx);
          if (shape === null) continue;
          const error = shape + sizeSpread;
          if (!best || error < best.error) best = { error, corners: [a, b, c] };
        }
      }
    }
  }
  if (!best) return null;
  const [a, b, c] = best.corners;
  const modulePx = (a.modulePx + b.modulePx + c.modulePx) / 3;
  const d = { x: b.x + c.x - a.x, y: b.y + c.y - a.y };
  const xs = [a.x, b.x, c.x, d.x];
  const ys = [a.y, b.y, c.y, d.y];
  const margin = MARGIN_MODULES * modulePx;
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const x1 = Math.min(width, Math.ceil(Math.max(...xs) + margin));
  const y1 = Math.min(height, Math.ceil(Math.max(...ys) + margin));
  return { rect: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, modulePx, inverted: a.inverted };
}
