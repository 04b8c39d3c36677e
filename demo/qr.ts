/** Renders QR codes (uqr for the matrix) as rasters to embed in larger images, or as PNGs on their own. */
import { encode } from 'uqr';
import { encodePng } from './png';
import { createRaster, fillRect, type Raster } from './raster';

export interface QrStyle {
  /** Approximate width in pixels, quiet zone included; modules are whole pixels. Default 200. */
  targetPx?: number;
  /** Module colour. Default black. */
  dark?: string;
  /** Background and quiet-zone colour. Default white. */
  light?: string;
}

/** Light modules on a dark ground, as dark-themed consoles show their QR codes. */
export const INVERTED: QrStyle = { dark: '#e8eaed', light: '#17191d' };

/** Faint grey on grey, as in a washed-out illustration. */
export const WASHED_OUT: QrStyle = { dark: '#8a8a8a', light: '#d0d0d0' };

/** The module matrix (error correction M, 4-module quiet zone) and the pixels per module. */
function layout(text: string, style: QrStyle): { data: boolean[][]; scale: number } {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  return { data, scale: Math.max(1, Math.floor((style.targetPx ?? 200) / data.length)) };
}

/** The width in pixels of the QR code `qrRaster` and `qrPng` draw. */
export function qrSize(text: string, style: QrStyle = {}): number {
  const { data, scale } = layout(text, style);
  return data.length * scale;
}

/** The QR code for `text` drawn on a raster of its own. */
export function qrRaster(text: string, style: QrStyle = {}): Raster {
  const { data, scale } = layout(text, style);
  const size = data.length * scale;
  const raster = createRaster(size, size, style.light ?? '#ffffff');
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) fillRect(raster, x * scale, y * scale, scale, scale, style.dark ?? '#000000');
    }),
  );
  return raster;
}

/** A QR code for `text` as a square PNG and its width in pixels. */
export function qrPng(text: string, style: QrStyle = {}): { png: Buffer; size: number } {
  const raster = qrRaster(text, style);
  return { png: encodePng(raster), size: raster.width };
}
