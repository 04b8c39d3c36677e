/**
 * Moving accounts to Google Authenticator on a phone: the background makes its transfer QR codes (10 accounts
 * each) and lists the accounts Google cannot carry. The codes stay on the page until Done, or until the user
 * leaves the tab. The Sekimori password is asked when the user chooses to show them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { displayText } from '@/lib/otp/display-text';
import { googleErrorText } from './backup-text';
import { useClient } from './client-context';
import { useT } from './i18n';
import { OrgOff } from './OrgOff';
import { usePolicy } from './policy-context';
import { QrSlides } from './QrSlides';
import { useAction } from './use-action';
import { useClearOnLeave } from './use-clear-on-leave';
import { usePasswordStep, VaultPasswordStep } from './VaultPasswordStep';

interface Shown {
  uris: string[];
  leftOut: { label: string; reason: 'steam' | 'period' | 'digits' }[];
}

export function GoogleTransferCard({ onExported }: { onExported: () => void }) {
  const t = useT();
  const client = useClient();
  const [asking, setAsking] = usePasswordStep('google');
  const [shown, setShown] = useState<Shown | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => setError(null), [asking]);
  const field = useRef<HTMLButtonElement>(null);
  const off = usePolicy()?.disablePlaintextExport ?? false;
  useClearOnLeave(shown !== null, () => setShown(null));

  /** Done or Cancel: back to the card's button. */
  function back() {
    setShown(null);
    setAsking(false);
    setTimeout(() => field.current?.focus(), 0);
  }

  async function show(password: string) {
    const result = await run(() => client.call('backup.export', { kind: 'google-migration', password }));
    if (!result) return;
    setShown({ uris: result.uris, leftOut: result.leftOut });
    setAsking(false);
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
            <button type="button" class="primary" onClick={back}>
              {t('button_done')}
            </button>
          </div>
        </div>
      ) : asking ? (
        <VaultPasswordStep
          id="google"
          action={t('google_transfer_button')}
          busy={busy}
          error={error}
          errorText={(code) => googleErrorText(t, code)}
          onConfirm={show}
          onCancel={back}
        />
      ) : (
        <div class="buttons start">
          <button type="button" class="primary" ref={field} onClick={() => setAsking(true)}>
            {t('google_transfer_button')}
          </button>
        </div>
      )}
    </section>
  );
}
