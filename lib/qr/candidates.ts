/**
 * "One click": before asking for a drag, the scan tries the page's visible, roughly square images, canvases
 * and SVGs — a QR code is square — each cropped from the same screenshot. This module picks those
 * rectangles; it reads the DOM but changes nothing.
 */
import type { Rect } from './rgba-image';

/** Smaller than this (CSS px) is an icon, not a scannable QR code. */
export const MIN_SIDE_CSS = 48;
/** Width / height within this band counts as square (a QR code with uneven margins, a bordered frame). */
export const MAX_ASPECT = 1.3;
/** Enough for any real page; bounds the work on pages full of thumbnails. */
export const MAX_CANDIDATES = 16;
/** A candidate must show at least this share of its area inside the viewport. */
const MIN_VISIBLE_SHARE = 0.9;

export interface Viewport {
  width: number;
  height: number;
}

/** Rectangles (viewport CSS px) worth decoding, largest first, each padded by a little page around it. */
export function pickCandidates(rects: readonly Rect[], viewport: Viewport): Rect[] {
  const picked: Rect[] = [];
  for (const r of rects) {
    const side = Math.min(r.width, r.height);
    if (side < MIN_SIDE_CSS) continue;
    if (Math.max(r.width, r.height) / side > MAX_ASPECT) continue;
    const visible = clip(r, viewport);
    if (visible.width * visible.height < MIN_VISIBLE_SHARE * r.width * r.height) continue;
    picked.push(clip(pad(r, Math.round(side * 0.05)), viewport));
  }
  return picked.sort((a, b) => b.width * b.height - a.width * a.height).slice(0, MAX_CANDIDATES);
}

function pad(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

function clip(r: Rect, viewport: Viewport): Rect {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  const width = Math.max(0, Math.min(viewport.width, r.x + r.width) - x);
  const height = Math.max(0, Math.min(viewport.height, r.y + r.height) - y);
  return { x, y, width, height };
}

const SELECTOR = 'img, canvas, svg, picture, object[type^="image/"], input[type="image"]';

/** The visible image-like elements of a document, as viewport rectangles (open shadow roots included). */
export function findCandidateRects(root: Document): Rect[] {
  const rects: Rect[] = [];
  const visit = (scope: Document | ShadowRoot) => {
    for (const el of scope.querySelectorAll<HTMLElement | SVGElement>(SELECTOR)) {
      if (el instanceof SVGElement && el.ownerSVGElement) continue; // only outermost SVGs
      if (!isShown(el)) continue;
      const { x, y, width, height } = el.getBoundingClientRect();
      rects.push({ x, y, width, height });
    }
    for (const host of scope.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
  };
  visit(root);
  return rects;
}

function isShown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check) return check.call(el, { opacityProperty: true, visibilityProperty: true });
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
}

/** QR texts that hold authenticator keys: what one click may enrol without asking. */
export function isAuthenticatorText(text: string): boolean {
  return /^\s*otpauth(-migration)?:\/\//i.test(text);
}
