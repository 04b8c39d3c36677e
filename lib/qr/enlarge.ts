import { createGrey, type GreyImage } from './grey-image';

/**
 * Scaled up by `factor` (> 1) with bilinear interpolation. jsQR misreads modules of 1.5 px or less; the same
 * code enlarged to about 4 px a module decodes.
 */
export function enlarge(grey: GreyImage, factor: number): GreyImage {
  const width = Math.round(grey.width * factor);
  const height = Math.round(grey.height * factor);
  const out = createGrey(width, height);
  const src = grey.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(grey.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(grey.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(grey.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(grey.width - 1, x0 + 1);
      const fx = sx - x0;
      const top = src[y0 * grey.width + x0]! * (1 - fx) + src[y0 * grey.width + x1]! * fx;
      const bottom = src[y1 * grey.width + x0]! * (1 - fx) + src[y1 * grey.width + x1]! * fx;
      out.data[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return out;
}
