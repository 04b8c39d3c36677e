/**
 * Every account as a plain list of otpauth:// links, for apps that read nothing else. Secrets are in the clear,
 * so it sits behind a warning and a confirmation the user must tick each time.
 */
import { useState } from 'preact/hooks';
import { dateStamp, exportErrorText } from './backup-text';
import { useClient } from './client-context';
import { downloadText } from './download-text';
import { useT } from './i18n';
import { OrgOff } from './OrgOff';
import { PasswordInput } from './PasswordInput';
import { usePolicy } from './policy-context';
import { useAction } from './use-action';

export function OtpauthListCard({ onExported }: { onExported: () => void }) {
  const t = useT();
  const client = useClient();
  const [understood, setUnderstood] = useState(false);
  const [password, setPassword] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const off = usePolicy()?.disablePlaintextExport ?? false;

  async function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    if (!understood) return;
    const result = await run(() => client.call('backup.export', { kind: 'otpauth-list', password }));
    setPassword('');
    if (!result) return;
    const name = `sekimori-otpauth-${dateStamp()}.txt`;
    downloadText(name, result.text);
    setUnderstood(false);
    setSaved(name);
    onExported();
  }

  if (off)
    return (
      <section class="options-card" aria-labelledby="otpauth-list-title">
        <h3 id="otpauth-list-title">{t('otpauth_list_title')}</h3>
        <p class="muted">{t('otpauth_list_intro')}</p>
        <OrgOff />
      </section>
    );

  return (
    <form class="options-card" onSubmit={submit} aria-labelledby="otpauth-list-title">
      <h3 id="otpauth-list-title">{t('otpauth_list_title')}</h3>
      <p class="muted">{t('otpauth_list_intro')}</p>
      <p class="banner warn" id="otpauth-list-warning">
        {t('otpauth_list_warning')}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={understood}
          aria-describedby="otpauth-list-warning"
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
        />
        {t('otpauth_list_confirm')}
      </label>
      <PasswordInput
        id="otpauth-list-password"
        label={t('backup_vault_password')}
        hint={t('backup_vault_password_hint')}
        value={password}
        onInput={setPassword}
        describedBy="otpauth-list-error"
      />
      {error ? (
        <p id="otpauth-list-error" class="error" role="alert">
          {exportErrorText(t, error)}
        </p>
      ) : null}
      <div class="buttons start">
        <button type="submit" disabled={busy || !understood || password === ''}>
          {busy ? t('working') : t('otpauth_list_button')}
        </button>
      </div>
      {saved ? (
        <p class="done-note" role="status">
          {t('otpauth_list_saved', saved)}
        </p>
      ) : null}
    </form>
  );
}
