/**
 * An older copy of the vault is shown (the latest record is damaged, or an older one was written back): it is
 * read-only, and it becomes the vault again only when the user asks, after being told what is lost. The damaged
 * record is kept aside in storage, never deleted.
 */
import { useState } from 'preact/hooks';
import type { RecoveryInfo, VaultStatus } from '@/lib/messages';
import { RemoteError, type ErrorCode } from '@/lib/messages';
import { useClient } from './client-context';
import { errorText, useT } from './i18n';

export function RecoveredCopy({
  recovery,
  onRestored,
}: {
  recovery?: RecoveryInfo;
  onRestored: (status: VaultStatus) => void;
}) {
  const t = useT();
  const client = useClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function restore() {
    if (!recovery) return;
    setBusy(true);
    setError(null);
    try {
      onRestored(await client.call('vault.restore-copy', { revision: recovery.copyRevision }));
    } catch (e) {
      setError(e instanceof RemoteError ? e.code : 'internal');
      setBusy(false);
    }
  }

  const newer = recovery ? recovery.newestSeen - recovery.copyRevision : 0;
  return (
    <div class="banner warn recovered">
      <p>{t('recovered_banner')}</p>
      {recovery?.restorable && !asking ? (
        <button type="button" class="small" onClick={() => setAsking(true)}>
          {t('button_restore_copy')}
        </button>
      ) : null}
      {recovery?.restorable && asking ? (
        <div role="alertdialog" aria-labelledby="restore-title" aria-describedby="restore-lost">
          <p id="restore-title" class="title">
            {t('restore_copy_title')}
          </p>
          <p id="restore-lost">
            {newer > 0 ? t('restore_copy_lost_known', [String(newer)]) : t('restore_copy_lost_unknown')}{' '}
            {t('restore_copy_kept')}
          </p>
          {error ? (
            <p class="field-error" role="alert">
              {errorText(t, error)}
            </p>
          ) : null}
          <div class="buttons">
            <button type="button" class="danger" disabled={busy} onClick={() => void restore()}>
              {t('button_restore_copy_confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(false)}>
              {t('button_cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
