/**
 * Passkeys (options page → Security): unlock with Windows Hello, Touch ID, a phone or a security key instead of
 * typing the password. Adding one asks for the vault password (it yields the key the passkey's slot wraps), then
 * runs the browser's ceremony; each passkey is listed with its name and date and can be removed. Absent where the
 * browser cannot run the ceremony from an extension page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PasskeyState } from '@/lib/messages';
import { useClient } from './client-context';
import { FieldError } from './FieldError';
import { useT } from './i18n';
import { usePasskeys } from './passkey-context';
import { PasswordInput } from './PasswordInput';
import { measuredText } from './security-text';
import { useAction } from './use-action';

type Note = { key: 'passkeys_added' | 'passkeys_removed'; name: string } | null;

export function PasskeysCard() {
  const t = useT();
  const client = useClient();
  const port = usePasskeys();
  const [state, setState] = useState<PasskeyState | null>(null);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  const { busy, error, setError, run } = useAction();
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!port) return;
    client.call('passkey.list', {}).then(setState, () => setState(null));
  }, [client, port]);
  useEffect(() => {
    if (adding) nameRef.current?.focus();
  }, [adding]);

  if (!port || !state) return null;
  const passkeys = state.passkeys;

  function startAdding() {
    setNote(null);
    setName(t('passkeys_name_default', String(passkeys.length + 1)));
    setPassword('');
    setAdding(true);
  }

  async function add(event: Event) {
    event.preventDefault();
    const label = name.trim() || t('passkeys_name_default', String(passkeys.length + 1));
    if (password === '') return setError('password-empty');
    const added = await run(async () => {
      const answer = await port!.create(label, state!.userVerification);
      return client.call('passkey.add', { password, name: label, ...answer });
    });
    setPassword('');
    if (!added) return;
    setState(added);
    setAdding(false);
    setNote({ key: 'passkeys_added', name: label });
  }

  async function remove(id: string, label: string) {
    const left = await run(() => client.call('passkey.remove', { id }));
    setRemoving(null);
    if (!left) return;
    setState(left);
    setNote({ key: 'passkeys_removed', name: label });
  }

  return (
    <section class="options-card passkeys" aria-labelledby="passkeys-title">
      <h3 id="passkeys-title">{t('passkeys_title')}</h3>
      <p class="muted">{t('passkeys_intro')}</p>
      {!state.allowed ? (
        <p class="banner org-off" role="note">
          {t('passkeys_policy_off')}
        </p>
      ) : null}
      {passkeys.length === 0 ? (
        <p class="muted">{t('passkeys_none')}</p>
      ) : (
        <ul class="passkey-list" aria-labelledby="passkeys-title">
          {passkeys.map((p) => (
            <li key={p.id}>
              <span class="passkey-name">{p.name}</span>
              <span class="muted">{t('passkeys_added_on', measuredText(p.createdAt))}</span>
              {removing === p.id ? (
                <span class="confirm-inline" role="group" aria-label={t('passkeys_remove_confirm', p.name)}>
                  <span>{t('passkeys_remove_confirm', p.name)}</span>
                  <button
                    type="button"
                    class="danger"
                    disabled={busy}
                    onClick={() => void remove(p.id, p.name)}
                  >
                    {t('passkeys_remove')}
                  </button>
                  <button type="button" onClick={() => setRemoving(null)}>
                    {t('button_cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  aria-label={t('passkeys_remove_label', p.name)}
                  onClick={() => {
                    setNote(null);
                    setRemoving(p.id);
                  }}
                >
                  {t('passkeys_remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.allowed && adding ? (
        <form class="passkey-add" onSubmit={add} aria-labelledby="passkeys-add-title">
          <h4 id="passkeys-add-title">{t('passkeys_add')}</h4>
          <p class="muted">{t('passkeys_add_intro')}</p>
          <div class="field">
            <label for="passkey-name">{t('passkeys_name_label')}</label>
            <input
              id="passkey-name"
              ref={nameRef}
              maxLength={64}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <PasswordInput
            id="passkey-password"
            label={t('label_password')}
            value={password}
            onInput={setPassword}
            describedBy="passkey-add-error"
          />
          <FieldError id="passkey-add-error" code={error} />
          <div class="buttons start">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('passkeys_waiting') : t('button_continue')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAdding(false)}>
              {t('button_cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {!adding && error ? <FieldError id="passkey-error" code={error} /> : null}
          {state.allowed ? (
            <div class="buttons start">
              <button type="button" onClick={startAdding}>
                {t('passkeys_add')}
              </button>
            </div>
          ) : null}
        </>
      )}
      {note ? (
        <p class="done-note" role="status">
          {note.key === 'passkeys_added' ? t('passkeys_added', note.name) : t('passkeys_removed')}
        </p>
      ) : null}
      {passkeys.length > 0 ? <p class="hint">{t('passkeys_password_change')}</p> : null}
    </section>
  );
}
