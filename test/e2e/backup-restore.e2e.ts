/**
 * Never lose an account, in real Chromium: the shared test accounts (Japanese names, SHA256/8 digits/60 s, HOTP
 * with a counter, Steam) are backed up from one browser profile through the options page, the browser saves the
 * file, a brand-new profile creates its own vault and imports that file through the options page — and shows the
 * same accounts with the same codes, and the same sites.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOtpauthUri } from '../../lib/otp/format-otpauth-uri';
import { generateCode } from '../../lib/otp/generate-code';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import {
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  type ExtensionSession,
  askFromPage,
} from './harness';

const send = askFromPage;

const FIRST_PASSWORD = 'first profile vault 2026';
const SECOND_PASSWORD = 'second profile vault 2026';
const BACKUP_PASSWORD = 'the backup file phrase';
const CONSOLE = 'https://clp.trendmicro.com';

const messages = JSON.parse(
  readFileSync(resolve(__dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const t = (key: string) => messages[key]!.message;

interface Listed {
  issuer: string;
  account: string;
  type: string;
  code: string;
  origins: string[];
}

async function listed(page: Page): Promise<Listed[]> {
  return ((await send(page, 'codes.list', {})) as { accounts: Listed[] }).accounts;
}

async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

const sessions: ExtensionSession[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
});

describe('backup in one browser profile, restore in a fresh one', () => {
  it('same accounts, same codes, same sites', async () => {
    // The first profile: a vault with the shared accounts, one of them bound to a console.
    const first = await launchExtension({ extensionPath: E2E_EXTENSION });
    sessions.push(first);
    const popup = await first.openPopup();
    await createVaultInPopup(popup, FIRST_PASSWORD);
    for (const account of SHARED_ACCOUNTS) {
      const { added } = (await send(popup, 'enrol.save', { text: formatOtpauthUri(account) })) as {
        added: string[];
      };
      if (account.issuer.startsWith('Trend'))
        await send(popup, 'account.bind', { id: added[0]!, origin: CONSOLE });
    }

    // Back up through the options page; the browser saves the file.
    const options = await openOptions(first);
    const card = options.locator('.options-card').filter({ hasText: t('backup_file_title') });
    await card.locator('#backup-new-password').fill(BACKUP_PASSWORD);
    await card.locator('#backup-confirm-password').fill(BACKUP_PASSWORD);
    await card.getByRole('button', { name: t('backup_file_button') }).click();
    await card.locator('#backup-vault-password').fill(FIRST_PASSWORD);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      card.getByRole('button', { name: t('backup_file_button') }).click(),
    ]);
    // Kept outside the first browser's download folder, which goes with it.
    const saved = join(await mkdtemp(join(tmpdir(), 'sekimori-restore-')), download.suggestedFilename());
    await download.saveAs(saved);
    const text = await readFile(saved, 'utf8');
    for (const account of SHARED_ACCOUNTS) expect(text).not.toContain(account.secret);
    const before = await listed(popup);
    await first.close();

    // A brand-new profile: its own vault, then Import with the file picker and the backup's password.
    const second = await launchExtension({ extensionPath: E2E_EXTENSION });
    sessions.push(second);
    const fresh = await second.openPopup();
    await createVaultInPopup(fresh, SECOND_PASSWORD);
    expect(await listed(fresh)).toEqual([]);
    const restore = await openOptions(second);
    await restore.locator('#import').scrollIntoViewIfNeeded();
    const [chooser] = await Promise.all([
      restore.waitForEvent('filechooser'),
      restore.getByRole('button', { name: t('import_choose') }).click(),
    ]);
    await chooser.setFiles(saved);
    await restore.locator('#import-password').fill(BACKUP_PASSWORD);
    await restore.getByRole('button', { name: t('import_password_button') }).click();
    await restore.locator('.import-list').waitFor();
    expect(await restore.locator('.import-list input:checked').count()).toBe(SHARED_ACCOUNTS.length);
    await restore
      .getByRole('button', { name: t('import_button_many').replace('$1', String(SHARED_ACCOUNTS.length)) })
      .click();
    await restore
      .getByText(new RegExp(`${SHARED_ACCOUNTS.length}`))
      .first()
      .waitFor();

    await expect
      .poll(async () => (await listed(fresh)).length, { timeout: 10_000 })
      .toBe(SHARED_ACCOUNTS.length);
    const after = await listed(fresh);
    const key = (a: Listed) => `${a.type}|${a.issuer}|${a.account}|${a.origins.join(',')}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    // The codes: what each restored account shows now is the code of the original key now (or one step on).
    for (const account of SHARED_ACCOUNTS) {
      const shown = after.find((a) => a.issuer === account.issuer && a.account === account.account)!;
      if (account.type === 'hotp') {
        expect(shown.code).toBe(await generateCode(account, Date.now()));
        continue;
      }
      const now = Date.now();
      const expected = await Promise.all(
        [now - account.period * 1000, now].map((ms) => generateCode(account, ms)),
      );
      expect(expected, `${account.issuer}`).toContain(shown.code);
    }
  });
});
