/**
 * QR images for tests, drawn from uqr's module matrix into RGBA buffers, with the degradations pages show.
 */
import jpeg from 'jpeg-js';
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
      const r0 = y0 * image.width;
      const r1 = y1 * image.width;
      for (let c = 0; c < 4; c++) {
        const d = image.data;
        const top = d[(r0 + x0) * 4 + c]! * (1 - fx) + d[(r0 + x1) * 4 + c]! * fx;
        const bottom = d[(r1 + x0) * 4 + c]! * (1 - fx) + d[(r1 + x1) * 4 + c]! * fx;
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

/** Squeezes brightness around `centre`: ×0.15 leaves about 38 grey levels, as on washed-out pages. */
export function lowContrast(image: RgbaImage, factor: number, centre = 128): RgbaImage {
  const out = { ...image, data: new Uint8ClampedArray(image.data) };
  for (let i = 0; i < out.data.length; i += 4) {
    for (let c = 0; c < 3; c++) out.data[i + c] = centre + (out.data[i + c]! - 128) * factor;
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

/**
 * Area resampling by `factor`: each output pixel is the mean of the source area it covers, as a browser
 * paints vector content (or a smoothed image) at a device pixel ratio or zoom. Non-integer factors blend edge
 * pixels.
 */
export function areaScale(image: RgbaImage, factor: number): RgbaImage {
  const w = Math.max(1, Math.round(image.width * factor));
  const h = Math.max(1, Math.round(image.height * factor));
  return areaPass(areaPass(image, w, 'x'), h, 'y');
}

/** Area resampling along one axis to `size` pixels. */
function areaPass(image: RgbaImage, size: number, axis: 'x' | 'y'): RgbaImage {
  const along = axis === 'x' ? image.width : image.height;
  return resampleAxis(image, axis, size, coverage(along, size));
}

/** For each of `to` output cells, the source cells it overlaps and by how much (weights sum to 1). */
function coverage(from: number, to: number): Taps {
  const step = from / to;
  return Array.from({ length: to }, (_, i) => {
    const start = i * step;
    const end = start + step;
    const taps: [number, number][] = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 1e-9) taps.push([s, overlap / step]);
    }
    return taps;
  });
}

/** Per output cell along an axis: [source cell, weight] pairs. */
type Taps = [number, number][][];

/** Each output pixel along `axis` is the weighted sum of the source pixels its taps name. */
function resampleAxis(image: RgbaImage, axis: 'x' | 'y', size: number, taps: Taps): RgbaImage {
  const alongX = axis === 'x';
  const out = createImage(alongX ? size : image.width, alongX ? image.height : size);
  const lines = alongX ? image.height : image.width;
  // byte distances between neighbours along the axis and across it, in the source and the output
  const step = alongX ? 4 : image.width * 4;
  const across = alongX ? image.width * 4 : 4;
  const outStep = alongX ? 4 : out.width * 4;
  const outAcross = alongX ? out.width * 4 : 4;
  const src = image.data;
  for (let i = 0; i < size; i++) {
    const cell = taps[i]!;
    for (let line = 0; line < lines; line++) {
      const o = line * outAcross + i * outStep;
      const base = line * across;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [s, weight] of cell) {
        const p = base + s * step;
        r += src[p]! * weight;
        g += src[p + 1]! * weight;
        b += src[p + 2]! * weight;
        a += src[p + 3]! * weight;
      }
      out.data[o] = r;
      out.data[o + 1] = g;
      out.data[o + 2] = b;
      out.data[o + 3] = a;
    }
  }
  return out;
}

/** Separable gaussian blur (edges clamped): an out-of-focus or smoothed screenshot. */
export function gaussianBlur(image: RgbaImage, sigma: number): RgbaImage {
  const radius = Math.ceil(sigma * 3);
  const kernel = Array.from({ length: radius * 2 + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma ** 2)),
  );
  const norm = kernel.reduce((a, b) => a + b, 0);
  const taps = (size: number): Taps =>
    Array.from({ length: size }, (_, i) =>
      kernel.map((k, j): [number, number] => [Math.min(size - 1, Math.max(0, i + j - radius)), k / norm]),
    );
  const wide = resampleAxis(image, 'x', image.width, taps(image.width));
  return resampleAxis(wide, 'y', image.height, taps(image.height));
}

/** A real JPEG encode and decode at `quality` (1–100): block artefacts and ringing around module edges. */
export function jpegRoundTrip(image: RgbaImage, quality: number): RgbaImage {
  const encoded = jpeg.encode({ data: image.data, width: image.width, height: image.height }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { data: new Uint8ClampedArray(decoded.data), width: decoded.width, height: decoded.height };
}

/** Turned by `degrees` about its centre (bilinear), on a canvas large enough, the corners filled with `ground`. */
export function rotate(image: RgbaImage, degrees: number, ground = 250): RgbaImage {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const size = Math.ceil(Math.abs(image.width * cos) + Math.abs(image.height * sin)) + 2;
  const out = createImage(size, size);
  const [cx, cy, ox] = [image.width / 2, image.height / 2, size / 2];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // the source point this output pixel shows
      const sx = cos * (x + 0.5 - ox) + sin * (y + 0.5 - ox) + cx - 0.5;
      const sy = -sin * (x + 0.5 - ox) + cos * (y + 0.5 - ox) + cy - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const o = (y * size + x) * 4;
      out.data[o + 3] = 255;
      if (x0 < 0 || y0 < 0 || x0 + 1 >= image.width || y0 + 1 >= image.height) {
        out.data[o] = out.data[o + 1] = out.data[o + 2] = ground;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const at = (xx: number, yy: number) => image.data[(yy * image.width + xx) * 4]!;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out.data[o] = out.data[o + 1] = out.data[o + 2] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}
