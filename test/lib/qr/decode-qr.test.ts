import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '@/lib/index';
import { crop, cssRectToImage } from '@/lib/qr/crop';
import { createImage } from '@/lib/qr/rgba-image';
import { drawQr, invert, lowContrast, onPage, scale } from '../../support/qr-images';

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

  it('decodes a large (HiDPI) crop through the halved pass', () => {
    const big = drawQr(URI, { modulePx: 12, margin: 40 });
    expect(Math.min(big.width, big.height)).toBeGreaterThanOrEqual(600);
    expect(decodeQr(big)).toBe(URI);
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
