import { describe, expect, it } from 'vitest';
import { BACKUP_DEFAULT_ITERATIONS, openBackup, readBackupSummary, sealBackup } from '../../../lib/backup';
import { EXAMPLE_ACCOUNTS } from '../../fixtures/backup/example-accounts';
import { TEST_PASSWORD } from './backup-test-helpers';

describe('a 5 000-account backup', () => {
  it('seals and opens in under 3 s in total at the default iterations', async () => {
    const accounts = Array.from({ length: 5000 }, (_, index) => {
      const base = EXAMPLE_ACCOUNTS[index % EXAMPLE_ACCOUNTS.length]!;
      return { ...base, account: `${base.account} #${index}` };
    });
    const start = performance.now();
    const text = await sealBackup(accounts, TEST_PASSWORD);
    const sealed = performance.now();
    const opened = await openBackup(text, TEST_PASSWORD);
    const end = performance.now();
    const sealMs = Math.round(sealed - start);
    const openMs = Math.round(end - sealed);
    console.log(
      `5 000 accounts, ${BACKUP_DEFAULT_ITERATIONS} iterations, ${(text.length / 1e6).toFixed(2)} MB: ` +
        `seal ${sealMs} ms + open ${openMs} ms = ${sealMs + openMs} ms`,
    );
    expect((await readBackupSummary(text)).iterations).toBe(BACKUP_DEFAULT_ITERATIONS);
    expect(opened.accounts).toEqual(accounts);
    expect(end - start).toBeLessThan(3000);
  });
});
