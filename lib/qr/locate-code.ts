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
  /** The code with a module of its quiet zone at most, clamped to the image: for codes on dark ground. */
  tight: Rect;
  modulePx: number;
  /** Light modules on dark. */
  inverted: boolean;
  /** How far the code is turned from upright, in radians, within ±π/4. */
  angle: number;
  /** How far the three finder patterns are from a square's corners and from one size (0: exactly). */
  error: number;
}

/**
 * Candidates considered: those confirmed on the diagonal most often first, then on the most rows. Text on a
 * page and the moiré of a photographed screen add hundreds of spurious ones, which rarely pass the diagonal.
 */
const MAX_CANDIDATES = 24;
/** Finder centres of the smallest code (version 1) are 14 modules apart, of the largest (version 40) 170. */
const MIN_SPAN_MODULES = 12;
const MAX_SPAN_MODULES = 180;
/** Around the finder centres: 3.5 modules to the code's edge, then most of the quiet zone. */
const MARGIN_MODULES = 7;
/** ...or just the code and a module (skew and a turn make corners stray). */
const TIGHT_MARGIN_MODULES = 4.5;

interface Corner {
  x: number;
  y: number;
}

/** The code's turn from upright, within ±π/4, from the direction of one side. */
function turn(from: Corner, to: Corner): number {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  return angle - (Math.PI / 2) * Math.round(angle / (Math.PI / 2));
}

/**
 * The module size of a code turned by `angle`: the finder scan measures runs along rows and columns, which
 * cross a turned square on a longer chord (by 1 / cos of the turn: 35 % at 40°).
 */
export function uprightModulePx(measured: number, angle: number): number {
  return measured * Math.cos(angle);
}

/** How far A, B, C are from a square's top-left, top-right and bottom-left corners (0: exactly); null if far. */
function squareError(a: Corner, b: Corner, c: Corner, measuredPx: number): number | null {
  const ux = b.x - a.x;
  const uy = b.y - a.y;
  const vx = c.x - a.x;
  const vy = c.y - a.y;
  const lu = Math.hypot(ux, uy);
  const lv = Math.hypot(vx, vy);
  const span = (lu + lv) / 2 / uprightModulePx(measuredPx, turn(a, b));
  if (span < MIN_SPAN_MODULES || span > MAX_SPAN_MODULES) return null;
  const sides = Math.max(lu, lv) / Math.min(lu, lv) - 1;
  const cos = Math.abs(ux * vx + uy * vy) / (lu * lv);
  if (sides > 0.5 || cos > 0.35) return null;
  return sides + cos;
}

const byQuality = (a: FinderPattern, b: FinderPattern) => b.diagonal - a.diagonal || b.hits - a.hits;

interface Trio {
  error: number;
  corners: [FinderPattern, FinderPattern, FinderPattern];
}

/** Every trio of candidates that could be a code's corners, best fit first. */
function fitTrios(candidates: readonly FinderPattern[]): Trio[] {
  const trios: Trio[] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      for (let k = j + 1; k < candidates.length; k++) {
        const trio = [candidates[i]!, candidates[j]!, candidates[k]!] as const;
        if (trio.some((p) => p.inverted !== trio[0].inverted)) continue;
        const sizes = trio.map((p) => p.modulePx);
        const modulePx = (sizes[0]! + sizes[1]! + sizes[2]!) / 3;
        const sizeSpread = (Math.max(...sizes) - Math.min(...sizes)) / modulePx;
        if (sizeSpread > 0.5) continue;
        let best: Trio | null = null;
        for (let corner = 0; corner < 3; corner++) {
          const a = trio[corner]!;
          const b = trio[(corner + 1) % 3]!;
          const c = trio[(corner + 2) % 3]!;
          const shape = squareError(a, b, c, modulePx);
          if (shape === null) continue;
          const error = shape + sizeSpread;
          if (!best || error < best.error) best = { error, corners: [a, b, c] };
        }
        if (best) trios.push(best);
      }
    }
  }
  return trios.sort((a, b) => a.error - b.error);
}

function locationOf(trio: Trio, width: number, height: number): CodeLocation {
  const [a, b, c] = trio.corners;
  const angle = turn(a, b);
  const modulePx = uprightModulePx((a.modulePx + b.modulePx + c.modulePx) / 3, angle);
  const d = { x: b.x + c.x - a.x, y: b.y + c.y - a.y };
  const xs = [a.x, b.x, c.x, d.x];
  const ys = [a.y, b.y, c.y, d.y];
  const around = (modules: number): Rect => {
    const margin = modules * modulePx;
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
    const x1 = Math.min(width, Math.ceil(Math.max(...xs) + margin));
    const y1 = Math.min(height, Math.ceil(Math.max(...ys) + margin));
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  };
  return {
    rect: around(MARGIN_MODULES),
    tight: around(TIGHT_MARGIN_MODULES),
    modulePx,
    inverted: a.inverted,
    angle,
    error: trio.error,
  };
}

/**
 * Up to `max` places where a code may be, best fit first, no two sharing a finder pattern: when the best fit
 * is a false one (texture, moiré), the next may be the code.
 */
export function locateCodes(
  patterns: readonly FinderPattern[],
  width: number,
  height: number,
  max: number,
): CodeLocation[] {
  const candidates = patterns
    .filter((p) => p.hits >= 2)
    .sort(byQuality)
    .slice(0, MAX_CANDIDATES);
  const used = new Set<FinderPattern>();
  const locations: CodeLocation[] = [];
  for (const trio of fitTrios(candidates)) {
    if (locations.length >= max) break;
    if (trio.corners.some((p) => used.has(p))) continue;
    for (const p of trio.corners) used.add(p);
    locations.push(locationOf(trio, width, height));
  }
  return locations;
}

export function locateCode(
  patterns: readonly FinderPattern[],
  width: number,
  height: number,
): CodeLocation | null {
  return locateCodes(patterns, width, height, 1)[0] ?? null;
}
