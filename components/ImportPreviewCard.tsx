/**
 * What a read file would import: the format, a checkbox per account (accounts already in Sekimori unticked),
 * select all / none, the entries left out and why, and "Import N accounts". Never a secret: the preview has none.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '@/lib/messages';
import { displayText } from '@/lib/otp/display-text';
import { countText, formatName } from './backup-text';
import { useT } from './i18n';
import { ImportRow } from './ImportRow';

/** Rows drawn before "Show all". */
const FIRST_ROWS = 300;

export interface ImportPreviewCardProps {
  preview: ImportPreview;
  busy: boolean;
  onImport: (selected: number[]) => void;
  onCancel: () => void;
}

export function ImportPreviewCard({ preview, busy, onImport, onCancel }: ImportPreviewCardProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [checked, setChecked] = useState(() => preview.accounts.map((a) => !a.duplicate));
  useEffect(() => heading.current?.focus(), [preview]);
  const selected = checked.flatMap((on, i) => (on ? [i] : []));
  const duplicates = preview.accounts.filter((a) => a.duplicate).length;
  const setAll = (on: boolean) => setChecked(preview.accounts.map(() => on));
  const toggle = useCallback(
    (index: number, on: boolean) => setChecked((now) => now.map((was, j) => (j === index ? on : was))),
    [],
  );
  // A file of thousands is shown in part at first: drawing every row would hold the page for seconds.
  const [showAll, setShowAll] = useState(preview.accounts.length <= FIRST_ROWS);
  const shown = showAll ? preview.accounts : preview.accounts.slice(0, FIRST_ROWS);

  return (
    <div class="enrol-card import-preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title" tabIndex={-1} ref={heading}>
        {t('import_preview_title')}
      </h3>
      <p class="muted">
        {[
          t('import_preview_format', formatName(t, preview.format)),
          countText(t, 'import_preview_found', preview.accounts.length),
          duplicates > 0 ? t('import_preview_duplicates', String(duplicates)) : '',
        ]
          .filter(Boolean)
          .join(t('import_separator'))}
      </p>
      {preview.accounts.length > 1 ? (
        <div class="select-all">
          <button type="button" class="small" onClick={() => setAll(true)} disabled={busy}>
            {t('import_select_all')}
          </button>
          <button type="button" class="small" onClick={() => setAll(false)} disabled={busy}>
            {t('import_select_none')}
          </button>
        </div>
      ) : null}
      <fieldset class="import-fieldset" disabled={busy}>
        <legend class="sr-only">{t('import_preview_legend')}</legend>
        <ul class="enrol-list import-list">
          {shown.map((a, i) => (
            <ImportRow key={i} account={a} index={i} checked={checked[i]!} onToggle={toggle} t={t} />
          ))}
        </ul>
      </fieldset>
      {shown.length < preview.accounts.length ? (
        <button type="button" class="link show-all" onClick={() => setShowAll(true)}>
          {t('import_show_all', String(preview.accounts.length))}
        </button>
      ) : null}
      {preview.skipped.length > 0 ? (
        <details class="import-skipped">
          <summary>{countText(t, 'import_skipped', preview.skipped.length)}</summary>
          <ul>
            {preview.skipped.map((s, i) => (
              <li key={i}>
                <span class="enrol-issuer">{displayText(s.label) || t('import_skipped_unnamed')}</span>
                {' — '}
                {t(s.reason === 'unsupported-otp' ? 'import_skip_unsupported' : 'import_skip_invalid')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {selected.length === 0 ? (
        <p id="import-none-chosen" class="hint">
          {t('import_none_chosen')}
        </p>
      ) : null}
      <div class="buttons">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('button_cancel')}
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => onImport(selected)}
          disabled={busy || selected.length === 0}
          aria-describedby={selected.length === 0 ? 'import-none-chosen' : undefined}
        >
          {busy ? t('working') : countText(t, 'import_button', selected.length)}
        </button>
      </div>
    </div>
  );
}
