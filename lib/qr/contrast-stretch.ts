import type { GreyImage } from './grey-image';
import type { RgbaImage } from './rgba-image';

/**
 * Grey, with brightness stretched so the 1st percentile becomes black and the 99th white. Washed-out QR codes
 * (38 grey levels) that jsQR misses decode after this (qr-decoding.md); it costs a few ms a megapixel.
 */
export function contrastStretch(image: RgbaImage): GreyImage {
  const { data, width, height } = image;
  const pixels = width * height;
  const luma = new Uint8Array(pixels);
  const histogram = new Uint32Array(256);
  for (let i = 0, p = 0; p < pixels; i += 4, p++) {
    const y = (data[i]! * 77 + data[i + 1]! * 150 + data[i + 2]! * 29) >> 8;
    luma[p] = y;
    histogram[y]!++;
  }
  const low = percentile(histogram, pixels * 0.01);
  const high = percentile(histogram, pixels * 0.99);
  const span = Math.max(1, high - low);
  const stretched = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) stretched[v] = ((v - low) * 255) / span;
  for (let p = 0; p < pixels; p++) luma[p] = stretched[luma[p]!]!;
  return { data: luma, width, height };
}

function percentile(histogram: Uint32Array, rank: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen > rank) return v;
  }
  return 255;
}
