/**
 * One account as a QR code (its otpauth:// link), to add it to another authenticator. The code stays on the page
 * until Done, or until the user leaves the tab. The Sekimori password is asked once the account is chosen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages';
import { displayText } from '@/lib/otp/display-text';
import { exportErrorText } from './backup-text';
import { useClient } from './client-context';
import { useT } from './i18n';
import { OrgOff } from './OrgOff';
import { usePolicy } from './policy-context';
import { QrCode } from './QrCode';
import { useAction } from './use-action';
import { useClearOnLeave } from './use-clear-on-leave';
import { usePasswordStep, VaultPasswordStep } from './VaultPasswordStep';

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
  const [asking, setAsking] = usePasswordStep('account-qr');
  const [shown, setShown] = useState<{ uri: string; label: string } | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => setError(null), [asking]);
  const field = useRef<HTMLSelectElement>(null);
  const off = usePolicy()?.disablePlaintextExport ?? false;
  useClearOnLeave(shown !== null, () => setShown(null));
  const account = accounts?.find((a) => a.id === chosen) ?? accounts?.[0];

  function submit(event: Event) {
    event.preventDefault();
    if (account) setAsking(true);
  }

  async function showCode(password: string) {
    if (!account) return;
    const result = await run(() =>
      client.call('backup.export', { kind: 'account-qr', password, ids: [account.id] }),
    );
    const uri = result?.uris[0] ?? result?.text;
    if (!uri) return;
    setShown({ uri, label: accountLabel(account) });
    setAsking(false);
    onExported();
  }

  /** Done or Cancel: back to the choice of account. */
  function back() {
    setShown(null);
    setAsking(false);
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
            <button type="button" class="primary" onClick={back}>
              {t('button_done')}
            </button>
          </div>
        </div>
      ) : accounts && accounts.length === 0 ? (
        <p>{t('account_qr_none')}</p>
      ) : asking && account ? (
        <>
          <p class="qr-caption">{accountLabel(account)}</p>
          <VaultPasswordStep
            id="account-qr"
            action={t('account_qr_button')}
            busy={busy}
            error={error}
            errorText={(code) => exportErrorText(t, code)}
            onConfirm={showCode}
            onCancel={back}
          />
        </>
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
          <div class="buttons start">
            <button type="submit" class="primary" disabled={!account}>
              {t('account_qr_button')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
