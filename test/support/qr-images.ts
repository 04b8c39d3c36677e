/** QR images for tests, drawn from uqr's module matrix into RGBA buffers, with the degradations pages show. */
import { encode } from 'uqr';
import { createImage, type RgbaImage } from '@/lib/qr/rgba-image';

export interface DrawOptions {
  modulePx: number;
  /** Quiet zone in modules. */
  border?: number;
  /** Page margin around the quiet zone, in px, filled with a light grey page. */
  margin?: number;
  dark?: number;
  light?: number;
}

export function drawQr(text: string, o: DrawOptions): RgbaImage {
  const { data } = encode(text, { ecc: 'M', border: o.border ?? 4 });
  const n = data.length;
  const margin = o.margin ?? 0;
  const size = n * o.modulePx + margin * 2;
  const image = createImage(size, size);
  const dark = o.dark ?? 0;
  const light = o.light ?? 255;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor((x - margin) / o.modulePx);
      const my = Math.floor((y - margin) / o.modulePx);
      const inside = mx >= 0 && my >= 0 && mx < n && my < n;
      const v = inside ? (data[my]![mx] ? dark : light) : 236;
      const i = (y * size + x) * 4;
      image.data[i] = image.data[i + 1] = image.data[i + 2] = v;
      image.data[i + 3] = 255;
    }
  }
  return image;
}

/** Bilinear resampling by `factor` (device pixel ratio, page zoom). */
export function scale(image: RgbaImage, factor: number): RgbaImage {
  const w = Math.max(1, Math.round(image.width * factor));
  const h = Math.max(1, Math.round(image.height * factor));
  const out = createImage(w, h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(image.height - 1, (y + 0.5) / factor - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(image.height - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < w; x++) {
      const sx = Math.min(image.width - 1, (x + 0.5) / factor - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(image.width - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      for (let c = 0; c < 4; c++) {
        const p = (yy: number, xx: number) => image.data[(yy * image.width + xx) * 4 + c]!;
        const top = p(y0, x0) * (1 - fx) + p(y0, x1) * fx;
        const bottom = p(y1, x0) * (1 - fx) + p(y1, x1) * fx;
        out.data[(y * w + x) * 4 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}

export function invert(image: RgbaImage): RgbaImage {
  const out = { ...image, data: new Uint8ClampedArray(image.data) };
  for (let i = 0; i < out.data.length; i += 4)
    for (let c = 0; c < 3; c++) out.data[i + c] = 255 - out.data[i + c]!;
  return out;
}

/** Squeezes brightness around mid-grey: ×0.15 leaves about 38 grey levels, as on washed-out pages. */
export function lowContrast(image: RgbaImage, factor: number): RgbaImage {
  const out = { ...image, data: new Uint8ClampedArray(image.data) };
  for (let i = 0; i < out.data.length; i += 4) {
    for (let c = 0; c < 3; c++) out.data[i + c] = 128 + (out.data[i + c]! - 128) * factor;
  }
  return out;
}

/** Pastes `inner` into a larger page-like image at (x, y), e.g. a QR on a 2FA set-up page. */
export function onPage(inner: RgbaImage, width: number, height: number, x: number, y: number): RgbaImage {
  const page = createImage(width, height);
  page.data.fill(250);
  for (let row = 0; row < inner.height; row++) {
    page.data.set(
      inner.data.subarray(row * inner.width * 4, (row + 1) * inner.width * 4),
      ((y + row) * width + x) * 4,
    );
  }
  return page;
}
