/**
 * Checklist, "Attacks" and "Faults", in real Chromium: a copy of the browser profile searched for the Base32 secret
 * and the otpauth URI after every kind of edit (add, edit, delete, import, export); extension update while unlocked
 * (locked, data intact); browser restart (locked, data intact). Adds, edits and deletes go through the popup's own
 * UI; the import and the exports through the options page's messages (the same calls its UI makes).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAccountInPopup,
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  listAccounts,
  searchProfileFor,
  unlockPopup,
  type ExtensionSession,
} from '../harness';

const PASSWORD = 'profile search campaign 2026';
const BACKUP_PASSWORD = 'profile search backup file';

/** One unique secret per kind of edit, so a hit names the edit that leaked it. */
const SECRETS = {
  added: 'KRSXG5CTMVRXEZLU', // typed in the popup's form
  edited: 'MFRGGZDFMZTWQ2LK', // the secret the editor replaces it with
  deleted: 'ONSWG4TFORZGK3TF', // an account deleted (and its undo window)
  imported: 'NBSWY3DPO5XXE3DE', // an otpauth list read and committed from the options page
};
const NAMES = {
  added: 'leak-added@example.jp',
  edited: 'leak-edited@example.jp',
  deleted: 'leak-deleted@example.jp',
  imported: 'leak-imported@example.jp',
};
const uri = (issuer: string, account: string, secret: string) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
/** As a person types a secret from a console page: lower case, in groups of four. */
const typed = (secret: string) => secret.toLowerCase().replace(/(.{4})(?!$)/g, '$1 ');

let profile: string;
let session: ExtensionSession;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'sekimori-profile-search-'));
  session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
});

afterAll(async () => {
  await session?.close().catch(() => undefined);
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Sends a message from an extension page (`page.html` of Sekimori) and returns its value. */
async function send(path: string, type: string, payload: unknown): Promise<unknown> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    const reply = (await page.evaluate(
      (m) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage(m),
      { type, payload },
    )) as { ok: boolean; value?: unknown; code?: string };
    if (!reply.ok) throw new Error(`${type}: ${reply.code}`);
    return reply.value;
  } finally {
    await page.close();
  }
}

const row = (popup: Page, name: string) => popup.locator('li[data-id]', { hasText: name });

describe('the browser profile searched for secrets after every kind of edit (real Chromium)', () => {
  it('add, edit and delete in the popup', async () => {
    const popup = await session.openPopup();
    await createVaultInPopup(popup, PASSWORD);
    await addAccountInPopup(popup, { issuer: 'Added', account: NAMES.added, secret: typed(SECRETS.added) });
    await addAccountInPopup(popup, {
      issuer: 'Edited',
      account: NAMES.edited,
      secret: SECRETS.added.slice(0, 8) + 'GEZDGNBV',
    });
    await addAccountInPopup(popup, {
      issuer: 'Deleted',
      account: NAMES.deleted,
      secret: typed(SECRETS.deleted),
    });

    // Edit: a new secret typed in the editor.
    await row(popup, NAMES.edited).locator('button.edit').click();
    await popup.getByLabel('Secret key').fill(typed(SECRETS.edited));
    await popup.getByRole('button', { name: 'Save' }).click();
    await row(popup, NAMES.edited).waitFor();

    // Delete, confirmed.
    await row(popup, NAMES.deleted).locator('button.delete').click();
    await popup.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => row(popup, NAMES.deleted).count()).toBe(0);
    await popup.close();
    expect((await listAccounts(session)).map((a) => a.account).sort()).toEqual(
      [NAMES.added, NAMES.edited].sort(),
    );
  });

  it('import an otpauth list and export every kind of file from the options page', async () => {
    const preview = (await send('options.html', 'import.read', {
      data: uri('Imported', NAMES.imported, SECRETS.imported),
      encoding: 'text',
    })) as { token: string; accounts: unknown[] };
    expect(preview.accounts).toHaveLength(1);
    await send('options.html', 'import.commit', { token: preview.token, selected: [0] });
    for (const kind of ['otpauth-list', 'google-migration', 'sekimori-backup'] as const) {
      const out = (await send('options.html', 'backup.export', {
        kind,
        password: PASSWORD,
        ...(kind === 'sekimori-backup' ? { backupPassword: BACKUP_PASSWORD } : {}),
      })) as { text: string; uris: string[] };
      if (kind === 'otpauth-list') expect(out.text).toContain(SECRETS.imported); // the export itself is clear text
    }
    expect((await listAccounts(session)).map((a) => a.account)).toContain(NAMES.imported);
  });

  it('extension update while unlocked: locked afterwards, and the password opens every account', async () => {
    await session.reloadExtension();
    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'Unlock' }).waitFor();
    await unlockPopup(popup, PASSWORD);
    await row(popup, NAMES.imported).waitFor();
    expect((await listAccounts(session)).map((a) => a.account).sort()).toEqual(
      [NAMES.added, NAMES.edited, NAMES.imported].sort(),
    );
    await popup.close();
  });

  it('the closed profile holds neither a Base32 secret nor an otpauth URI, in any form, after all of it', async () => {
    const { extensionId } = session;
    await session.close();
    // Control: the search reads the profile (the extension's id is stored there in clear).
    expect(await searchProfileFor(profile, [extensionId])).not.toEqual([]);
    const needles = Object.entries(SECRETS).flatMap(([kind, secret]) => {
      const issuer = kind === 'imported' ? 'Imported' : kind[0]!.toUpperCase() + kind.slice(1);
      const account = NAMES[kind as keyof typeof NAMES];
      return [
        secret,
        typed(secret),
        `secret=${secret}`,
        uri(issuer, account, secret),
        `otpauth://totp/${issuer}`,
      ];
    });
    needles.push(...Object.values(NAMES));
    expect(await searchProfileFor(profile, needles)).toEqual([]);
  });

  it('browser restart on the same profile: locked, and every account opens with the password', async () => {
    session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'Unlock' }).waitFor();
    await unlockPopup(popup, PASSWORD);
    await row(popup, NAMES.added).waitFor();
    expect((await listAccounts(session)).map((a) => a.account).sort()).toEqual(
      [NAMES.added, NAMES.edited, NAMES.imported].sort(),
    );
  });
});
