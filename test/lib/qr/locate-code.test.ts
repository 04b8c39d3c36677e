import { describe, expect, it } from 'vitest';
import { binarize, edgeShare } from '@/lib/qr/binarize';
import { contrastStretch } from '@/lib/qr/contrast-stretch';
import { findFinderPatterns } from '@/lib/qr/finder-patterns';
import { createGrey } from '@/lib/qr/grey-image';
import { locateCode } from '@/lib/qr/locate-code';
import type { RgbaImage } from '@/lib/qr/rgba-image';
import { shrink } from '@/lib/qr/shrink';
import { pageWithoutCode } from '../../support/qr-corpus';
import { areaScale, drawQr, invert, onPage } from '../../support/qr-images';

const URI =
  'otpauth://totp/abc%40example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account';

function locate(image: RgbaImage) {
  return locateCode(findFinderPatterns(binarize(contrastStretch(image))), image.width, image.height);
}

describe('locateCode over findFinderPatterns', () => {
  it.each([2, 3, 6, 12])('finds a %i px-module code, its module size and its rectangle on a page', (px) => {
    const qr = drawQr(URI, { modulePx: px, margin: 0 });
    const location = locate(onPage(qr, qr.width + 300, qr.height + 200, 170, 60));
    expect(location).not.toBeNull();
    expect(location!.modulePx).toBeGreaterThan(px * 0.85);
    expect(location!.modulePx).toBeLessThan(px * 1.15);
    expect(location!.inverted).toBe(false);
    // the code (quiet zone aside) lies inside the rectangle, and the rectangle is not the whole page
    const { x, y, width, height } = location!.rect;
    expect(x).toBeLessThanOrEqual(170 + 4 * px);
    expect(y).toBeLessThanOrEqual(60 + 4 * px);
    expect(x + width).toBeGreaterThanOrEqual(170 + qr.width - 4 * px);
    expect(y + height).toBeGreaterThanOrEqual(60 + qr.height - 4 * px);
    expect(width * height).toBeLessThan((qr.width + 300) * (qr.height + 200));
  });

  it('tells a dark-mode code by its polarity', () => {
    expect(locate(invert(drawQr(URI, { modulePx: 4, margin: 20 })))?.inverted).toBe(true);
  });

  it('finds a code cropped without any quiet zone (the image edge bounds the finder patterns)', () => {
    expect(locate(drawQr(URI, { modulePx: 3, border: 0 }))).not.toBeNull();
  });

  it('finds a code resampled to under 2 px a module', () => {
    expect(locate(areaScale(drawQr(URI, { modulePx: 3, margin: 20 }), 0.5))?.modulePx).toBeLessThan(2);
  });

  it('finds nothing on page crops without a code', () => {
    for (const seed of [1, 2, 3, 4]) expect(locate(pageWithoutCode(500, 400, seed))).toBeNull();
  });
});

describe('edgeShare', () => {
  it('is near 0.5 on noise and well under it on a code or a page', () => {
    const noise = createGrey(200, 200);
    let state = 7;
    for (let i = 0; i < noise.data.length; i++) noise.data[i] = (state = (state * 16807) % 2147483647) & 255;
    expect(edgeShare(binarize(noise))).toBeGreaterThan(0.45);
    expect(edgeShare(binarize(contrastStretch(drawQr(URI, { modulePx: 2, margin: 10 }))))).toBeLessThan(0.25);
    expect(edgeShare(binarize(contrastStretch(pageWithoutCode(400, 300))))).toBeLessThan(0.25);
  });
});

describe('shrink', () => {
  it('averages whole blocks and drops a partial last row and column', () => {
    const grey = createGrey(5, 3);
    grey.data.set([0, 10, 20, 30, 99, 40, 50, 60, 70, 99, 99, 99, 99, 99, 99]);
    expect(shrink(grey, 2)).toEqual({ data: Uint8Array.from([25, 45]), width: 2, height: 1 });
  });
});
