/**
 * A large photo is searched at a fraction of its pixels (decode-qr.ts); a code found there is read from the
 * photo's own pixels, so a small code keeps every pixel it has: a code of 3 px modules in a 10-megapixel
 * photo is found at 1.5 px a module and decoded at 3.
 */
import { contrastStretch } from './contrast-stretch';
import { crop } from './crop';
import { decodeRegion } from './decode-region';
import type { CodeLocation } from './locate-code';
import type { Rect, RgbaImage } from './rgba-image';

/** `rect` of the searched image in the photo's pixels, relative to `origin` and clamped to `bounds`. */
function scaleRect(rect: Rect, factor: number, origin: Rect): Rect {
  const x0 = Math.max(0, rect.x * factor - origin.x);
  const y0 = Math.max(0, rect.y * factor - origin.y);
  const x1 = Math.min(origin.width, (rect.x + rect.width) * factor - origin.x);
  const y1 = Math.min(origin.height, (rect.y + rect.height) * factor - origin.y);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** Decodes a code located in `image` scaled down by `factor`, from the full-size pixels around it. */
export function decodeFullSize(
  image: RgbaImage,
  location: CodeLocation,
  factor: number,
  quick: boolean,
): string | null {
  const whole = { x: 0, y: 0, width: image.width, height: image.height };
  const rect = scaleRect(location.rect, factor, whole);
  const grey = contrastStretch(crop(image, rect));
  return decodeRegion(
    grey,
    {
      ...location,
      rect: { x: 0, y: 0, width: grey.width, height: grey.height },
      tight: scaleRect(location.tight, factor, rect),
      modulePx: location.modulePx * factor,
    },
    quick,
  );
}
