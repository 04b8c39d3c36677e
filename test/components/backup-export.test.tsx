// @vitest-environment happy-dom
/**
 * "Back up and export" on the options page, over the real background (keeper, vault, backup and formats on
 * in-memory storage): the encrypted file restores into a fresh vault through "Import accounts", the Google
 * transfer codes carry what Google can hold, one account's QR code, and the plain list behind its confirmation.
 */
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMigrationUri } from '@/lib/formats';
import type { Client } from '@/lib/messages';
import { parseOtpauthUri } from '@/lib/otp/parse-otpauth-uri';
import { validateAccount } from '@/lib/otp/validate-account';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import {
  captureDownloads,
  card,
  chooseImportFiles,
  mountOptions,
  PASSWORD,
  readQrSvg,
  tr,
  type,
  vaultWith,
} from './options-harness';

configure({ asyncUtilTimeout: 5000 });
const BACKUP_PASSWORD = 'a separate backup phrase';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const fields = (title: string) => within(card(title));
type Scope = ReturnType<typeof fields>;

/** The card's action, then the Sekimori password in the step it opens, then the action again. */
async function confirmWith(scope: Scope, action: string, password: string, label = 'Your Sekimori password') {
  fireEvent.click(scope.getByRole('button', { name: action }));
  type(await scope.findByLabelText(label), password);
  fireEvent.click(scope.getByRole('button', { name: action }));
}

async function stored(client: Client) {
  const { accounts } = await client.call('codes.list', {});
  return accounts.map(({ type, issuer, account, algorithm, digits, period, counter, origins }) => ({
    type,
    issuer,
    account,
    algorithm,
    digits,
    period,
    counter,
    origins,
  }));
}

async function makeBackup(client: Client) {
  const downloads = captureDownloads();
  mountOptions(client);
  const form = fields('Encrypted backup file');
  await form.findByText('never');
  expect(form.getByText(`${SHARED_ACCOUNTS.length} accounts`)).toBeTruthy();
  expect(form.queryByLabelText('Your Sekimori password')).toBeNull(); // asked in the action's step only
  type(form.getByLabelText('Password for the backup file'), BACKUP_PASSWORD);
  type(form.getByLabelText('Confirm the backup file password'), BACKUP_PASSWORD);
  await confirmWith(form, 'Download backup file', PASSWORD);
  await waitFor(() => expect(downloads).toHaveLength(1));
  return downloads[0]!;
}

describe('Encrypted backup file', () => {
  it('downloads a file that imports back into a fresh vault with the same accounts and sites', async () => {
    const first = await vaultWith(SHARED_ACCOUNTS);
    const { accounts } = await first.client.call('codes.list', {});
    await first.client.call('account.origins', {
      id: accounts[0]!.id,
      origins: ['https://console.example.jp'],
    });
    const file = await makeBackup(first.client);
    expect(file.name).toMatch(/^sekimori-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.type).toContain('application/json');
    const text = await file.text();
    expect(text).not.toContain(SHARED_ACCOUNTS[0]!.secret);

    // The form is emptied, the state says when, and nothing is left unbacked.
    const form = fields('Encrypted backup file');
    expect(await form.findByText(/^Saved sekimori-backup-.*\(accounts in it: 5\)/)).toBeTruthy();
    expect(form.queryByLabelText('Your Sekimori password')).toBeNull(); // the step closed with the download
    expect(form.getByLabelText<HTMLInputElement>('Password for the backup file').value).toBe('');
    await form.findByText('none — every account is backed up');
    expect(form.queryByText('never')).toBeNull();
    cleanup();

    const second = await vaultWith();
    mountOptions(second.client);
    chooseImportFiles('Choose file…', [new File([text], file.name, { type: 'application/json' })]);
    type(await screen.findByLabelText('File password'), BACKUP_PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
    expect(await screen.findByText(/^Format: Sekimori backup · 5 accounts/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 5 accounts' }));
    expect(await screen.findByText('Added 5 accounts.')).toBeTruthy();
    expect(await stored(second.client)).toEqual(await stored(first.client));
    // Restored from a backup, the accounts are in one: the backup card of the same page says so.
    expect(await fields('Encrypted backup file').findByText(tr('en', 'backup_unbacked_none'))).toBeTruthy();
  });

  it('checks both new passwords before asking the background, and says which password was wrong', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 1));
    const downloads = captureDownloads();
    mountOptions(client);
    const form = fields('Encrypted backup file');
    type(form.getByLabelText('Password for the backup file'), 'short');
    type(form.getByLabelText('Confirm the backup file password'), 'short');
    fireEvent.click(form.getByRole('button', { name: 'Download backup file' }));
    expect((await form.findByRole('alert')).textContent).toBe(
      'The backup file password must be at least 8 characters.',
    );
    type(form.getByLabelText('Password for the backup file'), BACKUP_PASSWORD);
    type(form.getByLabelText('Confirm the backup file password'), BACKUP_PASSWORD + '!');
    fireEvent.click(form.getByRole('button', { name: 'Download backup file' }));
    expect((await form.findByRole('alert')).textContent).toBe('The two passwords do not match.');
    type(form.getByLabelText('Confirm the backup file password'), BACKUP_PASSWORD);
    await confirmWith(form, 'Download backup file', 'not my password');
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toBe('That is not your Sekimori password. Nothing was exported.');
    // The step stays, emptied, with the error tied to the field; Cancel goes back with no error.
    const field = form.getByLabelText<HTMLInputElement>('Your Sekimori password');
    expect(field.value).toBe('');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);
    fireEvent.click(form.getByRole('button', { name: 'Cancel' }));
    expect(form.queryByLabelText('Your Sekimori password')).toBeNull();
    expect(form.queryByRole('alert')).toBeNull();
    expect(form.getByLabelText<HTMLInputElement>('Password for the backup file').value).toBe(BACKUP_PASSWORD);
    expect(downloads).toEqual([]);
  });

  it('while locked: says to unlock in the popup, then works after Try again', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 1));
    await client.call('vault.lock', {});
    mountOptions(client);
    const section = document.getElementById('backup')!;
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('Unlock Sekimori in the toolbar popup first');
    await client.call('vault.unlock', { password: PASSWORD });
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(section).queryByRole('alert')).toBeNull());
    expect(await fields('Encrypted backup file').findByText('1 account')).toBeTruthy();
  });
});

describe('Google Authenticator transfer', () => {
  const twelve = Array.from({ length: 12 }, (_, i) =>
    validateAccount({
      issuer: `Console ${i + 1}`,
      account: `admin${i + 1}@example.jp`,
      secret: `JBSWY3DPEHPK3P${'ABCDEFGHIJKL'[i]}Q`,
    }),
  );
  const steam = SHARED_ACCOUNTS.find((a) => a.type === 'steam')!;

  it('shows one QR code after another (1 / 2, buttons and arrow keys), names what Google cannot carry', async () => {
    const { client } = await vaultWith([...twelve.slice(0, 10), steam]); // five accounts a code
    mountOptions(client);
    const google = fields('Move to Google Authenticator');
    await confirmWith(google, 'Show transfer QR codes', PASSWORD);
    const viewer = await google.findByRole('group', { name: 'Transfer QR codes' });
    await waitFor(() => expect(document.activeElement).toBe(viewer));
    expect(google.getByText('1 / 2')).toBeTruthy();
    const first = readQrSvg(google.getByRole('img', { name: 'QR code 1 of 2' }));
    expect(google.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true);
    fireEvent.click(google.getByRole('button', { name: 'Next' }));
    expect(google.getByText('2 / 2')).toBeTruthy();
    expect(google.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);
    const second = readQrSvg(google.getByRole('img', { name: 'QR code 2 of 2' }));
    fireEvent.keyDown(viewer, { key: 'ArrowLeft' });
    expect(google.getByText('1 / 2')).toBeTruthy();
    fireEvent.keyDown(viewer, { key: 'ArrowRight' });
    expect(google.getByText('2 / 2')).toBeTruthy();

    const batches = [first!, second!].map((uri) => parseMigrationUri(uri));
    expect(batches.flatMap((b) => b.accounts.map((a) => a.issuer))).toEqual(
      twelve.slice(0, 10).map((a) => a.issuer),
    );
    expect(
      within(google.getByRole('list')).getByText(
        `Steam: sekimori-test — ${tr('en', 'google_transfer_why_steam')}`,
      ),
    ).toBeTruthy();

    fireEvent.click(google.getByRole('button', { name: 'Done' }));
    expect(document.querySelector('svg.qr')).toBeNull();
    expect(document.body.textContent).not.toContain('Steam: sekimori-test');
    await waitFor(() =>
      expect(document.activeElement).toBe(google.getByRole('button', { name: 'Show transfer QR codes' })),
    );
  });

  it('clears the codes when the user leaves the tab', async () => {
    const { client } = await vaultWith(twelve.slice(0, 2));
    mountOptions(client);
    const google = fields('Move to Google Authenticator');
    await confirmWith(google, 'Show transfer QR codes', PASSWORD);
    await google.findByRole('img', { name: 'QR code 1 of 1' });
    expect(google.queryByText('1 / 1')).toBeNull();
    await new Promise((r) => setTimeout(r, 50)); // effects run after paint
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(document.querySelector('svg.qr')).toBeNull());
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('nothing Google can carry: says so, in Japanese too', async () => {
    const { client } = await vaultWith([steam]);
    mountOptions(client, 'ja');
    const google = fields(tr('ja', 'google_transfer_title'));
    await confirmWith(
      google,
      tr('ja', 'google_transfer_button'),
      PASSWORD,
      tr('ja', 'backup_vault_password'),
    );
    expect((await google.findByRole('alert')).textContent).toBe(tr('ja', 'backup_google_none'));
  });
});

describe('One account as a QR code', () => {
  it('shows the chosen account as its otpauth link, until Done', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 3));
    mountOptions(client);
    const qr = fields('One account as a QR code');
    const select = await waitFor(() => {
      const s = qr.getByLabelText<HTMLSelectElement>('Account');
      expect(s.options).toHaveLength(3);
      return s;
    });
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(
      SHARED_ACCOUNTS.slice(0, 3).map((a) => `${a.issuer} — ${a.account}`),
    );
    fireEvent.change(select, { target: { value: select.options[1]!.value } });
    await confirmWith(qr, 'Show QR code', PASSWORD);
    const label = `${SHARED_ACCOUNTS[1]!.issuer} — ${SHARED_ACCOUNTS[1]!.account}`;
    const image = await qr.findByRole('img', { name: `QR code of ${label}` });
    const account = parseOtpauthUri(readQrSvg(image)!);
    expect(account).toMatchObject({ ...SHARED_ACCOUNTS[1] });
    fireEvent.click(qr.getByRole('button', { name: 'Done' }));
    expect(document.querySelector('svg.qr')).toBeNull();
  });
});

describe('Plain text list', () => {
  it('downloads the otpauth links only after the warning is acknowledged, each time', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS);
    const downloads = captureDownloads();
    mountOptions(client);
    const list = fields('Plain text list (otpauth links)');
    expect(list.getByText(/anyone who gets it can make your codes/)).toBeTruthy();
    // Unticked: the button says why instead of asking for the password.
    fireEvent.click(list.getByRole('button', { name: 'Download text file' }));
    const why = await list.findByRole('alert');
    expect(why.textContent).toBe(tr('en', 'otpauth_list_tick_first'));
    expect(list.queryByLabelText('Your Sekimori password')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(downloads).toEqual([]);

    const consent = list.getByLabelText('I understand that anyone who gets this file can make my codes.');
    expect(consent.getAttribute('aria-describedby')).toContain(why.id);
    fireEvent.click(consent);
    expect(list.queryByRole('alert')).toBeNull();
    await confirmWith(list, 'Download text file', PASSWORD);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^sekimori-otpauth-\d{4}-\d{2}-\d{2}\.txt$/);
    const lines = (await downloads[0]!.text()).trim().split('\n');
    expect(lines.map((l) => parseOtpauthUri(l).secret)).toEqual(SHARED_ACCOUNTS.map((a) => a.secret));
    await list.findByText(/^Saved sekimori-otpauth-/);
    expect(
      list.getByLabelText('I understand that anyone who gets this file can make my codes.'),
    ).toHaveProperty('checked', false);
  });
});

describe('in Japanese', () => {
  it('renders the section and its messages in Japanese', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 1));
    mountOptions(client, 'ja');
    const section = document.getElementById('backup')!;
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('バックアップとエクスポート');
    const form = fields('暗号化バックアップファイル');
    expect(await form.findByText('まだありません')).toBeTruthy();
    expect(form.getByText('1件')).toBeTruthy();
    type(form.getByLabelText('バックアップファイルのパスワード'), BACKUP_PASSWORD);
    type(form.getByLabelText('バックアップファイルのパスワード（確認）'), BACKUP_PASSWORD);
    await confirmWith(form, 'バックアップファイルをダウンロード', 'まちがい', 'Sekimoriのパスワード');
    expect((await form.findByRole('alert')).textContent).toBe(
      'Sekimoriのパスワードが違います。何もエクスポートしていません。',
    );
  });

  it('shows the last backup date in the page language', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 1));
    captureDownloads();
    await client.call('backup.export', {
      kind: 'sekimori-backup',
      password: PASSWORD,
      backupPassword: BACKUP_PASSWORD,
    });
    mountOptions(client, 'ja');
    const today = new Date();
    const expected = `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`;
    expect(await fields('暗号化バックアップファイル').findByText(expected)).toBeTruthy();
  });
});

describe('the Sekimori password', () => {
  it('is asked once, for the action chosen: never two fields on the page, Esc goes back', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 2));
    mountOptions(client);
    const section = within(document.getElementById('backup')!);
    await fields('Encrypted backup file').findByText('2 accounts');
    expect(section.queryAllByLabelText('Your Sekimori password')).toHaveLength(0);

    const google = fields('Move to Google Authenticator');
    fireEvent.click(google.getByRole('button', { name: 'Show transfer QR codes' }));
    const field = await google.findByLabelText('Your Sekimori password');
    await waitFor(() => expect(document.activeElement).toBe(field));
    // Choosing another action closes the first step: still one field.
    const qr = fields('One account as a QR code');
    fireEvent.click(await qr.findByRole('button', { name: 'Show QR code' }));
    await qr.findByLabelText('Your Sekimori password');
    expect(section.getAllByLabelText('Your Sekimori password')).toHaveLength(1);
    expect(google.queryByLabelText('Your Sekimori password')).toBeNull();
    // An empty password is named next to the field, without a request.
    fireEvent.click(qr.getByRole('button', { name: 'Show QR code' }));
    expect((await qr.findByRole('alert')).textContent).toBe(tr('en', 'error_password_empty'));
    fireEvent.keyDown(qr.getByLabelText('Your Sekimori password'), { key: 'Escape' });
    await waitFor(() => expect(section.queryAllByLabelText('Your Sekimori password')).toHaveLength(0));
    expect(qr.queryByRole('alert')).toBeNull();
  });
});
