/** The tab screenshot the background hands over, and crops of it as RGBA pixels (the only canvas code). */
import type { Rect, RgbaImage } from '@/lib/qr/rgba-image';

/** Decodes a PNG data URL without fetch or <img>, which a page's CSP could block. */
export async function loadScreenshot(dataUrl: string): Promise<ImageBitmap> {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return createImageBitmap(new Blob([bytes], { type: 'image/png' }));
}

/** The part of the screenshot inside `rect` (image pixels), clamped to it. */
export function cropScreenshot(shot: ImageBitmap, rect: Rect): RgbaImage {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const width = Math.max(0, Math.min(shot.width, Math.ceil(rect.x + rect.width)) - x);
  const height = Math.max(0, Math.min(shot.height, Math.ceil(rect.y + rect.height)) - y);
  if (width === 0 || height === 0) return { data: new Uint8ClampedArray(0), width: 0, height: 0 };
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  context.drawImage(shot, x, y, width, height, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return { data, width, height };
}
