/**
 * The locked screen: "Unlock with passkey" first when the vault has one (and the browser and the organisation
 * allow it), the password as the alternative. A scan can start here too: what it reads waits until the vault is
 * unlocked, then is added without scanning again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { RemoteError, type ErrorCode, type PasskeyState, type VaultStatus } from '@/lib/messages';
import { useClient } from './client-context';
import { FieldError } from './FieldError';
import { KeyIcon, ScanIcon } from './icons';
import { ScanProblem } from './ScanProblem';
import { useT } from './i18n';
import { usePasskeys } from './passkey-context';
import { PasswordBox } from './PasswordBox';
import { useAction } from './use-action';

export interface UnlockProps {
  onDone: (status: VaultStatus) => void;
  scan?: () => Promise<void>;
  openAddFromImage?: () => void;
}

export function Unlock({ onDone, scan, openAddFromImage }: UnlockProps) {
  const t = useT();
  const client = useClient();
  const port = usePasskeys();
  const [password, setPassword] = useState('');
  const [scanProblem, setScanProblem] = useState<ErrorCode | null>(null);
  const [passkeys, setPasskeys] = useState<PasskeyState | null>(null);
  const { busy, error, setError, run } = useAction();
  const ceremony = useAction();
  const started = useRef(false);
  const passkeyButton = useRef<HTMLButtonElement>(null);
  const offered = port !== null && passkeys !== null && passkeys.allowed && passkeys.passkeys.length > 0;

  useEffect(() => {
    if (!port) return;
    client.call('passkey.list', {}).then(setPasskeys, () => setPasskeys(null));
  }, [client, port]);

  async function withPasskey() {
    if (!port || !passkeys) return;
    const status = await ceremony.run(async () => {
      if (await port.inToolbarPopup()) {
        await port.openWindow();
        window.close();
        return undefined;
      }
      const answer = await port.ask(passkeys.passkeys, passkeys.userVerification);
      return client.call('vault.unlock-passkey', answer);
    });
    if (!status) return;
    onDone(status);
    if (status.vault === 'unlocked') await port.afterUnlock();
  }

  // The passkey comes first once it is known to be there (unless a password is being typed already).
  useEffect(() => {
    if (offered && password === '') passkeyButton.current?.focus();
  }, [offered]);

  useEffect(() => {
    if (!offered || !port.autoStart || started.current) return;
    started.current = true;
    void withPasskey();
  }, [offered]);

  async function submit(event: Event) {
    event.preventDefault();
    if (password === '') return setError('password-empty');
    const status = await run(() => client.call('vault.unlock', { password }));
    if (status) onDone(status);
    else setPassword('');
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock_title')}</h1>
      {offered ? (
        <>
          <button
            type="button"
            class="primary passkey-unlock"
            ref={passkeyButton}
            disabled={ceremony.busy}
            aria-describedby="passkey-error"
            onClick={() => void withPasskey()}
          >
            <KeyIcon /> {ceremony.busy ? t('unlock_passkey_waiting') : t('unlock_passkey_button')}
          </button>
          <FieldError id="passkey-error" code={ceremony.error} />
          <p class="or muted">{t('unlock_passkey_or')}</p>
        </>
      ) : (
        <p class="muted">{t('unlock_intro')}</p>
      )}
      <label for="unlock-password">{t('label_password')}</label>
      <PasswordBox
        id="unlock-password"
        autofocus={!offered}
        value={password}
        describedBy="unlock-error"
        onInput={setPassword}
      />
      <FieldError id="unlock-error" code={error} />
      <button type="submit" class={offered ? '' : 'primary'} disabled={busy}>
        {busy ? t('working') : t('button_unlock')}
      </button>
      {scan ? (
        <div class="scan-while-locked">
          <button
            type="button"
            class="link"
            onClick={() => {
              setScanProblem(null);
              scan().catch((e: unknown) => setScanProblem(e instanceof RemoteError ? e.code : 'internal'));
            }}
          >
            <ScanIcon /> {t('button_scan')}
          </button>
          <span class="muted">{t('scan_while_locked')}</span>
        </div>
      ) : null}
      <ScanProblem code={scanProblem} onAddFromImage={() => openAddFromImage?.()} />
    </form>
  );
}
