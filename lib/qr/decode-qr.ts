/**
 * Decodes the QR code in an RGBA image (a user's crop of a tab screenshot, an element's rectangle, a file):
 * contrast stretch, then jsQR with both polarities (dark mode). Large crops are halved first, keeping modules
 * at 2 px or more, and retried at full size if that fails (qr-decoding.md).
 */
import jsQR from 'jsqr';
import { contrastStretch } from './contrast-stretch';
import { halve } from './halve';
import type { RgbaImage } from './rgba-image';

/** Crops at least this large (shorter side, px) are tried halved first. */
export const HALVE_FROM_PX = 600;
/** Larger images are refused: decoding a whole 4K screenshot with jsQR takes about a second. */
export const MAX_PIXELS = 4096 * 4096;

function attempt(image: RgbaImage): string | null {
  if (image.width < 21 || image.height < 21) return null;
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

export function decodeQr(image: RgbaImage): string | null {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS || data.length !== width * height * 4)
    return null;
  const stretched = contrastStretch(image);
  if (Math.min(width, height) >= HALVE_FROM_PX) {
    const found = attempt(halve(stretched));
    if (found !== null) return found;
  }
  return attempt(stretched) ?? attempt(image);
}
