// @vitest-environment happy-dom
/**
 * Issue #12, point 2, the editor's side: binding a plain-http site off this computer shows what the network can
 * do there (in both languages), and "Fill automatically" is not offered for it; https and loopback are not flagged.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import type { Client } from '@/lib/messages';
import { SitesEditor } from '@/components/SitesEditor';
import { translator } from '../support/translate';

afterEach(cleanup);

function mount(origins: string[], lang: 'en' | 'ja' = 'en') {
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider
        value={{ call: () => Promise.reject(new Error('not called')) } as unknown as Client}
      >
        <SitesEditor
          origins={origins}
          onChange={() => undefined}
          autoFill={{ id: 'a1', saved: origins, on: [], available: true, onChange: () => undefined }}
        />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

describe('a plain-http site in the account editor', () => {
  it('is flagged with a warning, and not offered for automatic fill', () => {
    mount(['http://console.example.jp', 'https://clp.trendmicro.com', 'http://127.0.0.1:8787']);
    const notes = screen.getAllByRole('note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain('http://console.example.jp is not encrypted');
    expect(
      screen.queryByRole('checkbox', { name: 'Fill automatically on http://console.example.jp' }),
    ).toBeNull();
    expect(
      screen.getByRole('checkbox', { name: 'Fill automatically on https://clp.trendmicro.com' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('checkbox', { name: 'Fill automatically on http://127.0.0.1:8787' }),
    ).toBeTruthy();
  });

  it('in Japanese too', () => {
    mount(['http://console.example.jp'], 'ja');
    expect(screen.getByRole('note').textContent).toContain('http://console.example.jpは暗号化されていません');
  });
});
