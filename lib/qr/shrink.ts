import { createGrey, type GreyImage } from './grey-image';

/**
 * Scaled down by a whole `factor`, each pixel the mean of a factor×factor block (a partial last row or column
 * is dropped). jsQR's time grows with pixels, and it decodes as well at 3 px a module as at 6.
 */
export function shrink(grey: GreyImage, factor: number): GreyImage {
  const width = Math.floor(grey.width / factor);
  const height = Math.floor(grey.height / factor);
  const out = createGrey(width, height);
  const sums = new Uint32Array(width);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let i = (y * factor + dy) * grey.width;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx++) sum += grey.data[i++]!;
        sums[x]! += sum;
      }
    }
    for (let x = 0; x < width; x++) out.data[y * width + x] = (sums[x]! + (area >> 1)) / area;
  }
  return out;
}
