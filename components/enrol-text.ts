/** Sentences about what a QR code holds: an account's kind and settings, and where a transfer export stands. */
import type { EnrolAccountView, MigrationProgress } from '@/lib/messages';
import type { Translate } from './i18n';

/** "Time-based (TOTP) · 6 digits · every 30 s · SHA1" and the like. */
export function accountDetails(t: Translate, a: EnrolAccountView): string {
  const kind = t(`type_${a.type}`);
  if (a.type === 'steam') return `${kind} · ${t('enrol_details_steam', String(a.period))}`;
  const details =
    a.type === 'hotp'
      ? t('enrol_details_counter', [String(a.digits), String(a.counter), a.algorithm])
      : t('enrol_details_time', [String(a.digits), String(a.period), a.algorithm]);
  return `${kind} · ${details}`;
}

/** "QR code 1 of 2 — 1 still missing: …", or null for a single-code export. */
export function batchText(t: Translate, batch: MigrationProgress | undefined): string | null {
  if (!batch || batch.size <= 1) return null;
  const position = [String(batch.index + 1), String(batch.size)];
  return batch.missingCount > 0
    ? t('enrol_batch_missing', [...position, String(batch.missingCount)])
    : t('enrol_batch_complete', position);
}
