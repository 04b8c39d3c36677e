import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AB_HEADING, writeResults } from '../../bench/results-file';

describe('bench/results.md', () => {
  it('a run replaces the table and keeps the A/B records written below it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-results-')), 'results.md');
    await writeResults(path, '| metric | median |\n| --- | --- |\n| first | 1 ms |');
    writeFileSync(
      path,
      `${readFileSync(path, 'utf8')}\n${AB_HEADING}\n\n- list renderer: kept the faster one.\n`,
    );
    await writeResults(path, '| metric | median |\n| --- | --- |\n| second | 2 ms |');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('| second | 2 ms');
    expect(text).not.toContain('first');
    expect(text).toContain(`${AB_HEADING}\n\n- list renderer: kept the faster one.\n`);
    expect(text.indexOf('second')).toBeLessThan(text.indexOf(AB_HEADING));
  });

  it('a file without records gets none', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-results-')), 'results.md');
    await writeResults(path, 'table');
    expect(readFileSync(path, 'utf8')).not.toContain(AB_HEADING);
  });
});
