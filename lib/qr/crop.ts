import { createImage, type Rect, type RgbaImage } from './rgba-image';

/**
 * A selection in CSS pixels mapped onto a tab screenshot: the ratio captured width / `innerWidth` covers
 * device-pixel-ratio and page zoom at once (qr-decoding.md).
 */
export function cssRectToImage(rect: Rect, capturedWidth: number, innerWidth: number): Rect {
  const scale = capturedWidth / innerWidth;
  return {
    x: Math.round(rect.x * scale),
    y: Math.round(rect.y * scale),
    width: Math.round(rect.width * scale),
    height: Math.round(rect.height * scale),
  };
}

/** The part of `image` inside `rect`, clamped to the image; an empty rectangle gives a 0×0 image. */
export function crop(image: RgbaImage, rect: Rect): RgbaImage {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width, Math.floor(rect.x + rect.width));
  const y1 = Math.min(image.height, Math.floor(rect.y + rect.height));
  const out = createImage(Math.max(0, x1 - x0), Math.max(0, y1 - y0));
  for (let y = 0; y < out.height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    out.data.set(image.data.subarray(from, from + out.width * 4), y * out.width * 4);
  }
  return out;
}
