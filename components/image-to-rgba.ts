/**
 * The only canvas glue of "Add from image": an image file -> RGBA pixels for lib/qr. The whole image is drawn
 * scaled down to at most MAX_PIXELS; a large photo's tiles (lib/qr/tiles.ts) are drawn at full size, one at a
 * time, so a 48-megapixel photo never needs more than one tile's pixels besides the browser's own bitmap.
 * Transparent areas become white (a dark QR on a transparent background would otherwise read as black on
 * black).
 */
import { crop } from '@/lib/qr/crop';
import { MAX_PIXELS } from '@/lib/qr/limits';
import type { Rect, RgbaImage } from '@/lib/qr/rgba-image';

/** Turns an image file into pixels; rejects when the file is not a readable image. */
export type ReadImage = (file: Blob) => Promise<RgbaImage>;

/** An image opened once and drawn as often as needed: whole (scaled down) or by full-size rectangles. */
export interface OpenedImage {
  /** The image's own size. */
  width: number;
  height: number;
  /** The whole image, scaled down to at most MAX_PIXELS. */
  whole(): RgbaImage;
  /** A rectangle of the image at full size. */
  region(rect: Rect): RgbaImage;
  close(): void;
}

/** Opens an image file; rejects when the file is not a readable image. */
export type OpenImage = (file: Blob) => Promise<OpenedImage>;

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

/** `source` (a rectangle of the bitmap) drawn into a fresh `width`×`height` canvas on white, as pixels. */
function draw(bitmap: ImageBitmap, source: Rect, width: number, height: number): RgbaImage {
  const ctx = context(width, height);
  if (!ctx) throw new Error('No 2D canvas.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, source.x, source.y, source.width, source.height, 0, 0, width, height);
  return { data: ctx.getImageData(0, 0, width, height).data, width, height };
}

export const openImage: OpenImage = async (file) => {
  const bitmap = await createImageBitmap(file);
  const { width, height } = bitmap;
  const all = { x: 0, y: 0, width, height };
  return {
    width,
    height,
    whole() {
      const size = fitWithin(width, height);
      return draw(bitmap, all, size.width, size.height);
    },
    region(rect) {
      return draw(bitmap, rect, rect.width, rect.height);
    },
    close: () => bitmap.close(),
  };
};

export const imageToRgba: ReadImage = async (file) => {
  const image = await openImage(file);
  try {
    return image.whole();
  } finally {
    image.close();
  }
};

/**
 * Pixels already decoded (a test's PNG decoder) as an opened image: whole when within `maxPixels`, else a
 * nearest-pixel reduction; rectangles cut from the pixels.
 */
export function openedPixels(image: RgbaImage, maxPixels = MAX_PIXELS): OpenedImage {
  return {
    width: image.width,
    height: image.height,
    whole() {
      const size = fitWithin(image.width, image.height, maxPixels);
      if (size.width === image.width && size.height === image.height) return image;
      const out = new Uint8ClampedArray(size.width * size.height * 4);
      for (let y = 0; y < size.height; y++) {
        const sy = Math.floor(((y + 0.5) * image.height) / size.height);
        for (let x = 0; x < size.width; x++) {
          const sx = Math.floor(((x + 0.5) * image.width) / size.width);
          const from = (sy * image.width + sx) * 4;
          out.set(image.data.subarray(from, from + 4), (y * size.width + x) * 4);
        }
      }
      return { data: out, ...size };
    },
    region: (rect) => crop(image, rect),
    close: () => undefined,
  };
}
