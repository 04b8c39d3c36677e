/**
 * Photo-like images for the decoder's large-image paths: smooth shading, shapes and sensor noise, as a phone
 * photo of a desk or a screen has, deterministic by seed, with or without a small code somewhere in it.
 */
import { createImage, type RgbaImage } from '@/lib/qr/rgba-image';

function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** A `width`×`height` photo without a code: lit gradients, a few soft blobs, noise of ±`noise` levels. */
export function photo(width: number, height: number, seed = 1, noise = 12): RgbaImage {
  const random = prng(seed);
  const image = createImage(width, height);
  const blobs = Array.from({ length: 12 }, () => ({
    x: random() * width,
    y: random() * height,
    r: (0.05 + random() * 0.2) * Math.min(width, height),
    v: random() * 160 - 80,
  }));
  const light = [90 + random() * 60, (random() - 0.5) * 80, (random() - 0.5) * 80];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = light[0]! + (light[1]! * x) / width + (light[2]! * y) / height;
      for (const b of blobs) {
        const dx = x - b.x;
        const dy = y - b.y;
        if (Math.abs(dx) < b.r && Math.abs(dy) < b.r) v += b.v * Math.max(0, 1 - Math.hypot(dx, dy) / b.r);
      }
      v += (random() - 0.5) * 2 * noise;
      const o = (y * width + x) * 4;
      image.data[o] = v + 6;
      image.data[o + 1] = v;
      image.data[o + 2] = v - 6;
      image.data[o + 3] = 255;
    }
  }
  return image;
}

/** `inner` pasted into `outer` at (x, y), in place; returns `outer`. */
export function paste(outer: RgbaImage, inner: RgbaImage, x: number, y: number): RgbaImage {
  for (let row = 0; row < inner.height; row++) {
    outer.data.set(
      inner.data.subarray(row * inner.width * 4, (row + 1) * inner.width * 4),
      ((y + row) * outer.width + x) * 4,
    );
  }
  return outer;
}
