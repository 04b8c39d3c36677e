/**
 * zxing-wasm is a devDependency for the bench's side-by-side only: no shipped source imports it, and a build
 * present on disk holds none of it (nor its CDN address).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

describe('zxing-wasm stays out of the extension', () => {
  it('is imported by no shipped source (lib, components, entrypoints)', () => {
    const sources = ['lib', 'components', 'entrypoints'].flatMap((d) => files(join(ROOT, d), /\.tsx?$/));
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((f) => readFileSync(f, 'utf8').includes('zxing-wasm'))).toEqual([]);
  });

  it('is in no built bundle on disk', () => {
    const built = files(join(ROOT, '.output'), /\.(js|wasm|html)$/);
    expect(built.filter((f) => /zxing/i.test(readFileSync(f, 'latin1')))).toEqual([]);
  });
});
