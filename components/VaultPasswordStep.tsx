/**
 * The last step of an export: the Sekimori password, asked once for the action the user chose and only then.
 * The cards of a section share one slot (`OneStepAtATime`), so the page never shows two of these fields: opening
 * one closes the other. Esc or Cancel goes back to the card; the password is never kept after the attempt.
 */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorCode } from '@/lib/messages';
import { useT } from './i18n';
import { PasswordInput } from './PasswordInput';

type Slot = [string | null, (key: string | null) => void];
const StepSlot = createContext<Slot | null>(null);

/** Around the cards of one section: at most one of them asks for the password at a time. */
export function OneStepAtATime({ children }: { children: ComponentChildren }) {
  const slot = useState<string | null>(null);
  return <StepSlot.Provider value={slot}>{children}</StepSlot.Provider>;
}

/** Whether the card `key` is asking for the password now, and a way to open or close its step. */
export function usePasswordStep(key: string): [boolean, (open: boolean) => void] {
  const shared = useContext(StepSlot);
  const [own, setOwn] = useState(false);
  if (!shared) return [own, setOwn];
  const [open, setOpen] = shared;
  return [open === key, (yes) => setOpen(yes ? key : open === key ? null : open)];
}

export interface VaultPasswordStepProps {
  /** Prefix of the ids: the field is `${id}-vault-password`, its error `${id}-error`. */
  id: string;
  /** The action's own words, on the button that does it ("Download backup file"). */
  action: string;
  busy: boolean;
  error: ErrorCode | null;
  errorText: (code: ErrorCode) => string;
  onConfirm: (password: string) => Promise<void>;
  onCancel: () => void;
}

export function VaultPasswordStep({
  id,
  action,
  busy,
  error,
  errorText,
  onConfirm,
  onCancel,
}: VaultPasswordStepProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), [error]);

  async function submit(event: Event) {
    event.preventDefault();
    if (password === '') return setEmpty(true);
    setEmpty(false);
    try {
      await onConfirm(password);
    } finally {
      setPassword('');
    }
  }

  const shown: ErrorCode | null = empty ? 'password-empty' : error;
  return (
    <form
      class="password-step"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
    >
      <PasswordInput
        id={`${id}-vault-password`}
        label={t('backup_vault_password')}
        hint={t('backup_vault_password_hint')}
        value={password}
        onInput={(value) => {
          setPassword(value);
          if (value !== '') setEmpty(false);
        }}
        describedBy={shown ? `${id}-error` : undefined}
        inputRef={field}
      />
      {shown ? (
        <p id={`${id}-error`} class="error" role="alert">
          {errorText(shown)}
        </p>
      ) : null}
      <div class="buttons start">
        <button type="submit" class="primary" aria-busy={busy} disabled={busy}>
          {busy ? t('working') : action}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('button_cancel')}
        </button>
      </div>
    </form>
  );
}
