/**
 * Decodes the QR code in an RGBA image (a user's crop of a tab screenshot, an element's rectangle, a file).
 *
 * The image is contrast-stretched (washed-out pages); then our own finder-pattern scan, a few ms, says where
 * the code is, its polarity (dark mode), its module size and turn, and jsQR gets just the code, scaled to
 * about 3 px a module (decode-region.ts): a 4K-screen crop costs what a 1080p one does. When the best fit of
 * three finder patterns is a false one (texture, a screen photo's moiré), the next ones are tried; a place
 * whose pixels are texture is tried once, and only when the fit is near exact (a dense code at 1 px a
 * module looks like noise).
 *
 * A photo larger than SEARCH_PIXELS is searched scaled down (by 2 for 10 megapixels) and a code found there
 * is read from the photo's own pixels (full-size-region.ts), so small codes are not lost to the scaling.
 *
 * Only when that fails does jsQR search the whole image itself, scaled down to at most WHOLE_IMAGE_PIXELS,
 * only in a polarity where the scan confirmed three finder-like squares, and never on texture: its search
 * costs about 100 ms a megapixel for each polarity, more on text and seconds on noise-like texture, and the
 * scan tries several rectangles of a page that hold no code at all before the user drags one. See
 * qr-decoding.md.
 */
import { binarize, edgeShare } from './binarize';
import { contrastStretch } from './contrast-stretch';
import { decodeRegion } from './decode-region';
import { findFinderPatterns, type FinderPattern } from './finder-patterns';
import { decodeFullSize } from './full-size-region';
import { jsqrAttempt } from './jsqr-attempt';
import { MAX_PIXELS } from './limits';
import { locateCodes } from './locate-code';
import type { RgbaImage } from './rgba-image';
import { shrink } from './shrink';

/** Places tried, best fit first: the best fit may be a false one on texture or moiré. */
export const MAX_LOCATIONS = 3;
/** Larger images are searched scaled down by a whole factor to at most this many pixels. */
export const SEARCH_PIXELS = 2_600_000;
/** The whole-image search runs on at most this many pixels. */
export const WHOLE_IMAGE_PIXELS = 512 * 512;
/** An image whose edgeShare exceeds this is texture, where jsQR's search takes seconds and finds nothing. */
export const TEXTURE_EDGE_SHARE = 0.4;
/**
 * On texture, only a near-exact fit of three finder patterns is tried: a real code's fits within 0.05 (a
 * dense code at 1 px a module looks like noise to edgeShare), chance trios of noise rarely under 0.08.
 */
export const TEXTURE_MAX_FIT_ERROR = 0.06;

export { MAX_PIXELS };

/**
 * The polarities (false = dark on light) worth jsQR's own search: those where the scan confirmed three
 * finder-like squares, as a code has, that locateCode could not fit together (a strongly skewed photo, say).
 */
function searchPolarities(patterns: readonly FinderPattern[]): boolean[] {
  const confirmed = patterns.filter((p) => p.hits >= 2);
  return [false, true].filter((inverted) => confirmed.filter((p) => p.inverted === inverted).length >= 3);
}

export function decodeQr(image: RgbaImage): string | null {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS || data.length !== width * height * 4)
    return null;
  const scale = Math.ceil(Math.sqrt((width * height) / SEARCH_PIXELS));
  const grey = contrastStretch(image, scale);
  const bitmap = binarize(grey);
  const patterns = findFinderPatterns(bitmap);
  for (const location of locateCodes(patterns, grey.width, grey.height, MAX_LOCATIONS)) {
    const quick = edgeShare(bitmap, location.rect) > TEXTURE_EDGE_SHARE;
    if (quick && location.error > TEXTURE_MAX_FIT_ERROR) continue;
    const located =
      scale === 1 ? decodeRegion(grey, location, quick) : decodeFullSize(image, location, scale, quick);
    if (located !== null) return located;
  }
  if (edgeShare(bitmap) > TEXTURE_EDGE_SHARE) return null;
  const factor = Math.ceil(Math.sqrt((grey.width * grey.height) / WHOLE_IMAGE_PIXELS));
  const small = factor >= 2 ? shrink(grey, factor) : grey;
  for (const inverted of searchPolarities(patterns)) {
    const found = jsqrAttempt(small, inverted);
    if (found !== null) return found;
  }
  return null;
}
