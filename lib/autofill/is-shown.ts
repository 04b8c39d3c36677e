/**
 * Is the element really on the page for the user to see? A field that is not drawn, or drawn invisibly
 * (opacity near zero, off-screen), is never filled: that is how a page would trick a code out of us.
 */
import type { Box, Measure } from './code-target';

/** Below this opacity (multiplied down the ancestors) a field counts as invisible. */
const MIN_OPACITY = 0.1;

export interface MinSize {
  width: number;
  height: number;
}

/**
 * What one search learned of each element's styles (the opacity it and its ancestors leave, 0 under
 * `display: none`), so the fields of one form do not ask for their shared ancestors' styles again.
 */
export type VisibilityCache = Map<Element, number>;

export function isShown(el: Element, measure: Measure, min: MinSize, cache?: VisibilityCache): boolean {
  const box = measure(el);
  if (!(box.width >= min.width && box.height >= min.height)) return false;
  if (isOffPage(el, box)) return false;
  return isStyledVisible(el, cache ?? new Map());
}

/** Left of or above the page's origin: no scrolling brings it into view. */
function isOffPage(el: Element, box: Box): boolean {
  const view = el.ownerDocument.defaultView;
  const left = box.x + (view?.scrollX ?? 0);
  const top = box.y + (view?.scrollY ?? 0);
  return left + box.width <= 0 || top + box.height <= 0;
}

/**
 * Walks up through shadow hosts: `display: none` and opacity apply from any ancestor; `visibility` is
 * inherited, so the element's own computed value already says it.
 */
function isStyledVisible(el: Element, cache: VisibilityCache): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const own = view.getComputedStyle(el);
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return false;
  return opacityLeft(el, view, cache) >= MIN_OPACITY;
}

/** The opacity the element and its ancestors multiply to (0 when one is not displayed), without recursion. */
function opacityLeft(el: Element, view: Window, cache: VisibilityCache): number {
  const unknown: Element[] = [];
  let above = 1;
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    const known = cache.get(node);
    if (known !== undefined) {
      above = known;
      break;
    }
    unknown.push(node);
  }
  for (let i = unknown.length - 1; i >= 0; i--) {
    const node = unknown[i]!;
    const style = view.getComputedStyle(node);
    const layer = Number.parseFloat(style.opacity);
    above = style.display === 'none' ? 0 : above * (Number.isFinite(layer) ? layer : 1);
    cache.set(node, above);
  }
  return above;
}

export function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return 'host' in root ? (root as ShadowRoot).host : null;
}
