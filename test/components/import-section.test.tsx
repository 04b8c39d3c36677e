// @vitest-environment happy-dom
/**
 * "Import accounts" on the options page over the real background: other apps' real files (plain, encrypted,
 * binary), pasted text, screenshots of transfer codes, the file's password asked only when needed, duplicates
 * left unticked, distinct messages for each kind of bad file, all or nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMigrationUris } from '@/lib/formats';
import { decodeMigrationPayload, encodeMigrationPayload } from '@/lib/formats/migration-payload';
import { decodeMigrationUri, encodeMigrationUri } from '@/lib/formats/migration-uri';
import type { Client } from '@/lib/messages';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { validateAccount } from '@/lib/otp/validate-account';
import { aegisWithSlots, type ScryptCost } from '../support/costly-files';
import { OTHER_APP_FIXTURES, OTHER_APP_PASSWORD, README_ACCOUNTS } from '../support/other-app-fixtures';
import { drawQr } from '../support/qr-images';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import { chooseImportFiles, mountOptions, pngFile, tr, type, vaultWith } from './options-harness';

configure({ asyncUtilTimeout: 8000 });
afterEach(cleanup);

const fixtureFile = (name: string, mime = '') =>
  new File([new Uint8Array(readFileSync(join(OTHER_APP_FIXTURES, name)))], name, { type: mime });

const section = () => within(document.getElementById('import')!);

/** A real one-account transfer code, rewritten to claim `size` QR codes. */
function claimingBatchSize(size: number): string {
  const [uri] = formatMigrationUris([SHARED_ACCOUNTS.find((a) => a.type === 'totp' && a.period === 30)!]);
  return encodeMigrationUri(
    encodeMigrationPayload({ ...decodeMigrationPayload(decodeMigrationUri(uri!)), batchSize: size }),
  );
}

async function previewRows() {
  await section().findByRole('heading', { name: 'Accounts in this file' });
  return within(document.querySelector<HTMLElement>('.import-list')!).getAllByRole('listitem');
}

async function names(client: Client) {
  const { accounts } = await client.call('codes.list', {});
  return accounts.map((a) => `${a.issuer}/${a.account}`);
}

function paste(text: string) {
  type(section().getByLabelText('Or paste the exported text (or a screenshot) here'), text);
  fireEvent.click(section().getByRole('button', { name: 'Read pasted text' }));
}

describe('Import accounts', () => {
  it('an encrypted Aegis file: asks for its password, refuses a wrong one, then previews and imports', async () => {
    const { client, local } = await vaultWith();
    mountOptions(client);
    chooseImportFiles('Choose file…', [fixtureFile('aegis_encrypted.json', 'application/json')]);
    const field = await section().findByLabelText('File password');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(section().getByRole('heading', { name: 'This file is encrypted' })).toBeTruthy();
    const writes = local.writes.length;

    // Pressed with nothing typed: the field says what is missing, no request is made.
    fireEvent.click(section().getByRole('button', { name: 'Open file' }));
    const empty = await section().findByRole('alert');
    expect(empty.textContent).toBe(tr('en', 'error_password_empty'));
    expect(field.getAttribute('aria-describedby')).toContain(empty.id);
    type(field, 'not the password');
    expect(section().queryByRole('alert')).toBeNull();
    fireEvent.click(section().getByRole('button', { name: 'Open file' }));
    expect(await section().findByText('Reading…')).toBeTruthy();
    expect(document.getElementById('import')!.getAttribute('aria-busy')).toBe('true');
    expect((await section().findByRole('alert')).textContent).toBe(
      'This password does not open the file. Check it and try again.',
    );
    expect(section().getByLabelText<HTMLInputElement>('File password').value).toBe('');

    type(section().getByLabelText('File password'), OTHER_APP_PASSWORD);
    fireEvent.click(section().getByRole('button', { name: 'Open file' }));
    const rows = await previewRows();
    expect(rows).toHaveLength(README_ACCOUNTS.length);
    expect(section().getByText(/^Format: Aegis \(encrypted\) · 7 accounts$/)).toBeTruthy();
    expect(rows[0]!.textContent).toContain('Deno');
    expect(rows.every((r) => within(r).getByRole<HTMLInputElement>('checkbox').checked)).toBe(true);
    expect(local.writes.length).toBe(writes); // reading adds nothing

    fireEvent.click(section().getByRole('button', { name: 'Import 7 accounts' }));
    expect(await section().findByText('Added 7 accounts.')).toBeTruthy();
    expect(await names(client)).toEqual(README_ACCOUNTS.map((a) => `${a.issuer}/${a.account}`));
    await waitFor(() =>
      expect(document.activeElement).toBe(section().getByRole('button', { name: 'Choose file…' })),
    );
  });

  it('a binary andOTP backup goes to the background in Base64', async () => {
    const { client } = await vaultWith();
    mountOptions(client);
    chooseImportFiles('Choose file…', [fixtureFile('andotp_encrypted.bin')]);
    type(await section().findByLabelText('File password'), OTHER_APP_PASSWORD);
    fireEvent.click(section().getByRole('button', { name: 'Open file' }));
    expect(await previewRows()).toHaveLength(README_ACCOUNTS.length);
    expect(section().getByText(/^Format: andOTP \(encrypted\)/)).toBeTruthy();
  });

  it('accounts already in Sekimori are marked and unticked; select all / none; only the ticked are added', async () => {
    const [a, b, c] = SHARED_ACCOUNTS;
    const { client } = await vaultWith([b!]);
    mountOptions(client);
    paste([a!, b!, c!].map((x) => formatOtpauthUri(x)).join('\n'));
    const rows = await previewRows();
    const boxes = rows.map((r) => within(r).getByRole<HTMLInputElement>('checkbox'));
    expect(boxes.map((x) => x.checked)).toEqual([true, false, true]);
    expect(within(rows[1]!).getByText('Already in Sekimori')).toBeTruthy();
    expect(section().getByText(/^Format: otpauth list · 3 accounts · already in Sekimori: 1$/)).toBeTruthy();
    expect(section().getByRole('button', { name: 'Import 2 accounts' })).toBeTruthy();

    fireEvent.click(section().getByRole('button', { name: 'Select none' }));
    expect(boxes.every((x) => !x.checked)).toBe(true);
    expect(section().getByRole('button', { name: 'Import 0 accounts' })).toHaveProperty('disabled', true);
    fireEvent.click(section().getByRole('button', { name: 'Select all' }));
    expect(boxes.every((x) => x.checked)).toBe(true);
    fireEvent.click(boxes[0]!);
    fireEvent.click(section().getByRole('button', { name: 'Import 2 accounts' }));
    expect(await section().findByText('Added 1 account.')).toBeTruthy();
    expect(section().getByText('1 duplicate skipped (already in Sekimori).')).toBeTruthy();
    expect(await names(client)).toEqual([`${b!.issuer}/${b!.account}`, `${c!.issuer}/${c!.account}`]);
  });

  it('a file of hundreds shows its first 300 rows, then all on request; select all covers every row', async () => {
    const { client } = await vaultWith();
    mountOptions(client);
    const lines = Array.from({ length: 320 }, (_, i) =>
      formatOtpauthUri(
        validateAccount({ issuer: `Console ${i}`, account: 'ops', secret: 'JBSWY3DPEHPK3PXP' }),
      ),
    );
    paste(lines.join('\n'));
    expect(await previewRows()).toHaveLength(300);
    expect(section().getByRole('button', { name: 'Import 320 accounts' })).toBeTruthy();
    fireEvent.click(section().getByRole('button', { name: 'Show all 320 accounts' }));
    expect(await previewRows()).toHaveLength(320);
    fireEvent.click(
      within(document.querySelector<HTMLElement>('.import-list')!).getAllByRole('checkbox')[319]!,
    );
    expect(section().getByRole('button', { name: 'Import 319 accounts' })).toBeTruthy();
  });

  it('lists the entries left out, with why', async () => {
    const { client } = await vaultWith();
    mountOptions(client);
    paste(
      [
        formatOtpauthUri(SHARED_ACCOUNTS[0]!),
        'otpauth://totp/Broken:bob?secret=0189',
        'otpauth://totp/Old:md5?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
      ].join('\n'),
    );
    expect(await previewRows()).toHaveLength(1);
    const skipped = section().getByText('2 entries left out');
    fireEvent.click(skipped);
    const list = within(skipped.parentElement!).getAllByRole('listitem');
    expect(list.map((li) => li.textContent)).toEqual([
      'Broken:bob — invalid or incomplete',
      'Old:md5 — a kind of code Sekimori does not support',
    ]);
  });

  it('screenshots of a two-part Google transfer export import together, as one batch', async () => {
    const { client } = await vaultWith();
    mountOptions(client);
    const twelve = Array.from({ length: 12 }, (_, i) =>
      validateAccount({
        issuer: `Console ${i + 1}`,
        account: 'ops',
        secret: `JBSWY3DPEHPK3P${'ABCDEFGHIJKL'[i]}Q`,
      }),
    );
    const files = formatMigrationUris(twelve, { perBatch: 10 }).map((uri, i) =>
      pngFile(drawQr(uri, { modulePx: 4, margin: 24 }), `part${i + 1}.png`),
    );
    chooseImportFiles('Choose file…', files);
    expect(await previewRows()).toHaveLength(12);
    expect(section().getByText(/^Format: Google Authenticator/)).toBeTruthy();
    fireEvent.click(section().getByRole('button', { name: 'Import 12 accounts' }));
    expect(await section().findByText('Added 12 accounts.')).toBeTruthy();
  });

  it('a screenshot pasted into the section is read; a screenshot without a QR code is named', async () => {
    const { client } = await vaultWith();
    mountOptions(client);
    const uri = formatOtpauthUri(SHARED_ACCOUNTS[0]!);
    const shot = pngFile(drawQr(uri, { modulePx: 4, margin: 24 }), 'screenshot.png');
    const box = section().getByLabelText('Or paste the exported text (or a screenshot) here');
    const clipboard = (file: File) => ({
      files: [file],
      items: [{ kind: 'file', type: file.type, getAsFile: () => file }],
      types: ['Files'],
      getData: () => '',
    });
    fireEvent.paste(box, { clipboardData: clipboard(shot) });
    expect(await previewRows()).toHaveLength(1);
    // Add from image (elsewhere on the page) did not take the same paste.
    expect(screen.queryByText('Accounts in this QR code')).toBeNull();

    fireEvent.click(section().getByRole('button', { name: 'Cancel' }));
    const blank = { data: new Uint8ClampedArray(100 * 100 * 4).fill(255), width: 100, height: 100 };
    fireEvent.paste(box, { clipboardData: clipboard(pngFile(blank, 'blank.png')) });
    expect((await section().findByRole('alert')).textContent).toMatch(/^No QR code found in blank\.png\./);
  });

  it.each([
    ['not a backup', 'hello, this is a shopping list', 'error_not_a_backup'],
    ['cut short', '{"secret": "JBSWY3DP', 'error_corrupt_backup'],
    ['without accounts', '[]', 'error_empty_backup'],
    [
      'asking for more key derivation than any real backup (8 Aegis slots at the scrypt ceiling)',
      aegisWithSlots(Array<ScryptCost>(8).fill({ n: 2 ** 18, r: 8, p: 2 })),
      'error_kdf_too_costly',
    ],
    [
      'holding a transfer code that claims 101 QR codes',
      claimingBatchSize(101),
      'error_migration_batch_too_large',
    ],
  ])('a file %s has its own message, in both languages, and adds nothing', async (_name, text, key) => {
    for (const lang of ['en', 'ja'] as const) {
      const { client, local } = await vaultWith();
      mountOptions(client, lang);
      const writes = local.writes.length;
      type(section().getByLabelText(tr(lang, 'import_paste_label')), text);
      fireEvent.click(section().getByRole('button', { name: tr(lang, 'import_read_text') }));
      expect((await section().findByRole('alert')).textContent).toBe(tr(lang, key));
      expect(local.writes.length).toBe(writes);
      cleanup();
    }
  });

  it('several files that are not images are refused before anything is read', async () => {
    const { client } = await vaultWith();
    mountOptions(client);
    chooseImportFiles('Choose file…', [fixtureFile('aegis_plain.json'), fixtureFile('bitwarden.json')]);
    expect((await section().findByRole('alert')).textContent).toBe(tr('en', 'import_one_file'));
  });

  it('a preview that expired: nothing was added, and the page says so', async () => {
    const { client, session } = await vaultWith();
    mountOptions(client);
    paste(formatOtpauthUri(SHARED_ACCOUNTS[0]!));
    await previewRows();
    await session.set({ import_pending: null });
    fireEvent.click(section().getByRole('button', { name: 'Import 1 account' }));
    expect((await section().findByRole('alert')).textContent).toBe(
      'Nothing was imported. ' + tr('en', 'error_import_expired'),
    );
    expect(await names(client)).toEqual([]);
  });

  it('in Japanese: the section, the password prompt and the result', async () => {
    const { client } = await vaultWith();
    mountOptions(client, 'ja');
    expect(section().getByRole('heading', { level: 2 }).textContent).toBe('アカウントのインポート');
    chooseImportFiles('ファイルを選択…', [fixtureFile('aegis_encrypted.json')]);
    expect(await section().findByRole('heading', { name: 'このファイルは暗号化されています' })).toBeTruthy();
    type(section().getByLabelText('ファイルのパスワード'), 'ちがう');
    fireEvent.click(section().getByRole('button', { name: 'ファイルを開く' }));
    expect((await section().findByRole('alert')).textContent).toBe(
      'このパスワードではファイルを開けません。確認して、もう一度入力してください。',
    );
    type(section().getByLabelText('ファイルのパスワード'), OTHER_APP_PASSWORD);
    fireEvent.click(section().getByRole('button', { name: 'ファイルを開く' }));
    expect(await section().findByText(/^形式：Aegis（暗号化）・7件$/)).toBeTruthy();
    fireEvent.click(section().getByRole('button', { name: '7件のアカウントをインポート' }));
    expect(await section().findByText('7件のアカウントを追加しました。')).toBeTruthy();
  });

  it('buttons pressed too early say why next to their field: an empty paste box, no account ticked', async () => {
    const { client } = await vaultWith();
    mountOptions(client, 'ja');
    fireEvent.click(section().getByRole('button', { name: tr('ja', 'import_read_text') }));
    const why = await section().findByRole('alert');
    expect(why.textContent).toBe(tr('ja', 'import_paste_empty'));
    const box = section().getByLabelText(tr('ja', 'import_paste_label'));
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(why.id);
    type(box, formatOtpauthUri(SHARED_ACCOUNTS[0]!));
    expect(section().queryByRole('alert')).toBeNull();
    fireEvent.click(section().getByRole('button', { name: tr('ja', 'import_read_text') }));
    await section().findByRole('heading', { name: tr('ja', 'import_preview_title') });
    fireEvent.click(within(document.querySelector<HTMLElement>('.import-list')!).getByRole('checkbox'));
    const button = section().getByRole('button', { name: tr('ja', 'import_button_many', '0') });
    expect(button).toHaveProperty('disabled', true);
    const reason = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).toBe(tr('ja', 'import_none_chosen'));
  });
});
