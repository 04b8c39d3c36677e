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
  const [empty, setEmpty] = useState(false);
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
        if (busy) return;
        setEmpty(password === '');
        if (!password) return field.current?.focus();
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
        onInput={(value) => {
          setPassword(value);
          if (value) setEmpty(false);
        }}
        describedBy={(wrong || empty) && !busy ? 'import-password-error' : undefined}
        inputRef={field}
      />
      {(wrong || empty) && !busy ? (
        <p id="import-password-error" class="error" role="alert">
          {t(empty ? 'error_password_empty' : 'import_wrong_password')}
        </p>
      ) : null}
      <div class="buttons">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('button_cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('working') : t('import_password_button')}
        </button>
      </div>
    </form>
  );
}
