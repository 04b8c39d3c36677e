import type { Box } from './code-target';

/** The browser's own answer: where the element is drawn now (zeros when it is not rendered). */
export function layoutBox(el: Element): Box {
  const { x, y, width, height } = el.getBoundingClientRect();
  return { x, y, width, height };
}
