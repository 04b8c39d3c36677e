/** What the page confirmation says after the background has handled a scanned code. */
import { errorKey, type ErrorCode, type MigrationProgress, type ScanOutcome } from '@/lib/messages';
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
    lines.push(sentences(part, batch.missingCount > 0 ? missingText(t, batch) : t('scan_batch_done')));
  }
  if (lines.length === 0) lines.push(t('scan_already_all'));
  return lines;
}

/** Two sentences in a row: Japanese ones follow a full stop without a space (docs/glossary-ja.md). */
function sentences(first: string, second: string): string {
  return /[。！？]$/.test(first) ? first + second : `${first} ${second}`;
}

/** "Still to scan: 2, 4–7.", 1-based; "… and 12 more." past the MAX_MISSING_RANGES ranges the background lists. */
function missingText(t: Translate, { missingCount, missingRanges }: MigrationProgress): string {
  const listed = missingRanges.map(([from, to]) =>
    from === to ? String(from + 1) : `${from + 1}–${to + 1}`,
  );
  const more = missingCount - missingRanges.reduce((sum, [from, to]) => sum + to - from + 1, 0);
  return more > 0
    ? t('scan_batch_missing_more', [listed.join(', '), String(more)])
    : t('scan_batch_missing', listed.join(', '));
}

/** A background error code as a sentence (`not-otp-link` -> `error_not_otp_link`; every code has one). */
export function errorLine(t: Translate, code: ErrorCode): string {
  const key = errorKey(code);
  const text = t(key);
  return text && text !== key ? text : t('error_internal');
}
