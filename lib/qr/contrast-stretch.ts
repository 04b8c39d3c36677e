import { createGrey, type GreyImage } from './grey-image';
import type { RgbaImage } from './rgba-image';

/**
 * Grey, with brightness stretched so the 1st percentile becomes black and the 99th white. Washed-out QR codes
 * (38 grey levels) that jsQR misses decode after this (qr-decoding.md); it costs a few ms a megapixel.
 * With `factor` > 1, each grey pixel is the mean of a factor×factor block (a partial last row or column is
 * dropped): a large photo is searched at a fraction of its pixels, read in one pass.
 */
export function contrastStretch(image: RgbaImage, factor = 1): GreyImage {
  return stretch(luma(image, factor));
}

function luma(image: RgbaImage, factor: number): GreyImage {
  const { data, width } = image;
  if (factor === 1) {
    const grey = createGrey(width, image.height);
    for (let i = 0, p = 0; p < grey.data.length; i += 4, p++) {
      grey.data[p] = (data[i]! * 77 + data[i + 1]! * 150 + data[i + 2]! * 29) >> 8;
    }
    return grey;
  }
  const grey = createGrey(Math.floor(width / factor), Math.floor(image.height / factor));
  const sums = new Uint32Array(grey.width);
  const area = factor * factor * 256;
  for (let y = 0; y < grey.height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let i = (y * factor + dy) * width * 4;
      for (let x = 0; x < grey.width; x++) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx++, i += 4)
          sum += data[i]! * 77 + data[i + 1]! * 150 + data[i + 2]! * 29;
        sums[x]! += sum;
      }
    }
    for (let x = 0; x < grey.width; x++) grey.data[y * grey.width + x] = sums[x]! / area;
  }
  return grey;
}

/** In place: the 1st percentile to black, the 99th to white. */
function stretch(grey: GreyImage): GreyImage {
  const histogram = new Uint32Array(256);
  const { data } = grey;
  for (let p = 0; p < data.length; p++) histogram[data[p]!]!++;
  const low = percentile(histogram, data.length * 0.01);
  const high = percentile(histogram, data.length * 0.99);
  const span = Math.max(1, high - low);
  const stretched = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) stretched[v] = ((v - low) * 255) / span;
  for (let p = 0; p < data.length; p++) data[p] = stretched[data[p]!]!;
  return grey;
}

function percentile(histogram: Uint32Array, rank: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen > rank) return v;
  }
  return 255;
}
