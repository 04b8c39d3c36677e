/**
 * Decodes a located code: jsQR on just the code, cheapest pass first. Each later pass runs only when the ones
 * before it failed, and on the code's rectangle alone, so even all four stay within a few jsQR runs of a
 * 1080p crop.
 */
import { enlarge } from './enlarge';
import { cropGrey, type GreyImage } from './grey-image';
import { jsqrAttempt } from './jsqr-attempt';
import type { CodeLocation } from './locate-code';
import { sharpen } from './sharpen';
import { shrink } from './shrink';

/** A code is scaled down while its modules stay at least this large: jsQR reads 3 px modules as well as 6. */
export const MIN_MODULE_PX = 3;
/** Codes with smaller modules are also tried enlarged to ENLARGED_MODULE_PX. */
export const SMALL_MODULE_PX = 2.5;
export const ENLARGED_MODULE_PX = 4.5;
/** ...unless that makes more pixels than this (a spurious location on texture would cost seconds). */
export const ENLARGED_MAX_PIXELS = 512 * 512;
/** Unsharp-mask strength for the last pass (blurred codes). */
const SHARPEN = 2;

export function decodeRegion(grey: GreyImage, location: CodeLocation): string | null {
  const region = cropGrey(grey, location.rect);
  const { inverted } = location;
  const factor = Math.floor(location.modulePx / MIN_MODULE_PX);
  const base = factor >= 2 ? shrink(region, factor) : region;
  const first = jsqrAttempt(base, inverted);
  if (first !== null) return first;
  const enlargement = ENLARGED_MODULE_PX / location.modulePx;
  const enlargeable =
    location.modulePx < SMALL_MODULE_PX &&
    region.width * region.height * enlargement ** 2 <= ENLARGED_MAX_PIXELS;
  return (
    (factor >= 2 ? jsqrAttempt(region, inverted) : null) ??
    (enlargeable ? jsqrAttempt(enlarge(region, enlargement), inverted) : null) ??
    jsqrAttempt(sharpen(base, SHARPEN), inverted)
  );
}
