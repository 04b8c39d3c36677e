/** The confirmation after a save: what was added, what was already there, and what a transfer export still needs. */
import type { EnrolResult } from '@/lib/messages';
import { batchText } from './enrol-text';
import { useT } from './i18n';

export function EnrolDone({ result }: { result: EnrolResult }) {
  const t = useT();
  const batch = batchText(t, result.batch);
  return (
    <div class={result.batch?.missingCount ? 'enrol-done incomplete' : 'enrol-done'}>
      {result.labels.length > 0 ? (
        <>
          <p class="enrol-done-title">{t('enrol_added', String(result.labels.length))}</p>
          <ul class="enrol-added">
            {/* Labels arrive from the background with invisible characters already made visible. */}
            {result.labels.map((label, i) => (
              <li key={i}>{label}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="enrol-done-title">{t('enrol_added_none')}</p>
      )}
      {result.duplicates > 0 ? <p>{t('enrol_duplicates', String(result.duplicates))}</p> : null}
      {result.skipped > 0 ? <p>{t('enrol_skipped', String(result.skipped))}</p> : null}
      {batch ? <p class="enrol-batch">{batch}</p> : null}
    </div>
  );
}
