// @vitest-environment happy-dom
/**
 * How long finding the code field takes on a page of 5 000 elements (budget: 20 ms), median of several runs.
 * happy-dom computes styles far more slowly than a browser; the number is printed for the record.
 */
import { describe, expect, it } from 'vitest';
import { findCodeTarget } from '@/lib/autofill';
import { largePage } from './large-page';
import { byId, showPage, styleMeasure } from './page';

const BUDGET_MS = 20;
const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('findCodeTarget on a page of 5 000 elements', () => {
  it(`finds the field within ${BUDGET_MS} ms (median of ${RUNS})`, () => {
    const page = largePage(5000);
    showPage(page.html);
    const elements = document.body.querySelectorAll('*').length;
    expect(elements).toBeGreaterThanOrEqual(5000);
    expect(elements).toBeLessThan(5100);
    const times: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const start = performance.now();
      const target = findCodeTarget(document, { measure: styleMeasure });
      const ms = performance.now() - start;
      expect(target).toMatchObject({ kind: 'single', input: byId('otp'), emailCode: false });
      if (run >= 2) times.push(ms); // the first runs warm up the engine
    }
    const ms = median(times);
    console.log(`findCodeTarget, ${elements} elements: median ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThanOrEqual(BUDGET_MS);
  });
});
