// @vitest-environment happy-dom
/**
 * What the popup says after "Fill", in English and Japanese, over the real background handlers (the page side
 * recorded: test/support/fill-effects.ts): filled; asked first, and why (another site, a code the page sent);
 * no field found, the code copied; the page did not take the code (cleared again), the code copied. Only a fill
 * that stuck closes the popup.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { App } from '@/entrypoints/popup/App';
import { realClient } from '../support/real-client';
import { translator } from '../support/translate';

const PASSWORD = 'two unrelated words 7';
const SITE = 'https://clp.trendmicro.com'; // the tab the recorded browser side shows
const URI =
  'otpauth://totp/Trend%20Micro%20SaaS%20Account:abc?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account';
const LABEL = 'Trend Micro SaaS Account abc';

type Lang = 'en' | 'ja';

afterEach(cleanup);

/** An unlocked vault with one account (bound to the tab's site unless `bound` is false), the popup on it. */
async function popupOver(lang: Lang, opts: { bound?: boolean } = {}) {
  const real = realClient();
  await real.client.call('vault.create', { password: PASSWORD });
  const { added } = await real.client.call('enrol.save', { text: URI });
  if (opts.bound ?? true) await real.client.call('account.bind', { id: added[0]!, origin: SITE });
  const copied: string[] = [];
  let closed = 0;
  render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={real.client}>
        <App
          copy={async (code) => {
            copied.push(code);
            return 'copied';
          }}
          scan={async () => undefined}
          openAddFromImage={() => undefined}
          afterFill={() => closed++}
        />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
  const t = translator(lang);
  const fill = async () =>
    fireEvent.click(await screen.findByRole('button', { name: t('button_fill_label', LABEL) }));
  return { fill: real.fill, copied, closed: () => closed, click: fill, t };
}

const toast = () => document.querySelector('.toast')?.textContent ?? '';

describe.each(['en', 'ja'] as const)('fill outcomes (%s)', (lang) => {
  it('filled: says so, copies nothing, closes', async () => {
    const popup = await popupOver(lang);
    await popup.click();
    await waitFor(() => expect(toast()).toBe(popup.t('filled_toast', LABEL)));
    expect(popup.copied).toEqual([]);
    expect(popup.closed()).toBe(1);
  });

  it('no field found: says so and copies the code; stays open', async () => {
    const popup = await popupOver(lang);
    popup.fill.page.found = false;
    await popup.click();
    await waitFor(() => expect(toast()).toBe(popup.t('fill_no_field_copied')));
    expect(popup.copied).toHaveLength(1);
    expect(popup.copied[0]).toMatch(/^\d{6}$/);
    expect(popup.closed()).toBe(0);
  });

  it('the page did not take the code: says that (not "no field"), copies the code; stays open', async () => {
    const popup = await popupOver(lang);
    popup.fill.page.refuses = true;
    await popup.click();
    await waitFor(() => expect(toast()).toBe(popup.t('fill_not_taken_copied')));
    expect(toast()).not.toBe(popup.t('fill_no_field_copied'));
    expect(popup.copied).toHaveLength(1);
    expect(popup.copied[0]).toMatch(/^\d{6}$/);
    expect(popup.fill.filled.map((f) => f.code)).toEqual(popup.copied); // the code that was typed and cleared
    expect(popup.closed()).toBe(0);
  });

  it('asked first, and why: a site the account is not for', async () => {
    const popup = await popupOver(lang, { bound: false });
    await popup.click();
    const prompt = await screen.findByRole('alertdialog');
    expect(prompt.querySelector('h2')?.textContent).toBe(popup.t('fill_other_site_title'));
    expect(prompt.textContent).toContain(SITE);
    expect(popup.fill.filled).toEqual([]);
  });

  it('asked first, and why: the page asks for a code it sent', async () => {
    const popup = await popupOver(lang);
    popup.fill.page.emailCode = true;
    await popup.click();
    const prompt = await screen.findByRole('alertdialog');
    expect(prompt.querySelector('h2')?.textContent).toBe(popup.t('fill_email_title'));
    expect(popup.fill.filled).toEqual([]);
  });
});

describe('the new sentence, as written', () => {
  it('English and Japanese say the page did not take the code, that it was cleared, and that it is copied', () => {
    expect(translator('en')('fill_not_taken_copied')).toBe(
      'The page did not take the code, so Sekimori cleared what it typed. The code is copied: click the field and paste it (Ctrl+V).',
    );
    expect(translator('ja')('fill_not_taken_copied')).toBe(
      'ページがコードを受け付けなかったため、入力した内容を消しました。コードをコピーしました。入力欄をクリックして貼り付けてください（Ctrl+V）。',
    );
  });
});
