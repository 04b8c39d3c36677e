/**
 * The popup's one line about sync, only when there is something to say: paused (over the quota), a password
 * changed in another browser, a record it cannot read, or nothing carried for a week. Asked a moment after the
 * codes are on screen: sync is never on the popup's start-up path.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '@/lib/messages';
import { useClient } from './client-context';
import { useT } from './i18n';
import { measuredText } from './security-text';

/** The line for each problem; waiting (the others will ask for this browser's new password) needs no line. */
const LINE = {
  'over-quota': 'sync_line_over_quota',
  'needs-password': 'sync_line_password',
  unreadable: 'sync_line_unreadable',
  waiting: null,
} as const;

const ASK_AFTER_MS = 800;
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

export function SyncLine({ openSync }: { openSync?: () => void }) {
  const t = useT();
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    const timer = setTimeout(
      () => void client.call('sync.status', {}).then(setStatus, () => undefined),
      ASK_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [client]);
  if (!status?.on) return null;
  const key = status.problem ? LINE[status.problem.kind] : null;
  const problem = key ? t(key) : null;
  const stale = status.lastSyncedAt !== null && Date.now() - status.lastSyncedAt > STALE_MS;
  if (!problem && !stale) return null;
  return (
    <div class="sync-line" role="note">
      <p>{problem ?? t('sync_stale', measuredText(status.lastSyncedAt!))}</p>
      {openSync ? (
        <button type="button" class="small quiet" onClick={openSync}>
          {t('sync_popup_open')}
        </button>
      ) : null}
    </div>
  );
}
