/**
 * The recommended way to keep accounts safe: an encrypted Sekimori backup file (every account, its settings and
 * sites), sealed by the background with a password of its own and downloaded here as
 * `sekimori-backup-YYYY-MM-DD.json`. The file text is handed to the download and not kept. The Sekimori password is
 * asked after the backup password, in the step that downloads the file.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackupState } from '@/lib/messages';
import { countText, dateStamp, dayText, exportErrorText } from './backup-text';
import { useClient } from './client-context';
import { downloadText } from './download-text';
import { useT } from './i18n';
import { PasswordInput } from './PasswordInput';
import { StrengthMeter } from './StrengthMeter';
import { useAction } from './use-action';
import { usePasswordStep, VaultPasswordStep } from './VaultPasswordStep';

const MIN_BACKUP_PASSWORD = 8;

export interface BackupFileCardProps {
  state: BackupState | null;
  /** After a file was made: the section asks for the backup state again. */
  onExported: () => void;
}

export function BackupFileCard({ state, onExported }: BackupFileCardProps) {
  const t = useT();
  const client = useClient();
  const [asking, setAsking] = usePasswordStep('backup-file');
  const [backupPassword, setBackupPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState<{ name: string; count: number } | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => setError(null), [asking]); // an error belongs to the step it came from

  function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    if (backupPassword.length < MIN_BACKUP_PASSWORD) return setError('password-too-short');
    if (backupPassword !== confirm) return setError('password-mismatch');
    setError(null);
    setAsking(true);
  }

  async function download(password: string) {
    const result = await run(() =>
      client.call('backup.export', { kind: 'sekimori-backup', password, backupPassword }),
    );
    if (!result) return;
    const name = `sekimori-backup-${dateStamp()}.json`;
    downloadText(name, result.text, 'application/json');
    setBackupPassword('');
    setConfirm('');
    setSaved({ name, count: result.count });
    setAsking(false);
    onExported();
  }

  return (
    <section class="options-card recommended" aria-labelledby="backup-file-title">
      <h3 id="backup-file-title">
        {t('backup_file_title')} <span class="tag">{t('backup_recommended')}</span>
      </h3>
      <p class="muted">{t('backup_file_intro')}</p>
      <dl class="backup-state" aria-live="polite">
        <dt>{t('backup_last_label')}</dt>
        <dd>
          {state === null ? '—' : state.lastBackupAt ? dayText(state.lastBackupAt) : t('backup_last_never')}
        </dd>
        <dt>{t('backup_unbacked_label')}</dt>
        <dd>
          {state === null
            ? '—'
            : state.unbacked > 0
              ? countText(t, 'backup_unbacked', state.unbacked)
              : t('backup_unbacked_none')}
        </dd>
      </dl>
      {asking ? (
        <VaultPasswordStep
          id="backup"
          action={t('backup_file_button')}
          busy={busy}
          error={error}
          errorText={(code) => exportErrorText(t, code)}
          onConfirm={download}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <form onSubmit={submit}>
          <PasswordInput
            id="backup-new-password"
            label={t('backup_file_password')}
            autocomplete="new-password"
            value={backupPassword}
            onInput={setBackupPassword}
            describedBy="backup-file-strength backup-file-error"
          />
          <p id="backup-file-strength" class="hint" aria-live="polite">
            <StrengthMeter password={backupPassword} empty={t('backup_file_password_hint')} />
          </p>
          <PasswordInput
            id="backup-confirm-password"
            label={t('backup_file_password_confirm')}
            autocomplete="new-password"
            value={confirm}
            onInput={setConfirm}
            describedBy="backup-file-error"
          />
          {error ? (
            <p id="backup-file-error" class="error" role="alert">
              {exportErrorText(t, error)}
            </p>
          ) : null}
          <div class="buttons start">
            <button type="submit" class="primary">
              {t('backup_file_button')}
            </button>
          </div>
        </form>
      )}
      {saved ? (
        <p class="done-note" role="status">
          {t('backup_file_saved', [saved.name, String(saved.count)])}
        </p>
      ) : null}
    </section>
  );
}
