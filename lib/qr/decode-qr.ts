/**
 * Decodes the QR code in an RGBA image (a user's crop of a tab screenshot, an element's rectangle, a file).
 *
 * The image is contrast-stretched (washed-out pages); then our own finder-pattern scan, a few ms, says where
 * the code is, its polarity (dark mode) and its module size, and jsQR gets just the code, scaled to about 3
 * px a module (decode-region.ts): a 4K-screen crop costs what a 1080p one does.
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
import { jsqrAttempt } from './jsqr-attempt';
import { locateCode } from './locate-code';
import type { RgbaImage } from './rgba-image';
import { shrink } from './shrink';

/** The whole-image search runs on at most this many pixels. */
export const WHOLE_IMAGE_PIXELS = 512 * 512;
/** An image whose edgeShare exceeds this is texture, where jsQR's search takes seconds and finds nothing. */
export const TEXTURE_EDGE_SHARE = 0.4;
import { MAX_PIXELS } from './limits';

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
  const grey = contrastStretch(image);
  const bitmap = binarize(grey);
  const patterns = findFinderPatterns(bitmap);
  const location = locateCode(patterns, width, height);
  const located = location ? decodeRegion(grey, location) : null;
  if (located !== null || edgeShare(bitmap) > TEXTURE_EDGE_SHARE) return located;
  const factor = Math.ceil(Math.sqrt((width * height) / WHOLE_IMAGE_PIXELS));
  const small = factor >= 2 ? shrink(grey, factor) : grey;
  for (const inverted of searchPolarities(patterns)) {
    const found = jsqrAttempt(small, inverted);
    if (found !== null) return found;
  }
  return null;
}
