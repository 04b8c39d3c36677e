/**
 * The scan's selection overlay on a page. Its host element gets a made-up name each time (the page must not find
 * it by name, nor learn from it that Sekimori is scanning), so the tests find it as a person sees it: an element of
 * its own on <html> (neither head nor body) that covers the whole viewport. (The on-page confirmation is a
 * smaller box; its text is read from the accessibility tree, see announcements.ts.)
 */
import type { ElementHandle, Page } from 'playwright-core';

/** A page-side expression: the overlay hosts now on the page (0 or 1). */
const OVERLAYS = `[...document.documentElement.children].filter((el) => {
  if (el === document.head || el === document.body) return false;
  const box = el.getBoundingClientRect();
  const view = document.documentElement;
  return box.left <= 0 && box.top <= 0 && box.right + 1 >= view.clientWidth && box.bottom + 1 >= view.clientHeight;
})`;

export function overlayCount(page: Page): Promise<number> {
  return page.evaluate<number>(`${OVERLAYS}.length`);
}

/** Waits until the overlay is on the page (`attached`) or gone (`detached`). */
export async function waitForOverlay(page: Page, state: 'attached' | 'detached' = 'attached'): Promise<void> {
  await page.waitForFunction(`${OVERLAYS}.length ${state === 'attached' ? '> 0' : '=== 0'}`, undefined, {
    polling: 100,
  });
}

/** The overlay's host element (waits for it). */
export async function overlayHost(page: Page): Promise<ElementHandle<Element>> {
  await waitForOverlay(page);
  const host = (await page.evaluateHandle(`${OVERLAYS}[0]`)).asElement();
  if (!host) throw new Error('the overlay went away');
  return host as ElementHandle<Element>;
}
