// @vitest-environment happy-dom
/** Password fields: Show/Hide keeps the field (and what is typed), and Caps Lock is said while it is on. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nContext } from '@/components/i18n';
import { PasswordBox } from '@/components/PasswordBox';
import { translator } from '../support/translate';

afterEach(cleanup);

function Field({ lang = 'en' }: { lang?: 'en' | 'ja' }) {
  const [value, setValue] = useState('');
  return (
    <I18nContext.Provider value={translator(lang)}>
      <label for="pw">Password</label>
      <PasswordBox id="pw" value={value} onInput={setValue} describedBy="pw-error" />
    </I18nContext.Provider>
  );
}

/** A key event as the browser sends it, with Caps Lock on or off. */
function key(target: Element, type: 'keyDown' | 'keyUp', capsLock: boolean) {
  const event = new KeyboardEvent(type === 'keyDown' ? 'keydown' : 'keyup', { key: 'a', bubbles: true });
  Object.defineProperty(event, 'getModifierState', { value: (k: string) => k === 'CapsLock' && capsLock });
  fireEvent(target, event);
}

describe('password fields', () => {
  it('Show and Hide switch the same field between text and dots, keeping what was typed', () => {
    render(<Field />);
    const input = screen.getByLabelText('Password') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'hunter2 hunter2' } });
    const show = screen.getByRole('button', { name: 'Show password' });
    expect(show.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(show);
    expect(screen.getByLabelText('Password')).toBe(input);
    expect(input.type).toBe('text');
    expect(input.value).toBe('hunter2 hunter2');
    fireEvent.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(input.type).toBe('password');
  });

  it('warns while Caps Lock is on, in the field’s description, and not after it is off or the field is left', () => {
    render(<Field lang="ja" />);
    const input = screen.getByLabelText('Password');
    key(input, 'keyDown', true);
    const warning = screen.getByRole('status');
    expect(warning.textContent).toBe('Caps Lockがオンになっています。');
    expect(input.getAttribute('aria-describedby')).toBe(`pw-error ${warning.id}`);
    key(input, 'keyUp', false);
    expect(screen.queryByRole('status')).toBeNull();
    key(input, 'keyDown', true);
    fireEvent.blur(input);
    expect(screen.queryByRole('status')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('pw-error');
  });
});
