/** What the page confirmation says after the background has handled a scanned code. */
import type { ScanOutcome } from '@/lib/messages';
import type { Translate } from '@/lib/platform/i18n';

export function outcomeLines(t: Translate, outcome: ScanOutcome): string[] {
  if (outcome.result === 'locked') return [t('scan_locked')];
  const lines: string[] = [];
  const [first] = outcome.labels;
  if (outcome.added === 1 && first !== undefined) lines.push(t('scan_added_one', first));
  else if (outcome.added > 1) lines.push(t('scan_added_many', String(outcome.added)));
  if (outcome.duplicates > 0)
    lines.push(
      outcome.added === 0 ? t('scan_already_all') : t('scan_already_some', String(outcome.duplicates)),
    );
  if (outcome.skipped > 0) lines.push(t('scan_skipped', String(outcome.skipped)));
  const batch = outcome.batch;
  if (batch && batch.size > 1) {
    const part = t('scan_batch_part', [String(batch.index + 1), String(batch.size)]);
    lines.push(
      batch.missing.length > 0
        ? `${part} ${t('scan_batch_missing', batch.missing.map((i) => String(i + 1)).join(', '))}`
        : `${part} ${t('scan_batch_done')}`,
    );
  }
  if (lines.length === 0) lines.push(t('scan_already_all'));
  return lines;
}

/** A background error code as a sentence (`not-otp-link` -> `error_not_otp_link`; every code has one). */
export function errorLine(t: Translate, code: string): string {
  const key = 'error_' + code.replace(/-/g, '_');
  const text = t(key);
  return text && text !== key ? text : t('error_internal');
}
