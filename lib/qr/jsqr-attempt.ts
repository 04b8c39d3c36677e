import jsQR from 'jsqr';
import { toRgba, type GreyImage } from './grey-image';
import { textFromChunks } from './qr-text';

/**
 * One jsQR run in one polarity: `inverted` for light modules on dark. We invert the pixels ourselves and
 * always pass 'dontInvert': jsQR keeps the options of its last call as its defaults (so every call states
 * them), and its 'onlyInvert' throws (it never builds the inverted image). The text is rebuilt from the
 * segments (qr-text.ts): jsQR's own reads Shift-JIS as UTF-8.
 */
export function jsqrAttempt(grey: GreyImage, inverted: boolean): string | null {
  if (grey.width < 21 || grey.height < 21) return null;
  const image = toRgba(grey, inverted);
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return code ? textFromChunks(code.chunks) : null;
}
