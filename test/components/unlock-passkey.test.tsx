// @vitest-environment happy-dom
/**
 * The locked popup with a passkey, over the real background: the passkey first (focused) and the password as the
 * alternative; the toolbar popup hands the ceremony to a window; that window starts it at once; a refusal is
 * said in words. The authenticator's side is played by a port answering with a fixed PRF output (the real
 * ceremony runs in Chromium: test/e2e/passkey.e2e.ts).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { PasskeyContext, type PasskeyPort } from '@/components/passkey-context';
import { App } from '@/entrypoints/popup/App';
import { RemoteError, type Client } from '@/lib/messages';
import { DEFAULT_POLICY } from '@/lib/policy/policy';
import { realClient } from '../support/real-client';
import { translator } from '../support/translate';

const PASSWORD = 'two unrelated words 7';
const KEY = {
  id: 'AQIDBAUGBwgJCgsMDQ4PEA==',
  prfSalt: 'c2VraW1vcmkgY2FtcGFpZ24gcGFzc2tleSBzYWx0ISE=',
  prf: 'Y2FtcGFpZ24gcGFzc2tleSBQUkYgb3V0cHV0IDMyIGI=',
};

interface Played {
  port: PasskeyPort;
  asked: number;
  windows: number;
  handedBack: number;
}

function authenticator(options: { toolbar?: boolean; autoStart?: boolean; refuse?: boolean } = {}): Played {
  const played: Played = {
    asked: 0,
    windows: 0,
    handedBack: 0,
    port: {
      create: async () => KEY,
      ask: async () => {
        played.asked++;
        if (options.refuse) throw new RemoteError('passkey-cancelled');
        return { id: KEY.id, prf: KEY.prf };
      },
      inToolbarPopup: async () => options.toolbar ?? false,
      openWindow: async () => void played.windows++,
      autoStart: options.autoStart ?? false,
      afterUnlock: async () => void played.handedBack++,
    },
  };
  return played;
}

/** A locked vault with a passkey; `after`: the organisation's policy once it was added. */
async function lockedWithPasskey(after = DEFAULT_POLICY): Promise<Client> {
  let policy = DEFAULT_POLICY;
  const { client } = realClient({ policy: async () => policy });
  await client.call('vault.create', { password: PASSWORD });
  await client.call('account.add', {
    draft: { issuer: 'Trend Micro', account: 'admin@example.co.jp', secret: 'JBSWY3DPEHPK3PXP' },
  });
  await client.call('passkey.add', { password: PASSWORD, name: 'Windows Hello', ...KEY });
  await client.call('vault.lock', {});
  policy = after;
  return client;
}

function mount(client: Client, port: PasskeyPort | null, lang: 'en' | 'ja' = 'en') {
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={client}>
        <PasskeyContext.Provider value={port}>
          <App copy={async () => 'copied'} scan={async () => undefined} openAddFromImage={() => undefined} />
        </PasskeyContext.Provider>
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

afterEach(cleanup);

describe('the locked popup with a passkey', () => {
  it('offers the passkey first, focused, the password below; unlocks with it', async () => {
    const played = authenticator();
    mount(await lockedWithPasskey(), played.port);
    const button = await screen.findByRole('button', { name: 'Unlock with passkey' });
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(screen.getByLabelText('Password')).toBeTruthy();
    fireEvent.click(button);
    await screen.findByText('admin@example.co.jp');
    expect(played.asked).toBe(1);
    expect(played.handedBack).toBe(1);
  });

  it('in the toolbar popup, opens the window instead of running the ceremony there', async () => {
    const played = authenticator({ toolbar: true });
    const closed: unknown[] = [];
    const close = window.close;
    window.close = () => void closed.push(1);
    try {
      mount(await lockedWithPasskey(), played.port);
      fireEvent.click(await screen.findByRole('button', { name: 'Unlock with passkey' }));
      await waitFor(() => expect(played.windows).toBe(1));
      expect(played.asked).toBe(0);
      expect(closed).toHaveLength(1);
    } finally {
      window.close = close;
    }
  });

  it('the passkey window starts the ceremony by itself', async () => {
    const played = authenticator({ autoStart: true });
    mount(await lockedWithPasskey(), played.port);
    await screen.findByText('admin@example.co.jp');
    expect(played.asked).toBe(1);
  });

  it('a cancelled ceremony is said in words (Japanese too), and the password still works', async () => {
    const played = authenticator({ refuse: true });
    mount(await lockedWithPasskey(), played.port, 'ja');
    fireEvent.click(await screen.findByRole('button', { name: 'パスキーでロック解除' }));
    await screen.findByText(
      'パスキーの操作がキャンセルされたか、時間切れになりました。何も変更されていません。',
    );
    fireEvent.input(screen.getByLabelText('パスワード'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    await screen.findByText('admin@example.co.jp');
  });

  it('is not offered where the browser cannot, nor where the organisation turned passkeys off', async () => {
    mount(await lockedWithPasskey(), null);
    await screen.findByLabelText('Password');
    expect(screen.queryByRole('button', { name: 'Unlock with passkey' })).toBeNull();
    cleanup();
    mount(await lockedWithPasskey({ ...DEFAULT_POLICY, disablePasskeyUnlock: true }), authenticator().port);
    await screen.findByLabelText('Password');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Unlock with passkey' })).toBeNull();
  });
});
