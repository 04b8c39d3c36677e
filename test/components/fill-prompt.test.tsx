// @vitest-environment happy-dom
/**
 * The question before filling a page that sent its own code: an e-mailed code and a text message are named as
 * what they are, in English and Japanese; "Cancel" is the first (focused) answer.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FillPrompt, type FillQuestion } from '@/components/FillPrompt';
import { I18nContext } from '@/components/i18n';
import { translator } from '../support/translate';

afterEach(cleanup);

function ask(lang: 'en' | 'ja', question: FillQuestion) {
  const onFill = vi.fn();
  const onCancel = vi.fn();
  render(
    <I18nContext.Provider value={translator(lang)}>
      <FillPrompt question={question} onFill={onFill} onCancel={onCancel} />
    </I18nContext.Provider>,
  );
  return { onFill, onCancel };
}

describe('FillPrompt: a code the page sent', () => {
  it.each([
    ['en', 'sms', /text message/, /phone by text message \(SMS\)/],
    ['ja', 'sms', /テキストメッセージ（SMS）/, /携帯電話にテキストメッセージ（SMS）/],
    ['en', 'email', /e-mailed code/, /by e-mail/],
    ['ja', 'email', /メールで届くコード/, /メール/],
  ] as const)('%s, %s: names where the code was sent', (lang, kind, title, body) => {
    const { onFill } = ask(lang, { kind, label: 'Contoso' });
    expect(screen.getByRole('heading').textContent).toMatch(title);
    expect(document.getElementById('fill-prompt-body')?.textContent).toMatch(body);
    expect(document.activeElement?.textContent).toBe(translator(lang)('button_cancel'));
    fireEvent.click(screen.getByText(translator(lang)('button_fill_anyway')));
    expect(onFill).toHaveBeenCalledWith(false);
  });

  it('the text-message question does not speak of e-mail', () => {
    ask('en', { kind: 'sms', label: 'Contoso' });
    expect(document.querySelector('.fill-prompt')?.textContent).not.toMatch(/e-mail/i);
  });
});
