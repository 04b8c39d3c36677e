/**
 * The questions a fill may need answered first, named plainly: the page is not a site this account is for
 * (both origins shown: a lookalike host is told apart here, never guessed), or the page asks for a code it sent
 * by e-mail or text message rather than an authenticator's.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from './i18n';

export type FillQuestion =
  | { kind: 'origin'; label: string; origin: string; accountOrigins: string[] }
  | { kind: 'email' | 'sms'; label: string };

export interface FillPromptProps {
  question: FillQuestion;
  /** `bind`: also remember the page's origin for this account ("Use on this site"). */
  onFill: (bind: boolean) => void;
  onCancel: () => void;
}

export function FillPrompt({ question, onFill, onCancel }: FillPromptProps) {
  const t = useT();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const title =
    question.kind === 'origin'
      ? t('fill_other_site_title')
      : question.kind === 'sms'
        ? t('fill_sms_title')
        : t('fill_email_title');
  return (
    <div
      class="fill-prompt"
      role="alertdialog"
      aria-labelledby="fill-prompt-title"
      aria-describedby="fill-prompt-body"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="fill-prompt-title">{title}</h2>
      <div id="fill-prompt-body">
        {question.kind === 'origin' ? (
          <>
            <p>{t('fill_other_site_account', question.label)}</p>
            <ul class="origins">
              {question.accountOrigins.length > 0 ? (
                question.accountOrigins.map((o) => <li key={o}>{o}</li>)
              ) : (
                <li class="muted">{t('fill_no_sites')}</li>
              )}
            </ul>
            <p>{t('fill_other_site_page')}</p>
            <ul class="origins">
              <li>
                <strong>{question.origin}</strong>
              </li>
            </ul>
            <p class="muted">{t('fill_other_site_warning')}</p>
          </>
        ) : (
          <p>{question.kind === 'sms' ? t('fill_sms_body') : t('fill_email_body')}</p>
        )}
      </div>
      <div class="buttons">
        <button type="button" ref={first} onClick={onCancel}>
          {t('button_cancel')}
        </button>
        <button type="button" onClick={() => onFill(false)}>
          {question.kind === 'origin' ? t('button_fill_once') : t('button_fill_anyway')}
        </button>
        {question.kind === 'origin' ? (
          <button type="button" onClick={() => onFill(true)}>
            {t('button_use_on_site_and_fill')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
