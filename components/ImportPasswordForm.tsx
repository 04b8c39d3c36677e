/**
 * An encrypted export needs the password it was made with (its own, usually not the Sekimori password). The
 * field is emptied when the password is sent, and focused again after a wrong one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';
import { PasswordInput } from './PasswordInput';

export interface ImportPasswordFormProps {
  /** The last password given did not open the file. */
  wrong: boolean;
  busy: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}

export function ImportPasswordForm({ wrong, busy, onSubmit, onCancel }: ImportPasswordFormProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!busy) field.current?.focus();
  }, [wrong, busy]);

  return (
    <form
      class="enrol-card import-password"
      aria-labelledby="import-password-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!password || busy) return;
        onSubmit(password);
        setPassword('');
      }}
    >
      <h3 id="import-password-title">{t('import_password_title')}</h3>
      <p class="muted">{t('import_password_intro')}</p>
      <PasswordInput
        id="import-password"
        label={t('import_password_label')}
        autocomplete="off"
        value={password}
        onInput={setPassword}
        describedBy={wrong ? 'import-password-error' : undefined}
        inputRef={field}
      />
      {wrong && !busy ? (
        <p id="import-password-error" class="error" role="alert">
          {t('import_wrong_password')}
        </p>
      ) : null}
      <div class="buttons">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('button_cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy || password === ''}>
          {busy ? t('working') : t('import_password_button')}
        </button>
      </div>
    </form>
  );
}
