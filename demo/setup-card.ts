/**
 * The Webroot-like "2FA setup card": one wide illustration with the three phone steps drawn at the left and
 * the enrolment QR code, washed out, at the right. The QR code is part of a larger, non-square image, so a
 * reader must be pointed at the region around it.
 */
import { encodePng } from './png';
import { WASHED_OUT, qrRaster } from './qr';
import { createRaster, drawRaster, fillDisc, fillRect, type Raster } from './raster';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SetupCard {
  png: Buffer;
  width: number;
  height: number;
  /** Where the QR code (quiet zone included) lies in the image, in image pixels. */
  qr: Rect;
}

const WIDTH = 640;
const HEIGHT = 260;
const PANEL: Rect = { x: 410, y: 14, width: 216, height: 232 };
const INK = '#5f6b65';
const FAINT = '#aab3ae';
const ACCENT = '#5aa97c';

/** A phone outline with its screen; returns the screen's rectangle. */
function phone(card: Raster, x: number, y: number): Rect {
  fillRect(card, x, y, 58, 100, INK);
  fillRect(card, x + 4, y + 10, 50, 80, '#eef2f0');
  fillRect(card, x + 24, y + 4, 10, 2, FAINT);
  fillDisc(card, x + 29, y + 95, 2, '#eef2f0');
  return { x: x + 4, y: y + 10, width: 50, height: 80 };
}

/** Grey bars standing for a caption line or two. */
function caption(card: Raster, x: number, y: number, widths: number[]): void {
  widths.forEach((w, i) => fillRect(card, x, y + i * 12, w, 6, FAINT));
}

function stepNumber(card: Raster, cx: number, cy: number, n: number): void {
  fillDisc(card, cx, cy, 12, ACCENT);
  for (let i = 0; i < n; i++) fillRect(card, cx - 4 + i * 4 - (n - 1) * 2, cy - 5, 2, 10, '#ffffff');
}

function drawSteps(card: Raster): void {
  fillRect(card, 24, 22, 230, 14, '#4a5a52');
  fillRect(card, 24, 46, 320, 7, FAINT);
  const columns = [24, 150, 276];
  columns.forEach((x, i) => {
    stepNumber(card, x + 12, 82, i + 1);
    const screen = phone(card, x + 30, 70);
    if (i === 0) {
      // An app icon on the home screen.
      fillRect(card, screen.x + 15, screen.y + 22, 20, 20, ACCENT);
      fillRect(card, screen.x + 12, screen.y + 48, 26, 4, FAINT);
    } else if (i === 1) {
      // The camera viewfinder.
      fillRect(card, screen.x + 8, screen.y + 16, 34, 2, ACCENT);
      fillRect(card, screen.x + 8, screen.y + 58, 34, 2, ACCENT);
      fillRect(card, screen.x + 8, screen.y + 16, 2, 44, ACCENT);
      fillRect(card, screen.x + 40, screen.y + 16, 2, 44, ACCENT);
    } else {
      // A six-digit code.
      for (let d = 0; d < 6; d++) fillRect(card, screen.x + 6 + d * 7, screen.y + 34, 5, 10, INK);
      fillRect(card, screen.x + 6, screen.y + 50, 38, 3, ACCENT);
    }
    caption(card, x, 184, [104, 76]);
  });
  caption(card, 24, 222, [330]);
}

/** The setup card for `text`, with where its QR code is. */
export function setupCard(text: string): SetupCard {
  const card = createRaster(WIDTH, HEIGHT, '#f4f6f5');
  drawSteps(card);
  fillRect(card, PANEL.x, PANEL.y, PANEL.width, PANEL.height, WASHED_OUT.light ?? '#d0d0d0');
  const code = qrRaster(text, { ...WASHED_OUT, targetPx: 200 });
  const qr: Rect = {
    x: PANEL.x + Math.floor((PANEL.width - code.width) / 2),
    y: PANEL.y + Math.floor((PANEL.height - code.height) / 2),
    width: code.width,
    height: code.height,
  };
  drawRaster(card, code, qr.x, qr.y);
  return { png: encodePng(card), width: WIDTH, height: HEIGHT, qr };
}
