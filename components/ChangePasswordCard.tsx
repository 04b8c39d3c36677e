/**
 * Changing the Sekimori password: the current one is checked again by the background, the new one needs the
 * organisation's minimum length (or the product's). Length and the confirmation are checked here first, so a
 * typo costs no key derivation. The vault stays unlocked.
 */
import { useState } from 'preact/hooks';
import { PRODUCT_MIN_PASSWORD_LENGTH } from '@/lib/policy/policy';
import { useClient } from './client-context';
import { useT } from './i18n';
import { PasswordInput } from './PasswordInput';
import { usePolicy } from './policy-context';
import { passwordErrorText } from './security-text';
import { StrengthMeter } from './StrengthMeter';
import { useAction } from './use-action';

export function ChangePasswordCard({ onChanged }: { onChanged?: () => void } = {}) {
  const t = useT();
  const client = useClient();
  const policy = usePolicy();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useAction();
  const minLength = policy?.minPasswordLength ?? PRODUCT_MIN_PASSWORD_LENGTH;
  const byOrganisation = policy?.managed.includes('MinimumPasswordLength') ?? false;

  async function submit(event: Event) {
    event.preventDefault();
    setDone(false);
    if (current === '') return setError('password-empty');
    if (next.length < minLength) return setError('password-too-short');
    if (next !== confirm) return setError('password-mismatch');
    const result = await run(() => client.call('vault.change-password', { current, next }));
    setCurrent('');
    if (!result) return;
    setNext('');
    setConfirm('');
    setDone(true);
    onChanged?.();
  }

  return (
    <form class="options-card" onSubmit={submit} aria-labelledby="password-title">
      <h3 id="password-title">{t('change_password_title')}</h3>
      <p class="muted">{t('change_password_intro')}</p>
      <PasswordInput
        id="password-current"
        label={t('change_password_current')}
        value={current}
        onInput={setCurrent}
        describedBy="password-error"
      />
      <PasswordInput
        id="password-new"
        label={t('change_password_new')}
        autocomplete="new-password"
        value={next}
        onInput={setNext}
        describedBy="password-strength password-error"
      />
      <p id="password-strength" class="hint" aria-live="polite">
        {next ? (
          <>
            <StrengthMeter password={next} />
            {next.length < minLength ? ` ${t('change_password_min', String(minLength))}` : ''}
          </>
        ) : (
          <>
            {byOrganisation ? (
              <>
                <span class="tag org">{t('policy_badge')}</span>{' '}
              </>
            ) : null}
            {t('change_password_min', String(minLength))}
          </>
        )}
      </p>
      <PasswordInput
        id="password-confirm"
        label={t('change_password_confirm')}
        autocomplete="new-password"
        value={confirm}
        onInput={setConfirm}
        describedBy="password-error"
      />
      {error ? (
        <p id="password-error" class="error" role="alert">
          {passwordErrorText(t, error, minLength)}
        </p>
      ) : null}
      <div class="buttons start">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('working') : t('change_password_button')}
        </button>
      </div>
      {done ? (
        <p class="done-note" role="status">
          {t('change_password_done')}
        </p>
      ) : null}
    </form>
  );
}
