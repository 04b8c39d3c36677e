/**
 * Every account as a plain list of otpauth:// links, for apps that read nothing else. Secrets are in the clear,
 * so it sits behind a warning and a confirmation the user must tick each time; then the Sekimori password.
 */
import { useEffect, useState } from 'preact/hooks';
import { dateStamp, exportErrorText } from './backup-text';
import { useClient } from './client-context';
import { downloadText } from './download-text';
import { useT } from './i18n';
import { OrgOff } from './OrgOff';
import { usePolicy } from './policy-context';
import { useAction } from './use-action';
import { usePasswordStep, VaultPasswordStep } from './VaultPasswordStep';

export function OtpauthListCard({ onExported }: { onExported: () => void }) {
  const t = useT();
  const client = useClient();
  const [understood, setUnderstood] = useState(false);
  const [unticked, setUnticked] = useState(false);
  const [asking, setAsking] = usePasswordStep('otpauth-list');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => setError(null), [asking]);
  const off = usePolicy()?.disablePlaintextExport ?? false;

  function submit(event: Event) {
    event.preventDefault();
    setSaved(null);
    setUnticked(!understood);
    if (understood) setAsking(true);
  }

  async function download(password: string) {
    const result = await run(() => client.call('backup.export', { kind: 'otpauth-list', password }));
    if (!result) return;
    const name = `sekimori-otpauth-${dateStamp()}.txt`;
    downloadText(name, result.text);
    setUnderstood(false);
    setSaved(name);
    setAsking(false);
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
    <section class="options-card" aria-labelledby="otpauth-list-title">
      <h3 id="otpauth-list-title">{t('otpauth_list_title')}</h3>
      <p class="muted">{t('otpauth_list_intro')}</p>
      <p class="banner warn" id="otpauth-list-warning">
        {t('otpauth_list_warning')}
      </p>
      {asking ? (
        <VaultPasswordStep
          id="otpauth-list"
          action={t('otpauth_list_button')}
          busy={busy}
          error={error}
          errorText={(code) => exportErrorText(t, code)}
          onConfirm={download}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <form onSubmit={submit}>
          <label class="check">
            <input
              type="checkbox"
              checked={understood}
              aria-invalid={unticked}
              aria-describedby={
                unticked ? 'otpauth-list-warning otpauth-list-unticked' : 'otpauth-list-warning'
              }
              onChange={(e) => {
                setUnderstood(e.currentTarget.checked);
                if (e.currentTarget.checked) setUnticked(false);
              }}
            />
            {t('otpauth_list_confirm')}
          </label>
          {unticked ? (
            <p id="otpauth-list-unticked" class="error" role="alert">
              {t('otpauth_list_tick_first')}
            </p>
          ) : null}
          <div class="buttons start">
            <button type="submit">{t('otpauth_list_button')}</button>
          </div>
        </form>
      )}
      {saved ? (
        <p class="done-note" role="status">
          {t('otpauth_list_saved', saved)}
        </p>
      ) : null}
    </section>
  );
}
