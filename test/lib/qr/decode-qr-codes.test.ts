/** A selection over two QR codes reads both, so the scan can ask instead of enrolling either one. */
import { describe, expect, it } from 'vitest';
import { decodeQrCodes } from '@/lib/qr/decode-qr-codes';
import { createImage, type RgbaImage } from '@/lib/qr/rgba-image';
import { drawQr, invert, onPage, scale } from '../../support/qr-images';

const A = 'otpauth://totp/Portal:soc-admin01%40example.co.jp?secret=JBSWY3DPEHPK3PXP&issuer=Portal';
const B = 'otpauth://totp/Portal:soc-admin02%40example.co.jp?secret=GEZDGNBVGY3TQOJQ&issuer=Portal';

/** Two images side by side on a light page, `gap` px apart. */
function sideBySide(left: RgbaImage, right: RgbaImage, gap: number): RgbaImage {
  const width = left.width + gap + right.width + 40;
  const height = Math.max(left.height, right.height) + 40;
  const page = onPage(left, width, height, 20, 20);
  for (let row = 0; row < right.height; row++) {
    page.data.set(
      right.data.subarray(row * right.width * 4, (row + 1) * right.width * 4),
      ((20 + row) * width + 20 + left.width + gap) * 4,
    );
  }
  return page;
}

describe('decodeQrCodes', () => {
  it('reads one code as one', () => {
    expect(decodeQrCodes(onPage(drawQr(A, { modulePx: 4 }), 300, 300, 40, 40))).toEqual([A]);
  });

  it.each([
    ['side by side', 4, 40],
    ['close together', 3, 12],
    ['at DPR 2', 8, 60],
  ])('reads both of two codes %s', (_name, modulePx, gap) => {
    const texts = decodeQrCodes(sideBySide(drawQr(A, { modulePx }), drawQr(B, { modulePx }), gap));
    expect(texts.sort()).toEqual([A, B].sort());
  });

  it('reads both in dark mode, and at a blended scale', () => {
    const pair = sideBySide(drawQr(A, { modulePx: 4 }), drawQr(B, { modulePx: 4 }), 30);
    expect(decodeQrCodes(invert(pair)).sort()).toEqual([A, B].sort());
    expect(decodeQrCodes(scale(pair, 1.25)).sort()).toEqual([A, B].sort());
  });

  it('the same code twice is one text', () => {
    expect(decodeQrCodes(sideBySide(drawQr(A, { modulePx: 3 }), drawQr(A, { modulePx: 3 }), 30))).toEqual([
      A,
    ]);
  });

  it('nothing in an empty or blank image', () => {
    expect(decodeQrCodes(createImage(0, 0))).toEqual([]);
    const blank = createImage(200, 200);
    blank.data.fill(255);
    expect(decodeQrCodes(blank)).toEqual([]);
  });
});
