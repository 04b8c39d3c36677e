/**
 * The popup's gentle reminder, at the top of the list, when accounts are in no backup: "Back up" opens the
 * options page at Back up and export; "Not now" hides it until more accounts are unbacked.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackupState } from '@/lib/messages';
import { countText } from './backup-text';
import { useClient } from './client-context';
import { useT } from './i18n';

export interface BackupReminderProps {
  /** From the popup's `codes.list`; undefined: asked here (after an unlock, the list came without it). */
  state: BackupState | null | undefined;
  openBackup?: () => void;
}

export function BackupReminder({ state, openBackup }: BackupReminderProps) {
  const t = useT();
  const client = useClient();
  const [current, setCurrent] = useState(state);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (state === undefined) client.call('backup.state', {}).then(setCurrent, () => undefined);
  }, [client, state]);

  if (dismissed || !current?.remind || current.unbacked <= 0) return null;
  return (
    <div class="backup-reminder" role="note">
      <p>{countText(t, 'backup_reminder', current.unbacked)}</p>
      <button
        type="button"
        class="small quiet"
        onClick={() => {
          setDismissed(true);
          void client.call('backup.dismiss', {}).catch(() => undefined);
        }}
      >
        {t('backup_reminder_later')}
      </button>
      {openBackup ? (
        <button type="button" class="small primary" onClick={openBackup}>
          {t('backup_reminder_button')}
        </button>
      ) : null}
    </div>
  );
}
