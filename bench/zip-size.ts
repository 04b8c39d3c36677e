/** The Chrome Web Store package: `wxt zip` (a production build, then the zip) and the size of the result. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ZipResult {
  file: string;
  bytes: number;
}

/** Runs `npx wxt zip` in `root` (this also rebuilds `.output/chrome-mv3`) and returns the Chrome zip it wrote. */
export function buildChromeZip(root: string): ZipResult {
  const started = Date.now();
  const result = spawnSync('npx', ['wxt', 'zip'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) {
    throw new Error(`npx wxt zip failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const outDir = join(root, '.output');
  const zips = readdirSync(outDir)
    .filter((name) => name.endsWith('-chrome.zip'))
    .map((name) => ({ file: join(outDir, name), stat: statSync(join(outDir, name)) }))
    .filter((z) => z.stat.mtimeMs >= started - 1000)
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  const newest = zips[0];
  if (!newest) throw new Error(`npx wxt zip wrote no *-chrome.zip in ${outDir}`);
  return { file: newest.file, bytes: newest.stat.size };
}
