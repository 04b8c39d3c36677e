/** One account in the list: who it is for, its live code, and its actions. */
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CodeView } from '@/lib/messages';
import { displayText } from './display-text';
import { useT } from './i18n';
import { NextIcon, PencilIcon, TrashIcon } from './icons';
import { CodeText, LiveCode } from './LiveCode';

export interface CodeRowProps {
  view: CodeView;
  highlighted: boolean;
  readOnly: boolean;
  onCopy: (code: string) => void;
  onEdit: (id: string) => void;
  onDelete: (view: CodeView) => void;
  onNextHotp: (id: string) => void;
}

export function rowLabel(view: Pick<CodeView, 'issuer' | 'account'>): string {
  return [view.issuer, view.account].filter(Boolean).map(displayText).join(' ') || '—';
}

function CodeRowImpl({ view, highlighted, readOnly, onCopy, onEdit, onDelete, onNextHotp }: CodeRowProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const label = rowLabel(view);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <li class={highlighted ? 'row highlighted' : 'row'} data-account-id={view.id}>
      {confirming ? null : (
        <div class="labels">
          <span class="issuer">{displayText(view.issuer) || displayText(view.account)}</span>
          {view.issuer ? <span class="account">{displayText(view.account)}</span> : null}
        </div>
      )}
      {view.type === 'hotp' ? (
        <div class="live">
          <button
            type="button"
            class="code"
            aria-label={t('copy_label', label)}
            onClick={() => onCopy(view.code)}
          >
            <CodeText code={view.code} />
          </button>
          <button
            type="button"
            class="icon"
            title={t('button_next_code', label)}
            aria-label={t('button_next_code', label)}
            disabled={readOnly}
            onClick={() => onNextHotp(view.id)}
          >
            <NextIcon />
          </button>
        </div>
      ) : (
        <LiveCode view={view} label={label} onCopy={onCopy} />
      )}
      {confirming ? (
        <div class="confirm" role="group" aria-label={t('confirm_delete', label)}>
          <span>{t('confirm_delete', label)}</span>
          <button
            type="button"
            class="danger"
            ref={confirmRef}
            onClick={() => {
              setConfirming(false);
              onDelete(view);
            }}
          >
            {t('button_delete_confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('button_cancel')}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="icon"
            title={t('button_edit', label)}
            aria-label={t('button_edit', label)}
            disabled={readOnly}
            onClick={() => onEdit(view.id)}
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            class="icon"
            title={t('button_delete', label)}
            aria-label={t('button_delete', label)}
            disabled={readOnly}
            onClick={() => setConfirming(true)}
          >
            <TrashIcon />
          </button>
        </div>
      )}
    </li>
  );
}

export const CodeRow = memo(CodeRowImpl);
