// @vitest-environment happy-dom
/**
 * The add form: an error sits under the field that caused it (aria-invalid, aria-describedby) and goes as soon as
 * the field is valid; the page the popup is over is offered as the account's site. Over the real background.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountForm } from '@/components/AccountForm';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { realClient } from '../support/real-client';
import { translator } from '../support/translate';

afterEach(cleanup);

async function form(site: string | null = null, lang: 'en' | 'ja' = 'en') {
  const { client } = realClient();
  await client.call('vault.create', { password: 'two unrelated words 7' });
  const saved: string[] = [];
  render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={client}>
        <AccountForm site={site} onSaved={(id) => saved.push(id)} onCancel={() => undefined} />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
  return { client, saved };
}

const BAD_SECRET =
  'The secret key may only contain the letters A\u2060–\u2060Z and the digits 2\u2060–\u20607.';

describe('the add form', () => {
  it('shows a bad key under the key field, once, marked invalid, and clears it when the key is fixed', async () => {
    await form();
    const secret = screen.getByLabelText('Secret key');
    fireEvent.input(secret, { target: { value: 'abcd 0189' } });
    await waitFor(() => expect(secret.getAttribute('aria-invalid')).toBe('true'));
    const message = screen.getByText(BAD_SECRET, { exact: false });
    expect(secret.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getAllByText(BAD_SECRET, { exact: false })).toHaveLength(1);
    fireEvent.input(secret, { target: { value: 'abcd efgh ijkl 2345' } });
    await waitFor(() => expect(document.querySelector('.preview-code')).not.toBeNull());
    await waitFor(() => expect(secret.hasAttribute('aria-invalid')).toBe(false));
    expect(screen.queryByText(BAD_SECRET, { exact: false })).toBeNull();
  });

  it('a refused Save about a field shows there, and goes once the field is valid', async () => {
    const { saved } = await form();
    fireEvent.input(screen.getByLabelText('Issuer'), { target: { value: 'Trend Micro' } });
    fireEvent.input(screen.getByLabelText('Secret key'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const secret = screen.getByLabelText('Secret key');
    await waitFor(() => expect(secret.getAttribute('aria-invalid')).toBe('true'));
    expect(saved).toEqual([]);
    fireEvent.input(secret, { target: { value: 'JBSWY3DPEHPK3PXP' } });
    await waitFor(() => expect(secret.hasAttribute('aria-invalid')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(1));
  });

  it('offers the page the popup is over as the account’s site', async () => {
    await form('https://clp.trendmicro.com');
    expect(screen.getByText('https://clp.trendmicro.com')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove https://clp.trendmicro.com' })).toBeTruthy();
  });
});
