/**
 * The only canvas glue of "Add from image": an image file -> RGBA pixels for lib/qr. Images larger than
 * MAX_PIXELS are scaled down while drawing; transparent areas become white (a dark QR on a transparent
 * background would otherwise read as black on black).
 */
import { MAX_PIXELS } from '@/lib/qr/limits';
import type { RgbaImage } from '@/lib/qr/rgba-image';

/** Turns an image file into pixels; rejects when the file is not a readable image. */
export type ReadImage = (file: Blob) => Promise<RgbaImage>;

/** The size to draw at: unchanged when small enough, else scaled to fit within `maxPixels`. */
export function fitWithin(width: number, height: number, maxPixels = MAX_PIXELS) {
  if (width * height <= maxPixels) return { width, height };
  const factor = Math.sqrt(maxPixels / (width * height));
  return {
    width: Math.max(1, Math.floor(width * factor)),
    height: Math.max(1, Math.floor(height * factor)),
  };
}

function context(width: number, height: number) {
  if (typeof OffscreenCanvas !== 'undefined')
    return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true });
}

export const imageToRgba: ReadImage = async (file) => {
  const bitmap = await createImageBitmap(file);
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const ctx = context(width, height);
    if (!ctx) throw new Error('No 2D canvas.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    return { data: ctx.getImageData(0, 0, width, height).data, width, height };
  } finally {
    bitmap.close();
  }
};
