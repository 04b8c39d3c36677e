/**
 * Finding the code field on a large page, in Chromium: lib/autofill's `findCodeTarget` (bundled on its own by
 * esbuild, as the fill script bundles it) over the generated busy page of the unit test (large-page.ts: header,
 * navigation, a search box, a filter form of 30 fields, tables, a footer, and one code form). Each sample is one
 * full search, timed with the page's own clock.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { largePage } from '../test/lib/autofill/large-page';
import { sample } from './stats';

const ENTRY = resolve(import.meta.dirname, '../lib/autofill/index.ts');

/** The library as one classic script that sets `window.__autofill`. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: '__autofill',
    write: false,
    target: 'chrome120',
    minify: true,
  });
  return result.outputFiles[0]!.text;
}

/** Median-ready samples (ms) of one `findCodeTarget` over the page; checks it finds the right field. */
export async function findFieldSpeed(page: Page, elements: number, runs: number, warmup: number) {
  await page.setContent(`<!doctype html><html lang="en"><body>${largePage(elements).html}</body></html>`);
  await page.addScriptTag({ content: await bundle() });
  const counted = await page.evaluate(() => document.getElementsByTagName('*').length);
  const found = await page.evaluate(() => {
    const lib = (window as unknown as { __autofill: { findCodeTarget(d: Document): unknown } }).__autofill;
    const target = lib.findCodeTarget(document) as { kind?: string; input?: HTMLInputElement } | null;
    return target && 'input' in target ? (target.input?.id ?? null) : JSON.stringify(target).slice(0, 80);
  });
  if (found !== 'otp') throw new Error(`findCodeTarget found ${String(found)}, not #otp`);
  const samples = await sample(runs, warmup, () =>
    page.evaluate(() => {
      const lib = (window as unknown as { __autofill: { findCodeTarget(d: Document): unknown } }).__autofill;
      const start = performance.now();
      lib.findCodeTarget(document);
      return performance.now() - start;
    }),
  );
  return { samples, elements: counted };
}
