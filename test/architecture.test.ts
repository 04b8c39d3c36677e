/**
 * Trust boundaries, enforced by reading every source file's imports (architecture.md):
 * content scripts never reach the vault; UI code never reaches vault internals or storage; only
 * lib/platform touches the extension API; lib stays browser-free.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const SOURCE = /\.(ts|tsx)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) ? [path] : [];
  });
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Project-relative paths of everything a file imports (packages keep their bare name). */
function importsOf(file: string): string[] {
  const code = stripComments(readFileSync(file, 'utf8'));
  const specs = [...code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => {
    if (spec.startsWith('@/')) return spec.slice(2);
    if (spec.startsWith('.')) return relative(ROOT, resolve(dirname(file), spec));
    return spec;
  });
}

const files = ['entrypoints', 'components', 'lib']
  .flatMap((d) => walk(join(ROOT, d)))
  .map((f) => relative(ROOT, f));
const under = (prefix: string) => files.filter((f) => f.startsWith(prefix));
const isContentScript = (f: string) => /^entrypoints\/[^/]+\.content(\/|\.)/.test(f);
const uiFiles = [...under('entrypoints/popup'), ...under('entrypoints/options'), ...under('components')];

function violations(group: string[], forbidden: RegExp): string[] {
  return group.flatMap((f) =>
    importsOf(join(ROOT, f))
      .filter((i) => forbidden.test(i))
      .map((i) => `${f} -> ${i}`),
  );
}

describe('trust boundaries', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(uiFiles.length).toBeGreaterThan(5);
  });

  it('content scripts never import the vault, formats, keeper or storage', () => {
    const group = files.filter(isContentScript);
    expect(violations(group, /^lib\/(vault|formats|keeper)|^lib\/platform\/storage|^components\//)).toEqual(
      [],
    );
  });

  it('popup, options and components never import vault internals, the keeper or storage', () => {
    expect(
      violations(uiFiles, /^lib\/(vault|keeper|formats)|^lib\/platform\/storage|^wxt\/browser$/),
    ).toEqual([]);
  });

  it('content scripts create only clients narrowed to their own messages (ScanClient, PageClient)', () => {
    const unnarrowed = files
      .filter(isContentScript)
      .filter((f) => /\bcreateClient\s*\(/.test(stripComments(readFileSync(join(ROOT, f), 'utf8'))));
    expect(unnarrowed).toEqual([]);
  });

  it('the background never imports UI components', () => {
    expect(violations(under('entrypoints/background'), /^components\//)).toEqual([]);
  });

  it('only lib/platform imports the extension API', () => {
    const outside = files.filter((f) => !f.startsWith('lib/platform/'));
    expect(violations(outside, /^(wxt\/browser|webextension-polyfill)$/)).toEqual([]);
  });

  it('lib (except platform) uses no browser or chrome globals, and no window outside DOM modules', () => {
    const offenders = under('lib/')
      .filter((f) => !f.startsWith('lib/platform/'))
      .filter((f) => {
        const code = stripComments(readFileSync(join(ROOT, f), 'utf8'));
        const domModule = /^lib\/(autofill|qr)\//.test(f);
        return /\b(browser|chrome)\s*\.\s*\w/.test(code) || (!domModule && /\bwindow\s*\./.test(code));
      });
    expect(offenders).toEqual([]);
  });

  it('entrypoints are wiring: small files', () => {
    const big = under('entrypoints/')
      .filter((f) => /\/(index|main)\.tsx?$/.test(f))
      .filter((f) => readFileSync(join(ROOT, f), 'utf8').split('\n').length > 80);
    expect(big).toEqual([]);
  });

  it('no eval or Function constructor anywhere in the source', () => {
    const offenders = files.filter((f) =>
      /\beval\s*\(|new\s+Function\s*\(/.test(stripComments(readFileSync(join(ROOT, f), 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the keeper is grouped by capability (docs/architecture.md, "Folders")', () => {
  const KEEPER = join(ROOT, 'lib/keeper');
  /** The keeper's core and the wiring every feature shares; a feature's handlers and helpers go in its folder. */
  const TOP_LEVEL = [
    'check-payload.ts',
    'handler-set.ts',
    'handlers.ts',
    'keeper-error.ts',
    'keeper.ts',
    'random-id.ts',
    'router.ts',
    'sender.ts',
    'validate-message.ts',
  ];
  const FEATURES = [
    'accounts',
    'backup',
    'clock',
    'fill',
    'passkeys',
    'policy',
    'scan',
    'session',
    'settings',
    'sync',
  ];
  const entries = readdirSync(KEEPER);
  const isDir = (name: string) => statSync(join(KEEPER, name)).isDirectory();

  it('no file lands flat in lib/keeper/ outside the core and its wiring', () => {
    expect(entries.filter((name) => !isDir(name) && !TOP_LEVEL.includes(name))).toEqual([]);
    expect(TOP_LEVEL.filter((name) => !entries.includes(name))).toEqual([]);
  });

  it('every folder of lib/keeper/ is a named feature (a new one is added here and in the docs)', () => {
    expect(entries.filter(isDir).sort()).toEqual(FEATURES);
  });
});
