/**
 * The locked screen: one password field. A scan can start here too: what it reads waits until the vault is
 * unlocked, then is added without scanning again.
 */
import { useState } from 'preact/hooks';
import { RemoteError, type ErrorCode, type VaultStatus } from '@/lib/messages';
import { useClient } from './client-context';
import { FieldError } from './FieldError';
import { ScanIcon } from './icons';
import { ScanProblem } from './ScanProblem';
import { useT } from './i18n';
import { useAction } from './use-action';

export interface UnlockProps {
  onDone: (status: VaultStatus) => void;
  scan?: () => Promise<void>;
  openAddFromImage?: () => void;
}

export function Unlock({ onDone, scan, openAddFromImage }: UnlockProps) {
  const t = useT();
  const client = useClient();
  const [password, setPassword] = useState('');
  const [scanProblem, setScanProblem] = useState<ErrorCode | null>(null);
  const { busy, error, run } = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const status = await run(() => client.call('vault.unlock', { password }));
    if (status) onDone(status);
    else setPassword('');
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock_title')}</h1>
      <p class="muted">{t('unlock_intro')}</p>
      <label for="unlock-password">{t('label_password')}</label>
      <input
        id="unlock-password"
        type="password"
        autocomplete="current-password"
        autofocus
        value={password}
        aria-describedby="unlock-error"
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <FieldError id="unlock-error" code={error} />
      <button type="submit" class="primary" disabled={busy || password === ''}>
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
