import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Nothing wider than the window, and every shown control has an accessible name. */
export async function checkLayout(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll<HTMLInputElement>('button, input, select, textarea')) {
      if (el.closest('[hidden]') || el.hidden) continue;
      const named = el.getAttribute('aria-label') || el.textContent?.trim() || el.labels?.length;
      if (!named) out.push(`unnamed ${el.tagName} ${el.outerHTML.slice(0, 80)}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}
