/**
 * A password field as every form of Sekimori shows it: Show/Hide (the text stays where it is, the caret too),
 * and a warning while Caps Lock is on (read from the key events the field gets; nothing is shown before a key).
 */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from './i18n';

export interface PasswordBoxProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete?: 'current-password' | 'new-password' | 'off';
  autofocus?: boolean;
  /** Ids of texts that describe the field (its hint, the form's error). */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function PasswordBox({
  id,
  value,
  onInput,
  autocomplete = 'current-password',
  autofocus,
  describedBy,
  inputRef,
}: PasswordBoxProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const [caps, setCaps] = useState(false);
  const capsFrom = (event: KeyboardEvent) => setCaps(event.getModifierState?.('CapsLock') === true);
  const described = [describedBy ?? '', caps ? `${id}-caps` : ''].filter(Boolean).join(' ');
  const field = {
    id,
    ref: inputRef,
    autocomplete,
    autofocus,
    spellcheck: false,
    value,
    'aria-describedby': described || undefined,
    onInput: (e: { currentTarget: HTMLInputElement }) => onInput(e.currentTarget.value),
    onKeyDown: capsFrom,
    onKeyUp: capsFrom,
    onBlur: () => setCaps(false),
  };
  return (
    <>
      <div class="password-box">
        {/* The same element either way (Preact only changes its type): focus and caret stay. */}
        {shown ? <input type="text" {...field} /> : <input type="password" {...field} />}
        <button
          type="button"
          class="reveal quiet small"
          aria-label={shown ? t('hide_password') : t('show_password')}
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown(!shown)}
        >
          {shown ? t('button_hide') : t('button_show')}
        </button>
      </div>
      {caps ? (
        <p id={`${id}-caps`} class="caps-warning" role="status">
          {t('caps_lock_on')}
        </p>
      ) : null}
    </>
  );
}
