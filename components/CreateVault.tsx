/** First run: choose the vault password (twice), with a strength hint. */
import { useState } from 'preact/hooks';
import type { VaultStatus } from '@/lib/messages';
import { useClient } from './client-context';
import { FieldError } from './FieldError';
import { useT } from './i18n';
import { PasswordBox } from './PasswordBox';
import { StrengthMeter } from './StrengthMeter';
import { useAction } from './use-action';

export function CreateVault({ onDone }: { onDone: (status: VaultStatus) => void }) {
  const t = useT();
  const client = useClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (password.length < 8) return setError('password-too-short');
    if (password !== confirm) return setError('password-mismatch');
    const status = await run(() => client.call('vault.create', { password }));
    if (status) onDone(status);
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="create-title">
      <h1 id="create-title">{t('create_title')}</h1>
      <p class="muted">{t('create_intro')}</p>
      <label for="new-password">{t('label_password')}</label>
      <PasswordBox
        id="new-password"
        autocomplete="new-password"
        autofocus
        value={password}
        describedBy="strength create-error"
        onInput={setPassword}
      />
      <p id="strength" class="hint" aria-live="polite">
        <StrengthMeter password={password} empty={t('strength_hint')} />
      </p>
      <label for="confirm-password">{t('label_confirm_password')}</label>
      <PasswordBox id="confirm-password" autocomplete="new-password" value={confirm} onInput={setConfirm} />
      <FieldError id="create-error" code={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('working') : t('button_create_vault')}
      </button>
    </form>
  );
}
