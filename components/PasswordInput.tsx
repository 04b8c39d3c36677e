/** A labelled password field of the options page's forms, with an optional hint under it. */
import type { Ref } from 'preact';
import { PasswordBox } from './PasswordBox';

export interface PasswordInputProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  autocomplete?: 'current-password' | 'new-password' | 'off';
  /** Ids of texts that describe the field besides its hint (the form's error). */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function PasswordInput({
  id,
  label,
  value,
  onInput,
  hint,
  autocomplete = 'current-password',
  describedBy,
  inputRef,
}: PasswordInputProps) {
  const described = [hint ? `${id}-hint` : '', describedBy ?? ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <PasswordBox
        id={id}
        inputRef={inputRef}
        autocomplete={autocomplete}
        value={value}
        describedBy={described || undefined}
        onInput={onInput}
      />
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
