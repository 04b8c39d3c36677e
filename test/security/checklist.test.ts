/**
 * The campaign's map (test/security/README.md) stays true: every test it names exists, in the file it names, so a
 * reader can go from each checklist item of security-bar.md to the test that covers it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEST_ROOT = join(__dirname, '..');
const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');

/** The table rows: checklist item, test entries (`file`: "name fragment"), what it proves, result. */
const rows = readme
  .split('\n')
  .filter((line) => line.startsWith('| ') && !/^\| -|^\| checklist item/.test(line))
  .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim()));

describe('the campaign map (README.md)', () => {
  it('lists every checklist section with its items', () => {
    expect(rows.length).toBeGreaterThanOrEqual(35);
    for (const section of ['## Bad inputs', '## Faults', '## Attacks', '## Defects found'])
      expect(readme).toContain(section);
  });

  it.each(rows.map((row) => [row[0]!, row[1]!] as const))(
    '%s → its tests exist, under the names given',
    (_item, tests) => {
      const entries = [...tests.matchAll(/`([\w./-]+\.(?:test\.tsx?|e2e\.ts))`: "([^"]+)"/g)];
      expect(entries.length, tests).toBeGreaterThan(0);
      for (const [, file, name] of entries) {
        const path = join(TEST_ROOT, file!);
        expect(existsSync(path), file).toBe(true);
        expect(readFileSync(path, 'utf8'), `${file} names "${name}"`).toContain(name!);
      }
    },
  );
});
