/**
 * bench/results.md, formatted the way `prettier --check .` (part of `npm test`) expects, so that a fresh bench
 * run never breaks the format check.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

export async function formatMarkdown(text: string, path: string): Promise<string> {
  const config = (await resolveConfig(path)) ?? {};
  return format(text, { ...config, filepath: path, parser: 'markdown' });
}

export async function writeResults(path: string, text: string): Promise<string> {
  const formatted = await formatMarkdown(
    `<!-- Written by \`npm run bench\` (bench/run.ts); overwritten on every run. -->\n\n${text}\n`,
    path,
  );
  writeFileSync(path, formatted);
  return formatted;
}
