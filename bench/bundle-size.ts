/**
 * Gzip size of what the popup loads: the script and stylesheet tags of popup.html, plus every chunk those
 * scripts import statically (transitively). Dynamic `import()` chunks load later, on demand, and are listed apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Strings of jsQR's public API that survive minification: none may reach the popup. */
export const JSQR_MARKERS = ['inversionAttempts', 'attemptBoth', 'onlyInvert'];

export interface PopupAssets {
  js: { file: string; gzip: number }[];
  css: { file: string; gzip: number }[];
  /** Chunks only reachable through dynamic `import()` (not counted). */
  lazy: string[];
  jsGzip: number;
  cssGzip: number;
  /** Files (loaded at start-up) that contain a jsQR marker. */
  jsqrIn: string[];
}

export const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** Attribute values of `tag` elements that carry `attr` (good enough for Vite's generated HTML). */
function tagAttributes(html: string, tag: string, attr: string): { attrs: string; value: string }[] {
  const found: { attrs: string; value: string }[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs = match[1] ?? '';
    const value = new RegExp(`\\b${attr}\\s*=\\s*["']([^"']+)["']`, 'i').exec(attrs)?.[1];
    if (value) found.push({ attrs, value });
  }
  return found;
}

/** `import … from "x"`, `import "x"`, `export … from "x"`; not `import("x")`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["']([^"']+\.m?js)["']\s*\)/g;

/** Resolves a URL from popup.html or from a chunk to a path inside the build (root-relative or relative). */
function resolveIn(fromFile: string, url: string): string {
  const path = url.startsWith('/') ? url.slice(1) : posix.join(posix.dirname(fromFile), url);
  return posix.normalize(path);
}

export function popupAssets(buildDir: string): PopupAssets {
  const htmlFile = join(buildDir, 'popup.html');
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: build first`);
  const html = readFileSync(htmlFile, 'utf8');
  const read = (file: string) => readFileSync(join(buildDir, file));

  const entryScripts = [
    ...tagAttributes(html, 'script', 'src'),
    ...tagAttributes(html, 'link', 'href').filter((l) => /\brel\s*=\s*["']modulepreload["']/i.test(l.attrs)),
  ].map((s) => resolveIn('popup.html', s.value));
  const styles = tagAttributes(html, 'link', 'href')
    .filter((l) => /\brel\s*=\s*["']stylesheet["']/i.test(l.attrs))
    .map((l) => resolveIn('popup.html', l.value));

  const scripts = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...entryScripts];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (scripts.has(file)) continue;
    scripts.add(file);
    const source = read(file).toString('utf8');
    for (const m of source.matchAll(STATIC_IMPORT)) queue.push(resolveIn(file, m[1]!));
    for (const m of source.matchAll(DYNAMIC_IMPORT)) lazy.add(resolveIn(file, m[1]!));
  }
  for (const file of scripts) lazy.delete(file);

  const js = [...scripts].map((file) => ({ file, gzip: gzipSize(read(file)) }));
  const css = styles.map((file) => ({ file, gzip: gzipSize(read(file)) }));
  const jsqrIn = [...scripts, ...styles].filter((file) => {
    const text = read(file).toString('utf8');
    return JSQR_MARKERS.some((marker) => text.includes(marker));
  });
  const sum = (list: { gzip: number }[]) => list.reduce((total, f) => total + f.gzip, 0);
  return { js, css, lazy: [...lazy], jsGzip: sum(js), cssGzip: sum(css), jsqrIn };
}

/** For logs: "chunks/popup-x.js 12.3 KB, …" (paths inside the build directory). */
export function describeAssets(assets: PopupAssets): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const list = [...assets.js, ...assets.css].map((f) => `${f.file} ${kb(f.gzip)}`);
  const lazy = assets.lazy.length ? `; lazy (not counted): ${assets.lazy.join(', ')}` : '';
  return `${list.join(', ')}${lazy}`;
}
