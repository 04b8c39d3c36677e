/**
 * Decodes a located code: jsQR on just the code, cheapest pass first. Each later pass runs only when the ones
 * before it failed, and on the code's rectangle alone, so even all four stay within a few jsQR runs of a
 * 1080p crop.
 */
import { enlarge } from './enlarge';
import { cropGrey, padGrey, type GreyImage } from './grey-image';
import { jsqrAttempt } from './jsqr-attempt';
import type { CodeLocation } from './locate-code';
import { sharpen } from './sharpen';
import { shrink } from './shrink';

/** A code is scaled down while its modules stay at least this large: jsQR reads 3 px modules as well as 6. */
export const MIN_MODULE_PX = 3;
/** Codes with smaller modules are also tried enlarged to ENLARGED_MODULE_PX. */
export const SMALL_MODULE_PX = 2.5;
export const ENLARGED_MODULE_PX = 4.5;
/** A code turned further than this (radians, ~9°) is also tried enlarged when its modules are under ENLARGED_MODULE_PX: jsQR's row scan misses the finder patterns of small turned codes. */
export const TURNED = 0.15;
/** ...unless that makes more pixels than this (a spurious location on texture would cost seconds). */
export const ENLARGED_MAX_PIXELS = 512 * 512;
/** Unsharp-mask strength for the last pass (blurred codes). */
const SHARPEN = 2;
/** The quiet zone given to a tightly cropped code, in modules. */
const QUIET_MODULES = 3;

/**
 * Just the code, in a light border of its own: for a code on dark ground (a label on a shirt) or cropped
 * without its quiet zone, where the ground around the code confuses jsQR's thresholds and finder scan.
 */
function tightlyCropped(grey: GreyImage, location: CodeLocation, factor: number): GreyImage {
  const tight = cropGrey(grey, location.tight);
  const scaled = factor >= 2 ? shrink(tight, factor) : tight;
  const quiet = Math.ceil((QUIET_MODULES * location.modulePx) / Math.max(1, factor));
  return padGrey(scaled, quiet, location.inverted ? 0 : 255);
}

/**
 * `quick`: the first pass only, for a place whose pixels look like texture — noise, or a dense code at 1 px
 * a module, which jsQR reads as it is; the later passes would cost 100 ms each on noise.
 */
export function decodeRegion(grey: GreyImage, location: CodeLocation, quick = false): string | null {
  const region = cropGrey(grey, location.rect);
  const { inverted } = location;
  const factor = Math.floor(location.modulePx / MIN_MODULE_PX);
  const base = factor >= 2 ? shrink(region, factor) : region;
  const first = jsqrAttempt(base, inverted);
  if (first !== null || quick) return first;
  const enlargement = ENLARGED_MODULE_PX / location.modulePx;
  const small =
    location.modulePx < SMALL_MODULE_PX ||
    (Math.abs(location.angle) > TURNED && location.modulePx < ENLARGED_MODULE_PX);
  const enlargeable = small && region.width * region.height * enlargement ** 2 <= ENLARGED_MAX_PIXELS;
  return (
    (factor >= 2 ? jsqrAttempt(region, inverted) : null) ??
    (enlargeable ? jsqrAttempt(enlarge(region, enlargement), inverted) : null) ??
    jsqrAttempt(sharpen(base, SHARPEN), inverted) ??
    jsqrAttempt(tightlyCropped(grey, location, factor), inverted)
  );
}
