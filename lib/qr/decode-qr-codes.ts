/**
 * Every QR code in a selection, not just the first: a rectangle dragged over two codes must not silently
 * enrol whichever jsQR happens to read (security-bar.md: "two QR codes in one region"). After a code is
 * read, the finder patterns inside it are set aside and the rest are fitted again — no new pixel scan, so a
 * selection with one code costs what decodeQr does.
 */
import { binarize } from './binarize';
import { contrastStretch } from './contrast-stretch';
import { decodeQr, MAX_PIXELS } from './decode-qr';
import { decodeRegion } from './decode-region';
import { findFinderPatterns, type FinderPattern } from './finder-patterns';
import { locateCode } from './locate-code';
import type { Rect, RgbaImage } from './rgba-image';

/** Enough to tell "one" from "several". */
const MAX_CODES = 4;

const inside = (p: FinderPattern, r: Rect) =>
  p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** The distinct texts of the QR codes in the image, in the order found (empty when none). */
export function decodeQrCodes(image: RgbaImage): string[] {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS || data.length !== width * height * 4)
    return [];
  const grey = contrastStretch(image);
  let patterns = findFinderPatterns(binarize(grey));
  const texts: string[] = [];
  for (let i = 0; i < MAX_CODES; i++) {
    const location = locateCode(patterns, width, height);
    if (!location) break;
    const text = decodeRegion(grey, location);
    if (text !== null && !texts.includes(text)) texts.push(text);
    patterns = patterns.filter((p) => !inside(p, location.rect));
  }
  if (texts.length > 0) return texts;
  // Nothing located: decodeQr's bounded whole-image search (a skewed photo) finds at most one.
  const single = decodeQr(image);
  return single === null ? [] : [single];
}
