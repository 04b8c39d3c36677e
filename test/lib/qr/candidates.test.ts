/** One click's choice of rectangles: visible, roughly square, big enough to be a QR code. */
import { describe, expect, it } from 'vitest';
import { isAuthenticatorText, MAX_CANDIDATES, pickCandidates } from '@/lib/qr/candidates';

const VIEWPORT = { width: 1280, height: 800 };

describe('pickCandidates', () => {
  it('keeps square-ish images and pads them a little, largest first', () => {
    const picked = pickCandidates(
      [
        { x: 100, y: 100, width: 100, height: 100 },
        { x: 400, y: 100, width: 240, height: 200 },
      ],
      VIEWPORT,
    );
    expect(picked).toEqual([
      { x: 390, y: 90, width: 260, height: 220 },
      { x: 95, y: 95, width: 110, height: 110 },
    ]);
  });

  it.each([
    ['an icon', { x: 10, y: 10, width: 24, height: 24 }],
    ['a banner', { x: 10, y: 10, width: 640, height: 260 }],
    ['a tall strip', { x: 10, y: 10, width: 100, height: 200 }],
    ['scrolled out of view', { x: 10, y: -400, width: 200, height: 200 }],
    ['half off the right edge', { x: 1180, y: 10, width: 200, height: 200 }],
    ['empty', { x: 0, y: 0, width: 0, height: 0 }],
  ])('skips %s', (_name, rect) => {
    expect(pickCandidates([rect], VIEWPORT)).toEqual([]);
  });

  it('clips the padding to the viewport', () => {
    expect(pickCandidates([{ x: 0, y: 0, width: 200, height: 200 }], VIEWPORT)).toEqual([
      { x: 0, y: 0, width: 210, height: 210 },
    ]);
  });

  it(`tries at most ${MAX_CANDIDATES} on a page full of thumbnails`, () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ x: (i % 12) * 100, y: 0, width: 64, height: 64 }));
    expect(pickCandidates(many, VIEWPORT)).toHaveLength(MAX_CANDIDATES);
  });
});

describe('isAuthenticatorText', () => {
  it.each([
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', true],
    ['OTPAUTH://TOTP/a?secret=JBSWY3DPEHPK3PXP', true],
    ['  otpauth-migration://offline?data=CgA', true],
    ['https://example.co.jp/app', false],
    ['phonefactor://activate_account?code=1', false],
    ['javascript:alert(1)', false],
    ['QR-Code:otpauth-migration://offline?data=x', false],
    ['', false],
  ])('%s -> %s', (text, expected) => {
    expect(isAuthenticatorText(text)).toBe(expected);
  });
});
