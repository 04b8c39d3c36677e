/**
 * Every `<input>` a user could be looking at, in reading order: the document's own, those inside open shadow
 * roots (at their host's place) and those of same-origin frames (at the frame's place). A cross-origin frame
 * is another site: its document is out of reach here by design, and the extension fills it only by running
 * inside it when that frame's own origin is the bound one.
 */
import type { Measure } from './code-target';
import { isShown } from './is-shown';

/** Frames within frames within frames: deeper than this is not a login page. */
const MAX_FRAME_DEPTH = 4;
/** A frame smaller than this cannot show a usable field. */
const MIN_FRAME = { width: 20, height: 10 };

export function collectInputs(doc: Document, measure: Measure): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  const visit = (root: Document | ShadowRoot, depth: number) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'input') found.push(el as HTMLInputElement);
      if (el.shadowRoot) visit(el.shadowRoot, depth);
      if ((el.localName === 'iframe' || el.localName === 'frame') && depth < MAX_FRAME_DEPTH) {
        const inner = sameOriginDocument(el as HTMLIFrameElement);
        if (inner && isShown(el, measure, MIN_FRAME)) visit(inner, depth + 1);
      }
    }
  };
  visit(doc, 0);
  return found;
}

/** The frame's document when the same-origin policy lets us read it; null (never a throw) otherwise. */
export function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const inner = frame.contentDocument;
    // Touching the body proves access: some engines hand out a document object that throws on use.
    return inner?.documentElement ? inner : null;
  } catch {
    return null;
  }
}
