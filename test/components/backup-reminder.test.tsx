// @vitest-environment happy-dom
/** The popup's backup reminder over the real background: the count, Back up, and Not now until more arrive. */
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { App } from '@/entrypoints/popup/App';
import type { Client } from '@/lib/messages';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import { translator } from '../support/translate';
import { draftOf, PASSWORD, vaultWith } from './options-harness';

// Unlocking runs the real PBKDF2 (800 000 rounds): on a busy 2-core machine that can pass a second.
configure({ asyncUtilTimeout: 5000 });

afterEach(cleanup);

function mountPopup(client: Client, lang: 'en' | 'ja' = 'en', opened: string[] = []) {
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={client}>
        <App
          copy={async () => 'copied'}
          scan={async () => undefined}
          openAddFromImage={() => undefined}
          openBackup={() => opened.push('backup')}
        />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

const DAY = 24 * 60 * 60 * 1000;

describe('backup reminder', () => {
  it('waits a day: new accounts are not reminded of at once', async () => {
    const clock = { now: Date.now() };
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 3), clock);
    mountPopup(client);
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull();
    expect((await client.call('backup.state', {})).unbacked).toBe(3);
  });

  it('counts the accounts in no backup; Back up opens the section; Not now hides it until there are more', async () => {
    const clock = { now: Date.now() };
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 3), clock);
    clock.now += DAY;
    await client.call('vault.unlock', { password: PASSWORD });
    const opened: string[] = [];
    const first = mountPopup(client, 'en', opened);
    expect(await screen.findByText('3 accounts are not backed up.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back up' }));
    expect(opened).toEqual(['backup']);

    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByText('3 accounts are not backed up.')).toBeNull();
    await waitFor(async () => expect((await client.call('backup.state', {})).remind).toBe(false));
    first.unmount();

    mountPopup(client);
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull();
    cleanup();

    await client.call('account.add', { draft: draftOf(SHARED_ACCOUNTS[3]!) });
    mountPopup(client);
    expect(await screen.findByText('4 accounts are not backed up.')).toBeTruthy();
  });

  it('is not shown once everything is backed up', async () => {
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 1));
    await client.call('backup.export', {
      kind: 'sekimori-backup',
      password: PASSWORD,
      backupPassword: 'a separate backup phrase',
    });
    mountPopup(client);
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull();
  });

  it('speaks Japanese, and appears after an unlock too', async () => {
    const clock = { now: Date.now() };
    const { client } = await vaultWith(SHARED_ACCOUNTS.slice(0, 1), clock);
    clock.now += DAY;
    await client.call('vault.lock', {});
    mountPopup(client, 'ja');
    fireEvent.input(await screen.findByLabelText('パスワード'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    expect(await screen.findByText('1件のアカウントが未バックアップです。')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'バックアップ' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '後で' }));
    expect(screen.queryByText('1件のアカウントが未バックアップです。')).toBeNull();
  });
});
