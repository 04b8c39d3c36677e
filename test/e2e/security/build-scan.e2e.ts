/**
 * Checklist (security-bar.md, "Attack surface"): strict CSP; no `eval`, no `new Function`, no remote code. Every
 * file of every built package (`npm run build`, `build:firefox`, `build:e2e`) is searched, not only scripts: code
 * built from strings, scripts or styles from the network, inline scripts and handlers, and every URL that appears
 * at all. test/e2e/manifest.e2e.ts checks the manifests' permissions; this is the code itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve(__dirname, '../../../.output');
const BUILDS = ['chrome-mv3', 'firefox-mv3', 'chrome-mv3-e2e'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)],
  );
}

/** What no file of the package may contain: code made from strings, or code and styles from elsewhere. */
const FORBIDDEN: [string, RegExp][] = [
  ['eval', /(?<![\w$.])eval\s*\(|\.eval\s*\(|\[\s*['"`]eval['"`]\s*\]/],
  ['new Function', /new\s+Function\s*\(/],
  ['Function("…")', /(?<![\w$.])Function\s*\(\s*['"`]/],
  ['a string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['a remote import()', /\bimport\s*\(\s*['"`](?:https?:)?\/\//],
  ['a remote fetch', /\bfetch\s*\(\s*['"`](?:https?:)?\/\//],
  ['a script element made at run time', /createElement\s*\(\s*['"`]script['"`]\s*\)/],
  ['WebAssembly (needs wasm-unsafe-eval)', /\bWebAssembly\s*\.\s*(?:instantiate|compile|Module)/],
  ['a remote script tag', /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i],
  ['a remote stylesheet', /<link[^>]+href\s*=\s*["']?(?:https?:)?\/\//i],
  [
    'a remote CSS import or font',
    /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\//i,
  ],
  ['a WebSocket, EventSource or beacon', /new\s+(?:WebSocket|EventSource)\s*\(|sendBeacon\s*\(/],
];

/**
 * URLs that may appear in code: XML namespaces (never fetched), reserved example domains, and a scheme put in front
 * of what a person typed (`https://${typed}`, the sites editor).
 */
const ALLOWED_URL =
  /^https?:\/\/(?:www\.w3\.org\/|(?:\*\.)?(?:[\w-]+\.)*example(?:\.co)?\.(?:jp|com|net|org)(?:[/:.,]|$)|\$\{|$)/;

describe.each(BUILDS)('%s: the built package', (build) => {
  const dir = join(OUT, build);
  const all = existsSync(dir) ? files(dir) : [];

  it('exists (built by npm run build / build:firefox / build:e2e) and holds its pages, worker and scripts', () => {
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((f) => f.endsWith('manifest.json'))).toBe(true);
    expect(all.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(3);
  });

  it('no eval, no new Function, no string timers, no remote scripts, styles, imports or fetches, in any file', () => {
    const textFiles = all.filter((f) => !/\.(png|jpe?g|gif|ico|webp|woff2?)$/i.test(f));
    expect(textFiles.length).toBeGreaterThan(5);
    for (const file of textFiles) {
      const text = readFileSync(file, 'utf8');
      for (const [what, pattern] of FORBIDDEN) {
        expect(pattern.test(text), `${what} in ${relative(OUT, file)}: ${text.match(pattern)?.[0]}`).toBe(
          false,
        );
      }
    }
  });

  it('every URL in its code (scripts, pages, styles) is an XML namespace or a reserved example domain: nothing is loaded from the web', () => {
    // JSON holds text, not code: the UI's sentences (an example console address), the policy schema's descriptions,
    // the manifest's host match patterns (checked by manifest.e2e.ts).
    const code = all.filter((f) => /\.(js|mjs|html|css)$/i.test(f));
    expect(code.length).toBeGreaterThan(3);
    for (const file of code) {
      // A field's placeholder shows an example address to type (the clock check's server): text, never loaded.
      const text = readFileSync(file, 'utf8').replace(/placeholder\s*[:=]\s*(["'`])[^"'`]*\1/g, '');
      const urls = text.match(/https?:\/\/[^\s"'`)<>\\]*/g) ?? [];
      for (const url of urls) expect(url, relative(OUT, file)).toMatch(ALLOWED_URL);
    }
  });

  it('pages: only scripts of the package, no inline script, no inline event handler, no <base>', () => {
    const pages = all.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const name = relative(OUT, page);
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(tag, name).toMatch(/\bsrc=["']?\/[\w./-]+\.js["']?/);
        expect(
          tag
            .replace(/<script\b[^>]*>/i, '')
            .replace(/<\/script>$/i, '')
            .trim(),
          `${name}: inline script`,
        ).toBe('');
      }
      expect(html, name).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, name).not.toMatch(/<base\b/i);
      expect(html, name).not.toMatch(/javascript:/i);
    }
  });

  it('manifest: a CSP without unsafe-eval, wasm-unsafe-eval, unsafe-inline or any remote source; no sandbox, no exposure', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const csp =
      (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-inline|https?:|\*|data:|blob:/);
    for (const key of [
      'sandbox',
      'externally_connectable',
      'web_accessible_resources',
      'content_scripts',
      'host_permissions',
      'update_url',
    ]) {
      expect(manifest, key).not.toHaveProperty(key);
    }
    const background = manifest.background as { service_worker?: string; scripts?: string[] };
    for (const script of [background.service_worker, ...(background.scripts ?? [])].filter(Boolean)) {
      expect(script).not.toMatch(/^(?:https?:)?\/\//);
      expect(existsSync(join(dir, script!))).toBe(true);
    }
  });
});
