import { createImage, type Rect, type RgbaImage } from './rgba-image';

/**
 * One byte of brightness a pixel, row by row: what the decoder works on between the contrast stretch and
 * jsQR, a quarter of the RGBA bytes to read, scale and copy.
 */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export function createGrey(width: number, height: number): GreyImage {
  return { data: new Uint8Array(width * height), width, height };
}

/** The part of `grey` inside `rect` (whole pixels, already inside the image). */
export function cropGrey(grey: GreyImage, rect: Rect): GreyImage {
  const out = createGrey(rect.width, rect.height);
  for (let y = 0; y < rect.height; y++) {
    const from = (rect.y + y) * grey.width + rect.x;
    out.data.set(grey.data.subarray(from, from + rect.width), y * rect.width);
  }
  return out;
}

/** Opaque RGBA for jsQR, light and dark swapped when `inverted` (jsQR then searches one polarity only). */
export function toRgba(grey: GreyImage, inverted: boolean): RgbaImage {
  const out = createImage(grey.width, grey.height);
  const flip = inverted ? 255 : 0;
  for (let p = 0, i = 0; p < grey.data.length; p++, i += 4) {
    const v = grey.data[p]! ^ flip;
    out.data[i] = v;
    out.data[i + 1] = v;
    out.data[i + 2] = v;
    out.data[i + 3] = 255;
  }
  return out;
}

/** `grey` inside a border `by` px wide of brightness `value`: a quiet zone for a code cropped without one. */
export function padGrey(grey: GreyImage, by: number, value: number): GreyImage {
  const out = createGrey(grey.width + 2 * by, grey.height + 2 * by);
  out.data.fill(value);
  for (let y = 0; y < grey.height; y++) {
    out.data.set(grey.data.subarray(y * grey.width, (y + 1) * grey.width), (y + by) * out.width + by);
  }
  return out;
}
