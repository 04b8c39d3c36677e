/** The locked screen: one password field. */
import { useState } from 'preact/hooks';
import type { VaultStatus } from '@/lib/messages';
import { useClient } from './client-context';
import { FieldError } from './FieldError';
import { useT } from './i18n';
import { useAction } from './use-action';

export function Unlock({ onDone }: { onDone: (status: VaultStatus) => void }) {
  const t = useT();
  const client = useClient();
  const [password, setPassword] = useState('');
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
    </form>
  );
}
