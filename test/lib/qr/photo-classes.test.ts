/**
 * Classes of pictures issue #17 names that the public corpus does not hold, drawn here: a phone screenshot of an
 * export with two dense codes side by side (1.5–3 px a module, JPEG), and a photo of a screen, whose pixel grid
 * makes moiré once the photo is scaled (grid pitch 3–4 px, scaled 0.6–0.83, turned 0° or 7°, blurred, JPEG).
 * Every one is read, and read right.
 */
import { describe, expect, it } from 'vitest';
import { decodeQr } from '@/lib/qr/decode-qr';
import { decodeQrCodes } from '@/lib/qr/decode-qr-codes';
import { createImage, type RgbaImage } from '@/lib/qr/rgba-image';
import { areaScale, drawQr, gaussianBlur, jpegRoundTrip, onPage, rotate } from '../../support/qr-images';

/** A Google Authenticator export's text (260 bytes of payload: a version 16 code). */
const exportText = (k: number) =>
  'otpauth-migration://offline?data=' +
  encodeURIComponent(
    Buffer.from(Array.from({ length: 260 }, (_, i) => (i * 37 + k * 11) % 256)).toString('base64'),
  );

function sideBySide(a: RgbaImage, b: RgbaImage): RgbaImage {
  const width = a.width + b.width + 20;
  const image = createImage(width, Math.max(a.height, b.height) + 40);
  image.data.fill(255);
  for (const [src, x0] of [
    [a, 5],
    [b, a.width + 15],
  ] as const) {
    for (let y = 0; y < src.height; y++) {
      image.data.set(
        src.data.subarray(y * src.width * 4, (y + 1) * src.width * 4),
        ((y + 20) * width + x0) * 4,
      );
    }
  }
  return image;
}

describe('dense codes: a screenshot of an export with two codes side by side', () => {
  const texts = [exportText(0), exportText(1)];
  for (const modulePx of [2, 3])
    for (const factor of [1, 0.9, 0.75]) {
      it(`${modulePx} px a module, scaled ${factor}: both codes`, () => {
        const drawn = sideBySide(
          drawQr(texts[0]!, { modulePx, border: 2 }),
          drawQr(texts[1]!, { modulePx, border: 2 }),
        );
        const shot = jpegRoundTrip(factor === 1 ? drawn : areaScale(drawn, factor), 80);
        expect(decodeQrCodes(shot).sort()).toEqual([...texts].sort());
      });
    }
});

describe('moiré: a photo of a screen', () => {
  const text = 'otpauth://totp/Trend%20Micro:abc@example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro';
  for (const pitch of [3, 4])
    for (const factor of [0.83, 0.71, 0.6])
      for (const degrees of [0, 7]) {
        it(`grid pitch ${pitch} px, scaled ${factor}, turned ${degrees}°`, () => {
          const screen = onPage(drawQr(text, { modulePx: 12, border: 4 }), 1000, 800, 200, 120);
          // The gaps between the screen's pixels, photographed: darker lines every `pitch` px.
          for (let y = 0; y < screen.height; y++)
            for (let x = 0; x < screen.width; x++) {
              if (y % pitch !== 0 && x % pitch !== 0) continue;
              const i = (y * screen.width + x) * 4;
              for (let c = 0; c < 3; c++) screen.data[i + c] = Math.round(screen.data[i + c]! * 0.55);
            }
          const photo = jpegRoundTrip(gaussianBlur(areaScale(rotate(screen, degrees), factor), 0.6), 75);
          expect(decodeQr(photo)).toBe(text);
        });
      }
});
