import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBackup, readBackupSummary } from '../../../lib/backup';
import {
  EXAMPLE_ACCOUNTS,
  EXAMPLE_CREATED_AT,
  EXAMPLE_PASSWORD,
} from '../../fixtures/backup/example-accounts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const fixture = read('../../fixtures/backup/example-backup.json');
const doc = read('../../../docs/backup-format.md');
const fixturePath = new URL('../../fixtures/backup/example-backup.json', import.meta.url).pathname;

/** The fenced code block right after `<!-- doc-test: name -->` in docs/backup-format.md. */
function docBlock(name: string): string {
  const match = new RegExp(`<!-- doc-test: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (match?.[1] === undefined) throw new Error(`no doc-test block ${name}`);
  return match[1];
}

const hasPythonCryptography =
  spawnSync('python3', ['-c', 'import cryptography.hazmat.primitives.ciphers.aead'], { stdio: 'ignore' })
    .status === 0;

describe('the example backup (test/fixtures/backup/example-backup.json, shown in docs/backup-format.md)', () => {
  it('is the file the documentation shows, and its decrypted content is what the documentation shows', () => {
    expect(JSON.parse(docBlock('example-file'))).toEqual(JSON.parse(fixture));
    expect(JSON.parse(docBlock('example-plaintext'))).toEqual({ accounts: EXAMPLE_ACCOUNTS });
    expect(doc).toContain(`**\`${EXAMPLE_PASSWORD}\`**`);
  });

  it('opens with Sekimori to the shared accounts, their sites and creation times', async () => {
    expect(await openBackup(fixture, EXAMPLE_PASSWORD)).toEqual({
      accounts: EXAMPLE_ACCOUNTS,
      createdAt: EXAMPLE_CREATED_AT,
    });
    expect(await readBackupSummary(fixture)).toEqual({
      version: 1,
      createdAt: EXAMPLE_CREATED_AT,
      accountCount: EXAMPLE_ACCOUNTS.length,
      iterations: 800_000,
    });
  });

  it("opens by hand with the documentation's Node snippet, run by plain Node on the documented file", () => {
    const script = [
      "import { readFileSync } from 'node:fs';",
      docBlock('node'),
      'process.stdout.write(JSON.stringify(openBackupByHand(readFileSync(process.argv[1] === "-" ? 0 : process.argv[1], "utf8"), process.argv[2])));',
    ].join('\n');
    const documented = JSON.stringify(JSON.parse(docBlock('example-file')));
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script, '-', EXAMPLE_PASSWORD],
      {
        input: documented,
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(output)).toEqual(EXAMPLE_ACCOUNTS);
    expect(() =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script, fixturePath, 'wrong password'], {
        stdio: 'pipe',
      }),
    ).toThrow();
  });

  it.skipIf(!hasPythonCryptography)("opens by hand with the documentation's Python snippet", () => {
    const runner = [
      'import json, sys',
      'namespace = {"__name__": "doc"}',
      'exec(sys.stdin.read(), namespace)',
      'with open(sys.argv[1], encoding="utf-8-sig") as file:',
      '    print(json.dumps(namespace["open_backup"](file.read(), sys.argv[2]), ensure_ascii=False))',
    ].join('\n');
    const output = execFileSync('python3', ['-c', runner, fixturePath, EXAMPLE_PASSWORD], {
      input: docBlock('python'),
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual(EXAMPLE_ACCOUNTS);
  });
});
