// @vitest-environment happy-dom
/**
 * Issue #12, point 4, the popup's side: an older copy of the vault is shown read-only (nothing can be added or
 * edited), and it becomes the vault again only through a question that says what is lost — in English and
 * Japanese — over the real background.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { App } from '@/entrypoints/popup/App';
import { realClient } from '../support/real-client';
import { translator } from '../support/translate';

afterEach(cleanup);

const revisionOf = (record: unknown) =>
  (JSON.parse(record as string) as { header: { revision: number } }).header.revision;

/** A vault at revision 3 whose current record is damaged, with revision 2 planted as the last good copy. */
async function damagedVault() {
  const real = realClient();
  await real.client.call('vault.create', { password: 'restore the older copy' });
  await real.client.call('account.add', {
    draft: { issuer: 'Trend Micro', account: 'a@example.co.jp', secret: 'ABCDEFGHIJKL2345' },
  });
  const older = real.local.data.get('vault');
  await real.client.call('account.add', {
    draft: { issuer: 'Webroot', account: 'b@example.jp', secret: 'JBSWY3DPEHPK3PXP' },
  });
  real.local.data.set('vault', 'damaged');
  real.local.data.set('vault_prev', older);
  return real;
}

function mount(real: Awaited<ReturnType<typeof damagedVault>>, lang: 'en' | 'ja' = 'en') {
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={real.client}>
        <App copy={async () => 'copied'} scan={async () => undefined} openAddFromImage={() => undefined} />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

describe('an older copy of the vault in the popup', () => {
  it('is read-only, and restored only after a question that says what is lost', async () => {
    const real = await damagedVault();
    mount(real);
    await screen.findByText(/an older copy is shown, read-only/);
    expect(screen.getByRole('button', { name: /Add account/ }).hasAttribute('disabled')).toBe(true);
    const writes = real.local.writes.length;
    fireEvent.click(screen.getByRole('button', { name: 'Restore this copy…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('This browser has seen 1 newer save(s) of the vault');
    expect(dialog.textContent).toContain('will be lost');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(real.local.writes.length).toBe(writes);
    fireEvent.click(screen.getByRole('button', { name: 'Restore this copy…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore this copy' }));
    await waitFor(() => expect(screen.queryByText(/an older copy is shown/)).toBeNull());
    expect(revisionOf(real.local.data.get('vault'))).toBe(4);
    expect(real.local.data.get('vault_damaged')).toEqual(['damaged']);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Add account/ }).hasAttribute('disabled')).toBe(false),
    );
  });

  it('in Japanese', async () => {
    const real = await damagedVault();
    mount(real, 'ja');
    await screen.findByText(/古いコピーを読み取り専用で表示しています/);
    fireEvent.click(screen.getByRole('button', { name: 'このコピーを復元…' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('新しい保存を1回確認しています');
  });
});
