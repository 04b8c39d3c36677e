/**
 * Test pages for the autofill finder. happy-dom has no layout (every `getBoundingClientRect` is zero), so
 * tests measure fields by their computed CSS instead: `width`/`height` give the size, `left`/`top` the place.
 * Every page gets a base style sheet giving inputs and frames a realistic size.
 */
import type { Box, Measure } from '@/lib/autofill';

export const BASE_STYLE = `<style>
  input { width: 220px; height: 32px; }
  input[type='checkbox'] { width: 16px; height: 16px; }
  iframe { width: 480px; height: 320px; }
  .box { width: 40px; height: 48px; }
</style>`;

/** Replaces the test document's body with the fixture (plus the base style) and returns the document. */
export function showPage(html: string, title = ''): Document {
  document.title = title;
  document.body.innerHTML = `${BASE_STYLE}${html}`;
  return document;
}

export const styleMeasure: Measure = (el: Element): Box => {
  const view = el.ownerDocument.defaultView;
  if (!view) return { x: 0, y: 0, width: 0, height: 0 };
  const style = view.getComputedStyle(el);
  const px = (value: string) => Number.parseFloat(value) || 0;
  return { x: px(style.left), y: px(style.top), width: px(style.width), height: px(style.height) };
};

/** Six (or n) boxes side by side, 48 px apart, as segmented code widgets draw them. */
export function boxes(count: number, attrs = 'maxlength="1" inputmode="numeric"'): string {
  return Array.from(
    { length: count },
    (_, i) => `<input class="box" style="left: ${i * 48}px" ${attrs} aria-label="Digit ${i + 1}">`,
  ).join('');
}

export function byId(id: string, doc: Document = document): HTMLInputElement {
  const el = doc.getElementById(id);
  if (!(el instanceof doc.defaultView!.HTMLInputElement)) throw new Error(`no input #${id}`);
  return el;
}
