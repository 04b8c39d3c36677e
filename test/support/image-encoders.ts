/**
 * The image formats "Add from image" takes that the devDependencies cannot write: BMP (24-bit, uncompressed)
 * and GIF (two colours). Tiny encoders, enough to hand a real browser a file of each format.
 */
import type { RgbaImage } from '@/lib/qr/rgba-image';

/** Light or dark: the grey level of a pixel, white where transparent. */
function grey(image: RgbaImage, i: number): number {
  const d = image.data;
  const a = d[i * 4 + 3]! / 255;
  const v = 0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!;
  return v * a + 255 * (1 - a);
}

/** A 24-bit uncompressed BMP (BITMAPINFOHEADER, rows bottom-up, each padded to 4 bytes). */
export function encodeBmp(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  const row = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + row * height;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = 0x42; // 'B'
  out[1] = 0x4d; // 'M'
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true); // pixels start after both headers
  view.setUint32(14, 40, true); // BITMAPINFOHEADER
  view.setInt32(18, width, true);
  view.setInt32(22, height, true); // positive: bottom-up
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 24, true); // bits a pixel
  view.setUint32(34, row * height, true);
  view.setInt32(38, 2835, true); // 72 dpi
  view.setInt32(42, 2835, true);
  for (let y = 0; y < height; y++) {
    const line = 54 + (height - 1 - y) * row;
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      out[line + x * 3] = data[s + 2]!;
      out[line + x * 3 + 1] = data[s + 1]!;
      out[line + x * 3 + 2] = data[s]!;
    }
  }
  return out;
}

/**
 * A two-colour GIF89a (black and white, threshold at mid-grey). The LZW stream never compresses: a clear code
 * before every two pixels keeps the table from growing, so every code stays 3 bits wide and any decoder reads it.
 */
export function encodeGif(image: RgbaImage, threshold = 128): Uint8Array {
  const { width, height } = image;
  const bytes: number[] = [];
  const u16 = (v: number) => bytes.push(v & 0xff, v >> 8);
  bytes.push(...Array.from('GIF89a', (c) => c.charCodeAt(0)));
  u16(width);
  u16(height);
  bytes.push(0x80, 0, 0); // global colour table of 2 entries; background 0; no aspect ratio
  bytes.push(0, 0, 0, 255, 255, 255); // 0 black, 1 white
  bytes.push(0x2c);
  u16(0);
  u16(0);
  u16(width);
  u16(height);
  bytes.push(0); // no local table, not interlaced
  const MIN_CODE_SIZE = 2;
  const CLEAR = 4;
  const END = 5;
  const CODE_BITS = 3;
  const stream: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number) => {
    acc |= code << bits;
    bits += CODE_BITS;
    while (bits >= 8) {
      stream.push(acc & 0xff);
      acc >>= 8;
      bits -= 8;
    }
  };
  const pixels = width * height;
  for (let i = 0; i < pixels; i++) {
    if (i % 2 === 0) put(CLEAR);
    put(grey(image, i) >= threshold ? 1 : 0);
  }
  put(END);
  if (bits > 0) stream.push(acc & 0xff);
  bytes.push(MIN_CODE_SIZE);
  for (let i = 0; i < stream.length; i += 255) {
    const block = stream.slice(i, i + 255);
    bytes.push(block.length, ...block);
  }
  bytes.push(0, 0x3b); // end of the image data; trailer
  return new Uint8Array(bytes);
}
