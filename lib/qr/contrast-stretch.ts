import { createImage, type RgbaImage } from './rgba-image';

/**
 * Stretches brightness so the 1st percentile becomes black and the 99th white (grey, alpha opaque). Washed-out
 * QR codes (38 grey levels) that jsQR misses decode after this (qr-decoding.md); it costs well under 1 ms.
 */
export function contrastStretch(image: RgbaImage): RgbaImage {
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
  const out = createImage(width, height);
  const span = Math.max(1, high - low);
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    const v = ((luma[p]! - low) * 255) / span;
    out.data[i] = out.data[i + 1] = out.data[i + 2] = v;
    out.data[i + 3] = 255;
  }
  return out;
}

function percentile(histogram: Uint32Array, rank: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen > rank) return v;
  }
  return 255;
}
