/**
 * "Back up and export" (options page, `#backup`; the popup's backup reminder links here): the encrypted backup
 * file first, then the ways to move accounts to other authenticators. Every export asks for the Sekimori password
 * again, once, in the step of the action the user chose (one such step open at a time); the background checks it
 * and does all the writing.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { RemoteError, type AccountView, type BackupState, type ErrorCode } from '@/lib/messages';
import { AccountQrCard } from './AccountQrCard';
import { BackupFileCard } from './BackupFileCard';
import { exportErrorText } from './backup-text';
import { useClient } from './client-context';
import { GoogleTransferCard } from './GoogleTransferCard';
import { useT } from './i18n';
import { OrgOff } from './OrgOff';
import { OtpauthListCard } from './OtpauthListCard';
import { usePolicy } from './policy-context';
import { OneStepAtATime } from './VaultPasswordStep';

export interface BackupSectionProps {
  /** Changes when accounts were added elsewhere on the page: the counts and the account list are read again. */
  accountsVersion?: number;
}

export function BackupSection({ accountsVersion = 0 }: BackupSectionProps) {
  const t = useT();
  const client = useClient();
  const [state, setState] = useState<BackupState | null>(null);
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const off = usePolicy()?.disableImportExport ?? false;

  const load = useCallback(async () => {
    try {
      const list = await client.call('codes.list', {});
      if (list.status.vault !== 'unlocked')
        return setProblem(list.status.vault === 'absent' ? 'no-vault' : 'locked');
      setAccounts(list.accounts);
      setState(list.backup ?? (await client.call('backup.state', {})));
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof RemoteError ? e.code : 'internal');
    }
  }, [client]);

  useEffect(() => {
    void load();
    // Unlocked (or accounts added) in the popup meanwhile: coming back to this tab shows it.
    const onShow = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [load]);

  useEffect(() => {
    if (accountsVersion > 0) void load();
  }, [accountsVersion, load]);

  const refreshState = () => void client.call('backup.state', {}).then(setState, () => undefined);

  return (
    <section id="backup" class="options-section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup_title')}</h2>
      <p class="muted">{t('backup_intro')}</p>
      {off ? <OrgOff /> : null}
      {problem && !off ? (
        <div class="banner error enrol-problem" role="alert">
          <p>{exportErrorText(t, problem)}</p>
          <button type="button" class="small" onClick={() => void load()}>
            {t('button_retry')}
          </button>
        </div>
      ) : null}
      {off ? null : (
        <OneStepAtATime>
          <BackupFileCard state={state} onExported={refreshState} />
          <GoogleTransferCard onExported={refreshState} />
          <AccountQrCard accounts={accounts} onExported={refreshState} />
          <OtpauthListCard onExported={refreshState} />
        </OneStepAtATime>
      )}
    </section>
  );
}
