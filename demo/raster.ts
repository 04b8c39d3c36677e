/** A small RGB pixel canvas for the demo's generated images: solid rectangles, discs and copies. */

export type Rgb = readonly [number, number, number];

export interface Raster {
  width: number;
  height: number;
  /** Row-major RGB bytes, 3 per pixel. */
  rgb: Uint8Array;
}

/** `#rrggbb` (or `#rgb`) as three bytes. */
export function colour(hex: string): Rgb {
  const digits = hex.replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a colour: ${hex}`);
  const value = parseInt(full, 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

export function createRaster(width: number, height: number, background: string): Raster {
  const raster = { width, height, rgb: new Uint8Array(width * height * 3) };
  fillRect(raster, 0, 0, width, height, background);
  return raster;
}

function setPixel(raster: Raster, x: number, y: number, [r, g, b]: Rgb): void {
  if (x < 0 || y < 0 || x >= raster.width || y >= raster.height) return;
  const i = (y * raster.width + x) * 3;
  raster.rgb[i] = r;
  raster.rgb[i + 1] = g;
  raster.rgb[i + 2] = b;
}

/** Fills a rectangle (clipped to the canvas). */
export function fillRect(raster: Raster, x: number, y: number, w: number, h: number, fill: string): void {
  const rgb = colour(fill);
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) setPixel(raster, xx, yy, rgb);
}

/** Fills a disc of radius `r` centred on (cx, cy). */
export function fillDisc(raster: Raster, cx: number, cy: number, r: number, fill: string): void {
  const rgb = colour(fill);
  for (let y = cy - r; y <= cy + r; y++) {
    for (let x = cx - r; x <= cx + r; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) setPixel(raster, x, y, rgb);
    }
  }
}

/** Copies `src` onto `dst` with its top-left corner at (x, y). */
export function drawRaster(dst: Raster, src: Raster, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++) {
    for (let sx = 0; sx < src.width; sx++) {
      const i = (sy * src.width + sx) * 3;
      setPixel(dst, x + sx, y + sy, [src.rgb[i]!, src.rgb[i + 1]!, src.rgb[i + 2]!]);
    }
  }
}
