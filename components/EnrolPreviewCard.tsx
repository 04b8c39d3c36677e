/** What a QR code would add, before it is saved: each account with its settings, marks for those already added. */
import { useEffect, useRef } from 'preact/hooks';
import type { EnrolPreview } from '@/lib/messages';
import { displayText } from '@/lib/otp/display-text';
import { accountDetails, batchText } from './enrol-text';
import { useT } from './i18n';

export interface EnrolPreviewCardProps {
  preview: EnrolPreview;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
}

export function EnrolPreviewCard({ preview, busy, onSave, onCancel }: EnrolPreviewCardProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [preview]);
  const fresh = preview.accounts.filter((a) => !a.duplicate).length;
  const batch = batchText(t, preview.batch);

  return (
    <div class="enrol-card" aria-labelledby="enrol-preview-title">
      <h3 id="enrol-preview-title" tabIndex={-1} ref={heading}>
        {t('enrol_preview_title')}
      </h3>
      <p class="muted">{t('enrol_summary', [String(fresh), String(preview.accounts.length - fresh)])}</p>
      <ul class="enrol-list">
        {preview.accounts.map((a, i) => (
          <li key={i} class={a.duplicate ? 'duplicate' : undefined}>
            <span class="enrol-name">
              <span class="enrol-issuer">{displayText(a.issuer) || displayText(a.account)}</span>
              {a.issuer ? <span class="enrol-account">{displayText(a.account)}</span> : null}
            </span>
            <span class="enrol-details">{accountDetails(t, a)}</span>
            {a.duplicate ? <span class="badge">{t('enrol_already')}</span> : null}
          </li>
        ))}
      </ul>
      {batch ? <p class="enrol-batch">{batch}</p> : null}
      {preview.skipped > 0 ? <p class="muted">{t('enrol_skipped', String(preview.skipped))}</p> : null}
      {fresh === 0 ? <p>{t('enrol_all_present')}</p> : null}
      <div class="buttons">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('button_cancel')}
        </button>
        <button type="button" class="primary" onClick={onSave} disabled={busy}>
          {busy ? t('working') : t('button_save')}
        </button>
      </div>
    </div>
  );
}
