/**
 * bench/results.md, formatted the way `prettier --check .` (part of `npm test`) expects, so that a fresh bench
 * run never breaks the format check.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

export async function formatMarkdown(text: string, path: string): Promise<string> {
  const config = (await resolveConfig(path)) ?? {};
  return format(text, { ...config, filepath: path, parser: 'markdown' });
}

/**
 * The section of bench/results.md that a run keeps: A/B comparisons of two builds (bench/ab.ts), written by
 * whoever ran them, with the commits compared.
 */
export const AB_HEADING = '## A/B records';

function keptRecords(path: string): string {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(`\n${AB_HEADING}\n`);
  return at < 0 ? '' : text.slice(at);
}

export async function writeResults(path: string, text: string): Promise<string> {
  const formatted = await formatMarkdown(
    `<!-- Written by \`npm run bench\` (bench/run.ts); the table is overwritten on every run, the A/B records are kept. -->\n\n${text}\n${keptRecords(path)}`,
    path,
  );
  writeFileSync(path, formatted);
  return formatted;
}
