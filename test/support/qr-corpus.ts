/**
 * The QR corpus: crops as a user drags them around a 2FA set-up QR on a console page — the code with its
 * quiet zone, 10–40 px of page around it with text-like clutter — rendered at a device pixel ratio or page
 * zoom and degraded the ways screens and pages degrade them. Deterministic: one seed gives the same pixels on
 * every run.
 *
 * A case is undegraded when its modules are a whole number of pixels with nothing else done to it (either
 * polarity: dark-mode codes are decoded both ways round by design). The bar: every undegraded case decodes,
 * and at least 97 % of all cases.
 */
import { encode } from 'uqr';
import { formatMigrationUris } from '@/lib/formats';
import { encodeBase32 } from '@/lib/otp/base32';
import { validateAccount } from '@/lib/otp/validate-account';
import { createImage, type RgbaImage } from '@/lib/qr/rgba-image';
import { areaScale, gaussianBlur, invert, jpegRoundTrip, lowContrast, scale } from './qr-images';

export interface QrCase {
  /** The kind of crop, e.g. 'device pixel ratio'. */
  family: string;
  /** The setting within the family, e.g. '×1.5'. */
  variant: string;
  /** What the code holds: a decode must return exactly this. */
  text: string;
  image: RgbaImage;
  /** What was done beyond drawing crisp whole-pixel modules; empty for an undegraded case. */
  degradations: string[];
}

export const FAMILIES = {
  moduleSize: 'module size',
  dpr: 'device pixel ratio',
  zoom: 'page zoom',
  inverted: 'inverted (dark mode)',
  contrast: 'contrast ×0.15',
  blur: 'blur',
  jpeg: 'JPEG',
  quietZone: 'quiet zone 1 module',
  migration: 'transfer code, 10 accounts',
  fourK: '4K screen crop',
} as const;

export const isUndegraded = (c: QrCase): boolean => c.degradations.length === 0;

type Rgb = readonly [number, number, number];
type Random = () => number;

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Issuers and account names the consoles put in their labels, masked and Japanese ones included. */
const LABELS: readonly (readonly [string, string])[] = [
  ['Trend Micro SaaS Account', 'abc****'],
  ['Trend Micro SaaS Account', 'tanaka****'],
  ['Amazon Web Services', 'admin@123456789012'],
  ['Microsoft', 'admin@contoso.onmicrosoft.com'],
  ['Google', 'it-admin@example.co.jp'],
  ['さくらのクラウド', '山田太郎'],
  ['マネーフォワード クラウド', 'keiri@example.co.jp'],
  ['GitHub', 'octo-admin'],
  ['Okta', 'admin@example.okta.com'],
  ['Cloudflare', 'noc@example.jp'],
  ['Fortinet FortiCloud', '運用管理者'],
  ['Sophos Central', 'secops@example.co.jp'],
];

function secret(random: Random, bytes: number): string {
  return encodeBase32(Uint8Array.from({ length: bytes }, () => Math.floor(random() * 256)));
}

/**
 * An otpauth URI as a console writes it: percent-encoded label, a 10- or 20-byte secret, the issuer again.
 */
function otpauthUri(random: Random): string {
  const [issuer, account] = pick(random, LABELS);
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account).replace(/%40/g, random() < 0.5 ? '@' : '%40')}`;
  const params = random() < 0.3 ? '&algorithm=SHA1&digits=6&period=30' : '';
  return `otpauth://totp/${label}?secret=${secret(random, random() < 0.5 ? 10 : 20)}&issuer=${encodeURIComponent(issuer)}${params}`;
}

/** The consoles' own URI (version 8 at ECC M): what the 4K crops show. */
function consoleUri(random: Random): string {
  const issuer = encodeURIComponent('Trend Micro SaaS Account');
  return `otpauth://totp/${issuer}:abc****?secret=${secret(random, 20)}&issuer=${issuer}`;
}

/** A Google Authenticator transfer code holding 10 accounts (a large QR version). */
function migrationUri(random: Random): string {
  const accounts = Array.from({ length: 10 }, () => {
    const [issuer, account] = pick(random, LABELS);
    return validateAccount({ issuer, account, secret: secret(random, random() < 0.5 ? 10 : 20) });
  });
  return formatMigrationUris(accounts, { batchId: between(random, -2_000_000_000, 2_000_000_000) })[0]!;
}

const PAGES: readonly Rgb[] = [
  [255, 255, 255],
  [248, 249, 250],
  [243, 244, 246],
  [250, 250, 247],
  [241, 245, 251],
];
const INKS: readonly Rgb[] = [
  [32, 33, 36],
  [60, 64, 67],
  [17, 24, 39],
  [100, 116, 139],
  [26, 115, 232],
];
const WHITE: Rgb = [255, 255, 255];

interface Scene {
  text: string;
  /** CSS px per module. */
  modulePx: number;
  /** Quiet zone, in modules. */
  quiet: number;
  /** Page inside the crop on each side of the quiet zone, CSS px. */
  margin: { left: number; top: number; right: number; bottom: number };
  ecc: 'L' | 'M' | 'Q';
  page: Rgb;
  dark: Rgb;
  /** Text-like strokes on the page around the code. */
  clutter: boolean;
}

function scene(random: Random, text: string, modulePx: number, overrides: Partial<Scene> = {}): Scene {
  return {
    text,
    modulePx,
    quiet: 4,
    margin: {
      left: between(random, 10, 40),
      top: between(random, 10, 40),
      right: between(random, 10, 40),
      bottom: between(random, 10, 40),
    },
    ecc: random() < 0.5 ? 'L' : 'M',
    page: pick(random, PAGES),
    dark: random() < 0.7 ? [0, 0, 0] : [32, 33, 36],
    clutter: true,
    ...overrides,
  };
}

function setPixel(image: RgbaImage, x: number, y: number, rgb: Rgb, alpha = 1): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  const i = (y * image.width + x) * 4;
  for (let c = 0; c < 3; c++) image.data[i + c] = image.data[i + c]! * (1 - alpha) + rgb[c]! * alpha;
  image.data[i + 3] = 255;
}

function fillRect(image: RgbaImage, x: number, y: number, w: number, h: number, rgb: Rgb): void {
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) setPixel(image, xx, yy, rgb);
}

/** Lines of glyph-like strokes (stems, bars, ascenders) anywhere on the page except near the code. */
function drawClutter(
  image: RgbaImage,
  random: Random,
  keepOut: { x0: number; y0: number; x1: number; y1: number },
) {
  const ink = pick(random, INKS);
  for (
    let baseline = between(random, 4, 14);
    baseline < image.height + 10;
    baseline += between(random, 17, 24)
  ) {
    let x = between(random, -20, 10);
    while (x < image.width) {
      const letters = between(random, 2, 9);
      for (let l = 0; l < letters; l++) {
        const w = between(random, 4, 7);
        const ascender = random() < 0.3 ? 3 : 0;
        const strokes: [number, number, number, number][] = [[x, baseline - 7 - ascender, 1, 7 + ascender]];
        if (random() < 0.6) strokes.push([x + w - 1, baseline - 7, 1, 7]);
        if (random() < 0.5) strokes.push([x, baseline - 7, w, 1]);
        if (random() < 0.5) strokes.push([x, baseline - 1, w, 1]);
        const alpha = 0.6 + random() * 0.4;
        for (const [sx, sy, sw, sh] of strokes) {
          for (let yy = sy; yy < sy + sh; yy++) {
            for (let xx = sx; xx < sx + sw; xx++) {
              const near = xx >= keepOut.x0 && xx < keepOut.x1 && yy >= keepOut.y0 && yy < keepOut.y1;
              if (!near) setPixel(image, xx, yy, ink, alpha);
            }
          }
        }
        x += w + 1;
      }
      x += between(random, 4, 6);
    }
  }
}

/** The crop at CSS resolution: page, clutter, then the code with its white quiet zone. */
function drawScene(s: Scene, random: Random): RgbaImage {
  const { data } = encode(s.text, { ecc: s.ecc, border: s.quiet });
  const n = data.length;
  const size = n * s.modulePx;
  const image = createImage(s.margin.left + size + s.margin.right, s.margin.top + size + s.margin.bottom);
  fillRect(image, 0, 0, image.width, image.height, s.page);
  const x0 = s.margin.left;
  const y0 = s.margin.top;
  if (s.clutter) {
    const gap = 4;
    drawClutter(image, random, { x0: x0 - gap, y0: y0 - gap, x1: x0 + size + gap, y1: y0 + size + gap });
  }
  fillRect(image, x0, y0, size, size, WHITE);
  for (let my = 0; my < n; my++) {
    for (let mx = 0; mx < n; mx++) {
      if (data[my]![mx])
        fillRect(image, x0 + mx * s.modulePx, y0 + my * s.modulePx, s.modulePx, s.modulePx, s.dark);
    }
  }
  return image;
}

/**
 * The page painted at `factor` device px per CSS px: smoothed-image (bilinear) or vector-like (area) edges.
 */
function render(
  s: Scene,
  random: Random,
  factor: number,
  smooth: boolean,
): { image: RgbaImage; degradations: string[] } {
  const css = drawScene(s, random);
  if (factor === 1) return { image: css, degradations: [] };
  const image = smooth ? scale(css, factor) : areaScale(css, factor);
  const crisp = !smooth && Number.isInteger(factor);
  return { image, degradations: crisp ? [] : [`resampled ×${factor} (${smooth ? 'bilinear' : 'area'})`] };
}

/** Smooth random texture (value noise on a `cell`-px grid) with a little grain: a photo on the page. */
function drawPhoto(
  image: RgbaImage,
  random: Random,
  x0: number,
  y0: number,
  w: number,
  h: number,
  cell: number,
) {
  const gw = Math.ceil(w / cell) + 2;
  const grid = Array.from({ length: (Math.ceil(h / cell) + 2) * gw }, () => [random(), random(), random()]);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const gx = x / cell;
      const gy = y / cell;
      const ix = Math.floor(gx);
      const iy = Math.floor(gy);
      const fx = gx - ix;
      const fy = gy - iy;
      const at = (dx: number, dy: number, c: number) => grid[(iy + dy) * gw + ix + dx]![c]!;
      const rgb = [0, 1, 2].map((c) => {
        const top = at(0, 0, c) * (1 - fx) + at(1, 0, c) * fx;
        const bottom = at(0, 1, c) * (1 - fx) + at(1, 1, c) * fx;
        return (top * (1 - fy) + bottom * fy) * 230 + 10 + (random() - 0.5) * 8;
      }) as unknown as Rgb;
      setPixel(image, x0 + x, y0 + y, rgb);
    }
  }
}

/**
 * A crop of a console page without a code — text, buttons and a photo — for what a failed scan costs: the
 * scan tries several such rectangles before the user drags one.
 */
export function pageWithoutCode(width: number, height: number, seed = 7): RgbaImage {
  const random = prng(seed);
  const image = createImage(width, height);
  fillRect(image, 0, 0, width, height, pick(random, PAGES));
  drawClutter(image, random, { x0: 0, y0: 0, x1: 0, y1: 0 });
  for (let i = 0; i < 4; i++) {
    const [w, h] = [between(random, 80, 160), between(random, 28, 40)];
    fillRect(image, between(random, 0, width - w), between(random, 0, height - h), w, h, pick(random, INKS));
  }
  const side = Math.floor(Math.min(width, height) / 3);
  drawPhoto(
    image,
    random,
    between(random, 0, width - side),
    between(random, 0, height - side),
    side,
    side,
    16,
  );
  return image;
}

type AddCase = (variant: string, text: string, made: { image: RgbaImage; degradations: string[] }) => void;

/** Every case of every family; `seed` changes the URIs, colours, margins and clutter, not the families. */
export function qrCorpus(seed = 2026): QrCase[] {
  const random = prng(seed);
  const cases: QrCase[] = [];
  const family =
    (name: string): AddCase =>
    (variant, text, { image, degradations }) =>
      cases.push({ family: name, variant, text, image, degradations });

  const moduleSize = family(FAMILIES.moduleSize);
  for (const px of [2, 3, 4, 5, 6]) {
    for (let i = 0; i < 6; i++) {
      const text = otpauthUri(random);
      moduleSize(`${px} px`, text, render(scene(random, text, px), random, 1, false));
    }
  }

  const dpr = family(FAMILIES.dpr);
  for (const ratio of [1, 1.25, 1.5, 2, 3]) {
    for (let i = 0; i < 6; i++) {
      const text = otpauthUri(random);
      dpr(`×${ratio}`, text, render(scene(random, text, 3 + (i % 2)), random, ratio, i % 3 === 0));
    }
  }

  const zoom = family(FAMILIES.zoom);
  for (const percent of [67, 75, 90, 110, 125, 150, 175]) {
    for (let i = 0; i < 5; i++) {
      const text = otpauthUri(random);
      zoom(
        `${percent} %`,
        text,
        render(scene(random, text, 3 + (i % 2)), random, percent / 100, i % 2 === 1),
      );
    }
  }

  const inverted = family(FAMILIES.inverted);
  for (let i = 0; i < 10; i++) {
    const text = otpauthUri(random);
    const px = 2 + (i % 5);
    const { image, degradations } = render(scene(random, text, px), random, 1, false);
    inverted(`${px} px`, text, { image: invert(image), degradations });
  }

  const contrast = family(FAMILIES.contrast);
  for (let i = 0; i < 10; i++) {
    const text = otpauthUri(random);
    const px = 3 + (i % 3);
    const centre = between(random, 100, 200);
    const { image } = render(scene(random, text, px), random, 1, false);
    contrast(`${px} px`, text, {
      image: lowContrast(image, 0.15, centre),
      degradations: [`contrast ×0.15 around ${centre}`],
    });
  }

  const blur = family(FAMILIES.blur);
  for (let i = 0; i < 10; i++) {
    const text = otpauthUri(random);
    const px = 3 + (i % 2);
    // sigma about a third of a module: sigma 1 at 3 px modules
    const sigma = Math.round((px / 3) * (0.9 + random() * 0.2) * 100) / 100;
    const { image } = render(scene(random, text, px), random, 1, false);
    blur(`${px} px`, text, { image: gaussianBlur(image, sigma), degradations: [`gaussian blur σ ${sigma}`] });
  }

  const jpeg = family(FAMILIES.jpeg);
  for (let i = 0; i < 10; i++) {
    const text = otpauthUri(random);
    const px = 3 + (i % 2);
    const quality = between(random, 60, 75);
    const { image } = render(scene(random, text, px), random, 1, false);
    jpeg(`${px} px`, text, {
      image: jpegRoundTrip(image, quality),
      degradations: [`JPEG quality ${quality}`],
    });
  }

  const quietZone = family(FAMILIES.quietZone);
  for (let i = 0; i < 10; i++) {
    const text = otpauthUri(random);
    const px = 3 + (i % 3);
    // half cropped right at the code's one-module border, half with a few px of page beyond it
    const edge = () => (i % 2 === 0 ? 0 : between(random, 2, 6));
    const margin = { left: edge(), top: edge(), right: edge(), bottom: edge() };
    const s = scene(random, text, px, { quiet: 1, margin, clutter: false });
    const { image } = render(s, random, 1, false);
    quietZone(`${px} px`, text, { image, degradations: ['quiet zone 1 module'] });
  }

  const migration = family(FAMILIES.migration);
  for (let i = 0; i < 8; i++) {
    const text = migrationUri(random);
    const px = 2 + (i % 3);
    migration(`${px} px`, text, render(scene(random, text, px, { ecc: 'M' }), random, 1, false));
  }

  const fourK = family(FAMILIES.fourK);
  for (let i = 0; i < 8; i++) {
    const text = consoleUri(random);
    // 3 CSS px modules at DPR 2 on a 3840×2160 screen: a crop of about 430 px
    fourK('DPR 2', text, render(scene(random, text, 3, { ecc: 'M' }), random, 2, i % 2 === 1));
  }

  return cases;
}
