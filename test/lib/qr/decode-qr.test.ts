import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '@/lib/index';
import { crop, cssRectToImage } from '@/lib/qr/crop';
import { createImage } from '@/lib/qr/rgba-image';
import { pageWithoutCode } from '../../support/qr-corpus';
import {
  areaScale,
  drawQr,
  gaussianBlur,
  invert,
  lowContrast,
  onPage,
  rotate,
  scale,
} from '../../support/qr-images';
import { paste, photo } from '../../support/qr-photos';

const URI =
  'otpauth://totp/abc%40example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account';
const FIXTURES = resolve(__dirname, '../../../../shared/fixtures/google-migration');

function readPng(path: string) {
  const png = PNG.sync.read(readFileSync(path));
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
}

describe('decodeQr', () => {
  it.each([2, 3, 4, 5, 6])('decodes an undegraded code at %i px per module', (modulePx) => {
    expect(decodeQr(drawQr(URI, { modulePx, margin: 20 }))).toBe(URI);
  });

  it.each([1.25, 1.5, 2, 3, 0.67, 1.75])(
    'decodes after resampling by %f (device pixel ratio, page zoom)',
    (factor) => {
      expect(decodeQr(scale(drawQr(URI, { modulePx: 3, margin: 15 }), factor))).toBe(URI);
    },
  );

  it('decodes dark-mode (inverted) codes', () => {
    expect(decodeQr(invert(drawQr(URI, { modulePx: 4, margin: 20 })))).toBe(URI);
  });

  it('decodes washed-out codes (contrast ×0.15) that plain jsQR misses', () => {
    const washed = lowContrast(drawQr(URI, { modulePx: 4, margin: 20 }), 0.15);
    expect(jsQR(washed.data, washed.width, washed.height)).toBeNull();
    expect(decodeQr(washed)).toBe(URI);
  });

  it('decodes large-module crops (DPR 3, zoomed in) scaled down, in either polarity', () => {
    const big = drawQr(URI, { modulePx: 12, margin: 40 });
    expect(Math.min(big.width, big.height)).toBeGreaterThanOrEqual(600);
    expect(decodeQr(big)).toBe(URI);
    expect(decodeQr(invert(big))).toBe(URI);
  });

  it('decodes a code cropped without any quiet zone, in either polarity', () => {
    const tight = drawQr(URI, { modulePx: 3, border: 0 });
    expect(decodeQr(tight)).toBe(URI);
    expect(decodeQr(invert(tight))).toBe(URI);
  });

  it('decodes a blurred code (σ 1.5 at 3 px modules) that plain jsQR misses', () => {
    const blurred = gaussianBlur(drawQr(URI, { modulePx: 3, margin: 20 }), 1.5);
    expect(jsQR(blurred.data, blurred.width, blurred.height)).toBeNull();
    expect(decodeQr(blurred)).toBe(URI);
  });

  it.each([0.45, 0.5, 0.55])(
    'decodes 3 px modules resampled by %f (under 2 px) that plain jsQR misses',
    (f) => {
      const tiny = areaScale(drawQr(URI, { modulePx: 3, margin: 20 }), f);
      expect(jsQR(tiny.data, tiny.width, tiny.height)).toBeNull();
      expect(decodeQr(tiny)).toBe(URI);
    },
  );

  it('decodes a code on a page with dark elements around it (local thresholds)', () => {
    const grey = lowContrast(drawQr(URI, { modulePx: 4, margin: 10 }), 0.25, 200);
    const page = onPage(grey, 400, 400, 60, 60);
    for (let i = 0; i < 400 * 30 * 4; i += 4) page.data[i] = page.data[i + 1] = page.data[i + 2] = 0;
    expect(decodeQr(page)).toBe(URI);
  });

  it('decodes a drag selection cropped from a DPR 2 screenshot (CSS pixels → image pixels)', () => {
    const qr = drawQr(URI, { modulePx: 6, margin: 0 }); // 3 CSS px per module at DPR 2
    const screenshot = onPage(qr, 1600, 1000, 700, 300);
    const selection = { x: 340, y: 140, width: qr.width / 2 + 30, height: qr.height / 2 + 30 }; // CSS px
    const region = cssRectToImage(selection, 1600, 800);
    expect(decodeQr(crop(screenshot, region))).toBe(URI);
  });

  it('finds nothing in an empty selection, a blank page, or a malformed buffer', () => {
    expect(decodeQr(createImage(0, 0))).toBeNull();
    const blank = createImage(300, 300);
    blank.data.fill(255);
    expect(decodeQr(blank)).toBeNull();
    expect(decodeQr({ data: new Uint8ClampedArray(10), width: 300, height: 300 })).toBeNull();
  });

  it('finds nothing in page crops without a code (text, buttons, a photo)', () => {
    for (const seed of [1, 2, 3]) expect(decodeQr(pageWithoutCode(600, 500, seed))).toBeNull();
  });

  it('finds nothing in noise, whose finder-like specks would send jsQR searching for seconds', () => {
    const noise = createImage(400, 400);
    let state = 1;
    for (let i = 0; i < noise.data.length; i++) {
      state = (state * 16807) % 2147483647;
      noise.data[i] = i % 4 === 3 ? 255 : state & 255;
    }
    expect(decodeQr(noise)).toBeNull();
  });

  it('decodes the real phone photo of a Google Authenticator export', () => {
    const text = decodeQr(readPng(`${FIXTURES}/example_export.png`));
    expect(text).toMatch(/^otpauth-migration:\/\/offline\?data=/);
  });

  it('decodes a QR that is not an authenticator key (the caller says what it is)', () => {
    const text = decodeQr(readPng(`${FIXTURES}/qr_but_without_otp.png`));
    expect(text).not.toBeNull();
    expect(text).not.toMatch(/^otpauth/);
  });
});

describe('decodeQr on turned codes and large photos', () => {
  it.each([15, 30, 40, 45])('decodes a small code (3 px modules) turned by %i°', (degrees) => {
    expect(decodeQr(rotate(drawQr('1234567890', { modulePx: 3 }), degrees))).toBe('1234567890');
  });

  it('finds a small code (3 px modules) in a 10-megapixel photo, and nothing in the photo without it', () => {
    const big = photo(3872, 2592, 3);
    expect(decodeQr(big)).toBeNull();
    expect(decodeQr(paste(big, drawQr(URI, { modulePx: 3 }), 2400, 1500))).toBe(URI);
  });
});
