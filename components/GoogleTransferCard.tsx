/**
 * Moving accounts to Google Authenticator on a phone: the background makes its transfer QR codes (10 accounts
 * each) and lists the accounts Google cannot carry. The codes stay on the page until Done, or until the user
 * leaves the tab.
 */
import { useRef, useState } from 'preact/hooks';
import { displayText } from '@/lib/otp/display-text';
import { googleErrorText } from './backup-text';
import { useClient } from './client-context';
import { useT } from './i18n';
import { OrgOff } from './OrgOff';
import { PasswordInput } from './PasswordInput';
import { usePolicy } from './policy-context';
import { QrSlides } from './QrSlides';
import { useAction } from './use-action';
import { useClearOnLeave } from './use-clear-on-leave';

interface Shown {
  uris: string[];
  leftOut: { label: string; reason: 'steam' | 'period' | 'digits' }[];
}

export function GoogleTransferCard({ onExported }: { onExported: () => void }) {
  const t = useT();
  const client = useClient();
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const { busy, error, run } = useAction();
  const field = useRef<HTMLInputElement>(null);
  const off = usePolicy()?.disablePlaintextExport ?? false;
  useClearOnLeave(shown !== null, () => setShown(null));

  function done() {
    setShown(null);
    setTimeout(() => field.current?.focus(), 0);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const result = await run(() => client.call('backup.export', { kind: 'google-migration', password }));
    setPassword('');
    if (!result) return;
    setShown({ uris: result.uris, leftOut: result.leftOut });
    onExported();
  }

  return (
    <section class="options-card" aria-labelledby="google-transfer-title">
      <h3 id="google-transfer-title">{t('google_transfer_title')}</h3>
      <p class="muted">{t('google_transfer_intro')}</p>
      {off ? (
        <OrgOff />
      ) : shown ? (
        <div class="qr-shown">
          {shown.uris.length > 0 ? (
            <>
              <p>{t('google_transfer_scan')}</p>
              <QrSlides texts={shown.uris} />
            </>
          ) : null}
          {shown.leftOut.length > 0 ? (
            <div class="banner warn left-out">
              <p>{t('google_transfer_left_out')}</p>
              <ul>
                {shown.leftOut.map(({ label, reason }, i) => (
                  <li key={i}>
                    {displayText(label)} — {t(`google_transfer_why_${reason}`)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div class="buttons start">
            <button type="button" class="primary" onClick={done}>
              {t('button_done')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <PasswordInput
            id="google-vault-password"
            label={t('backup_vault_password')}
            hint={t('backup_vault_password_hint')}
            value={password}
            onInput={setPassword}
            describedBy="google-transfer-error"
            inputRef={field}
          />
          {error ? (
            <p id="google-transfer-error" class="error" role="alert">
              {googleErrorText(t, error)}
            </p>
          ) : null}
          <div class="buttons start">
            <button type="submit" class="primary" disabled={busy || password === ''}>
              {busy ? t('working') : t('google_transfer_button')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
