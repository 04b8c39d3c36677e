/**
 * One account as a QR code (its otpauth:// link), to add it to another authenticator. The code stays on the page
 * until Done, or until the user leaves the tab.
 */
import { useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages';
import { displayText } from '@/lib/otp/display-text';
import { exportErrorText } from './backup-text';
import { useClient } from './client-context';
import { useT } from './i18n';
import { OrgOff } from './OrgOff';
import { PasswordInput } from './PasswordInput';
import { usePolicy } from './policy-context';
import { QrCode } from './QrCode';
import { useAction } from './use-action';
import { useClearOnLeave } from './use-clear-on-leave';

/** "Issuer — account", or whichever of the two there is. */
export function accountLabel(a: Pick<AccountView, 'issuer' | 'account'>): string {
  const parts = [a.issuer, a.account].filter(Boolean).map(displayText);
  return parts.join(' — ');
}

export interface AccountQrCardProps {
  accounts: readonly AccountView[] | null;
  onExported: () => void;
}

export function AccountQrCard({ accounts, onExported }: AccountQrCardProps) {
  const t = useT();
  const client = useClient();
  const [chosen, setChosen] = useState('');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<{ uri: string; label: string } | null>(null);
  const { busy, error, run } = useAction();
  const field = useRef<HTMLSelectElement>(null);
  const off = usePolicy()?.disablePlaintextExport ?? false;
  useClearOnLeave(shown !== null, () => setShown(null));
  const account = accounts?.find((a) => a.id === chosen) ?? accounts?.[0];

  async function submit(event: Event) {
    event.preventDefault();
    if (!account) return;
    const result = await run(() =>
      client.call('backup.export', { kind: 'account-qr', password, ids: [account.id] }),
    );
    setPassword('');
    const uri = result?.uris[0] ?? result?.text;
    if (!uri) return;
    setShown({ uri, label: accountLabel(account) });
    onExported();
  }

  function done() {
    setShown(null);
    setTimeout(() => field.current?.focus(), 0);
  }

  return (
    <section class="options-card" aria-labelledby="account-qr-title">
      <h3 id="account-qr-title">{t('account_qr_title')}</h3>
      <p class="muted">{t('account_qr_intro')}</p>
      {off ? (
        <OrgOff />
      ) : shown ? (
        <div class="qr-shown">
          <p class="qr-caption">{shown.label}</p>
          <div class="qr-slides">
            <QrCode text={shown.uri} label={t('account_qr_label', shown.label)} />
          </div>
          <p class="hint">{t('account_qr_warning')}</p>
          <div class="buttons start">
            <button type="button" class="primary" onClick={done}>
              {t('button_done')}
            </button>
          </div>
        </div>
      ) : accounts && accounts.length === 0 ? (
        <p>{t('account_qr_none')}</p>
      ) : (
        <form onSubmit={submit}>
          <div class="field">
            <label for="account-qr-account">{t('label_account')}</label>
            <select
              id="account-qr-account"
              ref={field}
              value={account?.id ?? ''}
              disabled={!accounts}
              onChange={(e) => setChosen(e.currentTarget.value)}
            >
              {(accounts ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {accountLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <PasswordInput
            id="account-qr-password"
            label={t('backup_vault_password')}
            hint={t('backup_vault_password_hint')}
            value={password}
            onInput={setPassword}
            describedBy="account-qr-error"
          />
          {error ? (
            <p id="account-qr-error" class="error" role="alert">
              {exportErrorText(t, error)}
            </p>
          ) : null}
          <div class="buttons start">
            <button type="submit" class="primary" disabled={busy || password === '' || !account}>
              {busy ? t('working') : t('account_qr_button')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
