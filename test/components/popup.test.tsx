// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { App } from '@/entrypoints/popup/App';
import type { Client } from '@/lib/messages';
import { generateCode } from '@/lib/otp/generate-code';
import { validateAccount } from '@/lib/otp/validate-account';
import { realClient } from '../support/real-client';
import { translator } from '../support/translate';

const PASSWORD = 'two unrelated words 7';
const SECRET = 'ABCDEFGHIJKL2345';

function mount(
  client: Client,
  lang: 'en' | 'ja' = 'en',
  copied: string[] = [],
  outcome: 'copied' | 'copied-no-clear' = 'copied',
) {
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={client}>
        <App
          copy={async (code) => {
            copied.push(code);
            return outcome;
          }}
          scan={() => client.call('scan.start', {}).then(() => undefined)}
          openAddFromImage={() => undefined}
        />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });

async function createVault() {
  await screen.findByRole('button', { name: 'Create vault' });
  type('Password', PASSWORD);
  type('Confirm password', PASSWORD);
  fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
  await screen.findByRole('button', { name: /Add account/ });
}

async function addAccount(issuer: string, account: string, secret = SECRET) {
  fireEvent.click(screen.getByRole('button', { name: /Add account/ }));
  type('Issuer', issuer);
  type('Account', account);
  type('Secret key', secret);
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByText(account);
}

afterEach(cleanup);

describe('popup', () => {
  it('first run: refuses mismatched passwords, then creates the vault and explains how to start', async () => {
    mount(realClient().client);
    await screen.findByRole('button', { name: 'Create vault' });
    type('Password', PASSWORD);
    type('Confirm password', PASSWORD + 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The two passwords do not match.');
    type('Confirm password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(await screen.findByText('No accounts yet')).toBeTruthy();
  });

  it('adds an account with a live preview, lists its current code, and copies it', async () => {
    const copied: string[] = [];
    mount(realClient().client, 'en', copied);
    await createVault();
    fireEvent.click(screen.getByRole('button', { name: /Add account/ }));
    type('Issuer', 'Trend Micro SaaS Account');
    type('Account', 'abc@example.co.jp');
    type('Secret key', 'abcd efgh ijkl 2345');
    const preview = await waitFor(() => {
      const digits = document.querySelector('.preview .code-digits');
      expect(digits?.textContent).toMatch(/^\d{6}$/);
      return digits!;
    });
    const account = validateAccount({ secret: SECRET });
    const now = Date.now();
    expect([await generateCode(account, now - 1000), await generateCode(account, now)]).toContain(
      preview.textContent,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const item = await screen.findByRole('listitem');
    const code = await generateCode(account, Date.now());
    expect(item.textContent).toContain('Trend Micro SaaS Account');
    expect(item.textContent).toContain('abc@example.co.jp');
    expect(item.textContent).toContain(code);
    expect(item.querySelector('.code-digits')!.children).toHaveLength(2);
    expect(item.className).toContain('highlighted');
    fireEvent.click(within(item).getByRole('button', { name: /^Copy code for/ }));
    await waitFor(() => expect(copied).toEqual([code]));
  });

  it('says so when the code was copied but the clipboard cannot be cleared later', async () => {
    mount(realClient().client, 'en', [], 'copied-no-clear');
    await createVault();
    await addAccount('Webroot', 'admin@example.jp');
    fireEvent.click(screen.getByRole('button', { name: /^Copy code for/ }));
    expect(
      await screen.findByText(/Copied, but the clipboard could not be cleared automatically/),
    ).toBeTruthy();
  });

  it('shows a translated error for a bad secret and does not save', async () => {
    const { client, local } = realClient();
    mount(client);
    await createVault();
    const writes = local.writes.length;
    fireEvent.click(screen.getByRole('button', { name: /Add account/ }));
    type('Issuer', 'X');
    type('Account', 'y');
    type('Secret key', '0189');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toContain(
      'The secret key may only contain the letters A\u2060–\u2060Z and the digits 2\u2060–\u20607.',
    );
    expect(local.writes.length).toBe(writes);
  });

  it('deletes only after confirmation, and Undo brings the account back', async () => {
    mount(realClient().client);
    await createVault();
    await addAccount('Webroot', 'admin@example.jp');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Webroot admin@example.jp' }));
    expect(screen.getByRole('listitem')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('listitem')).toBeNull());
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('listitem')).toBeTruthy();
  });

  it('offers search when there are many accounts; matching ignores width and case', async () => {
    mount(realClient().client);
    await createVault();
    for (let i = 0; i < 6; i++)
      await addAccount(i === 3 ? 'ServiceNow ポータル' : `Issuer ${i}`, `user${i}@example.jp`);
    const search = screen.getByLabelText('Search');
    fireEvent.input(search, { target: { value: 'ｓｅｒｖｉｃｅｎｏｗ' } });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    fireEvent.input(search, { target: { value: 'nothing like it' } });
    expect(await screen.findByText('No account matches “nothing like it”.')).toBeTruthy();
  });

  it('locks, and speaks Japanese: wrong password message, then unlock', async () => {
    const { client } = realClient();
    const first = mount(client);
    await createVault();
    fireEvent.click(screen.getByRole('button', { name: 'Menu' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Lock' }));
    await screen.findByRole('button', { name: 'Unlock' });
    first.unmount();
    mount(client, 'ja');
    await screen.findByRole('button', { name: 'ロック解除' });
    fireEvent.input(screen.getByLabelText('パスワード'), { target: { value: 'wrong password!' } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'パスワードが違います。もう一度入力してください。',
    );
    fireEvent.input(screen.getByLabelText('パスワード'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    expect(await screen.findByText('アカウントはまだありません')).toBeTruthy();
  });
});
