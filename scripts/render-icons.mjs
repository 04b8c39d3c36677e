// Renders assets/icon.svg into public/icon/<size>.png (and the header's assets/ui/brand.png), and the row icons assets/ui/*.svg into assets/ui/*.png
// (alpha masks at 48 px: sharp up to 3x; each SVG mask would cost an SVG document of its own, ~5 ms apiece on
// the popup's start-up path; the PNGs are small enough for the build to inline them into the stylesheet as data
// URLs, so the first frame fetches nothing), with headless Chromium. Run by hand after editing an SVG.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { findBrowser } from './find-browser.mjs';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: findBrowser(),
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({
    path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname,
    omitBackground: true,
  });
  // The popup's header shows the 32 px one at 18 px, inlined into the stylesheet like the row icons.
  if (size === 32) {
    await page.screenshot({
      path: new URL('../assets/ui/brand.png', import.meta.url).pathname,
      omitBackground: true,
    });
  }
  await page.close();
}
const MASK_PX = 48;
for (const name of ['edit', 'delete', 'next']) {
  const icon = await readFile(new URL(`../assets/ui/${name}.svg`, import.meta.url), 'utf8');
  const page = await browser.newPage({ viewport: { width: MASK_PX, height: MASK_PX } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${MASK_PX}px;height:${MASK_PX}px;display:block}</style>${icon}`,
  );
  await page.screenshot({
    path: new URL(`../assets/ui/${name}.png`, import.meta.url).pathname,
    omitBackground: true,
  });
  await page.close();
}
await browser.close();
