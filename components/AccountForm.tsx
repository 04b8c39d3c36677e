/**
 * Add or edit an account by hand: Issuer, Account, Secret key, and advanced parameters, with a live code
 * preview so the key can be checked on the console before it is saved (the "verify" step users know).
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountDraft, AccountView } from '@/lib/messages';
import { RemoteError, type ErrorCode } from '@/lib/messages';
import type { OtpAlgorithm, OtpType } from '@/lib/otp/account';
import { useClient } from './client-context';
import { FieldError } from './FieldError';
import { useT } from './i18n';
import { CodeText } from './code-text';
import { SitesEditor } from './SitesEditor';
import { useAction } from './use-action';

interface FormState {
  issuer: string;
  account: string;
  secret: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: string;
  period: string;
  counter: string;
}

function initial(existing?: AccountView): FormState {
  return {
    issuer: existing?.issuer ?? '',
    account: existing?.account ?? '',
    secret: '',
    type: existing?.type ?? 'totp',
    algorithm: existing?.algorithm ?? 'SHA1',
    digits: String(existing?.digits ?? 6),
    period: String(existing?.period ?? 30),
    counter: String(existing?.counter ?? 0),
  };
}

function toDraft(f: FormState): AccountDraft {
  const steam = f.type === 'steam';
  return {
    type: f.type,
    issuer: f.issuer,
    account: f.account,
    secret: f.secret,
    algorithm: steam ? 'SHA1' : f.algorithm,
    digits: steam ? 5 : Number(f.digits),
    period: Number(f.period),
    counter: f.type === 'hotp' ? Number(f.counter) : 0,
  };
}

/** The field an error is about (shown under it, and marked invalid), or null for the form as a whole. */
type Field = 'f-issuer' | 'f-account' | 'f-secret' | 'f-digits' | 'f-period' | 'f-counter';
const FIELD_OF: Partial<Record<ErrorCode, Field>> = {
  'missing-secret': 'f-secret',
  'invalid-secret': 'f-secret',
  'secret-too-long': 'f-secret',
  duplicate: 'f-secret',
  'invalid-digits': 'f-digits',
  'invalid-period': 'f-period',
  'invalid-counter': 'f-counter',
  'missing-counter': 'f-counter',
  'label-too-long': 'f-account',
  'invalid-label': 'f-issuer',
};

export interface AccountFormProps {
  existing?: AccountView;
  /** The web page the popup is over: offered as the new account's site. */
  site?: string | null;
  onSaved: (id: string, label: string) => void;
  onCancel: () => void;
}

export function AccountForm({ existing, site = null, onSaved, onCancel }: AccountFormProps) {
  const t = useT();
  const client = useClient();
  const [form, setForm] = useState<FormState>(() => initial(existing));
  const [preview, setPreview] = useState<{ code: string } | { error: ErrorCode } | null>(null);
  const [origins, setOrigins] = useState<string[]>(() => existing?.origins ?? (site ? [site] : []));
  const [autoOn, setAutoOn] = useState<string[]>(() => existing?.autoFill ?? []);
  const [pinned, setPinned] = useState(existing?.pinned ?? false);
  const { busy, error, setError, run } = useAction();
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const editing = existing !== undefined;

  useEffect(() => {
    if (form.secret.trim() === '') return setPreview(null);
    let live = true;
    const timer = setTimeout(() => {
      client.call('account.preview', { draft: toDraft(form) }).then(
        (r) => {
          if (!live) return;
          setPreview({ code: r.code });
          // The fields are valid now: an error from the last Save about one of them goes.
          setError((e) => (e !== null && FIELD_OF[e] !== undefined && e !== 'duplicate' ? null : e));
        },
        (e: unknown) => live && setPreview({ error: e instanceof RemoteError ? e.code : 'internal' }),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [form, client]);

  /** The error shown at `field`: the last Save's, else the live preview's. */
  function errorAt(field: Field): ErrorCode | null {
    if (error && FIELD_OF[error] === field) return error;
    const live = preview && 'error' in preview ? preview.error : null;
    return live && FIELD_OF[live] === field ? live : null;
  }
  function invalidProps(field: Field, hint?: string) {
    const code = errorAt(field);
    const described = [code ? `${field}-error` : '', hint ?? ''].filter(Boolean).join(' ');
    return {
      'aria-invalid': code ? ('true' as const) : undefined,
      'aria-describedby': described || undefined,
    };
  }
  function errorUnder(field: Field) {
    return <FieldError id={`${field}-error`} code={errorAt(field)} />;
  }

  async function submit(event: Event) {
    event.preventDefault();
    const draft = toDraft(form);
    const label = [form.issuer, form.account].filter(Boolean).join(' ');
    const before = existing?.origins ?? [];
    const sitesChanged = origins.length !== before.length || origins.some((o, i) => o !== before[i]);
    const result = await run(async () => {
      const saved = editing
        ? await client.call('account.update', { id: existing.id, patch: draft })
        : await client.call('account.add', { draft });
      if (sitesChanged) await client.call('account.origins', { id: saved.id, origins });
      if (editing && pinned !== existing.pinned) await client.call('account.pin', { id: saved.id, pinned });
      return saved;
    });
    if (result) onSaved(result.id, label);
  }

  return (
    <form class="panel form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h1 id="form-title">{editing ? t('edit_title') : t('add_title')}</h1>
      <label for="f-issuer">{t('label_issuer')}</label>
      <input
        id="f-issuer"
        autocomplete="off"
        autofocus
        value={form.issuer}
        {...invalidProps('f-issuer')}
        onInput={(e) => set({ issuer: e.currentTarget.value })}
      />
      {errorUnder('f-issuer')}
      <label for="f-account">{t('label_account')}</label>
      <input
        id="f-account"
        autocomplete="off"
        value={form.account}
        {...invalidProps('f-account')}
        onInput={(e) => set({ account: e.currentTarget.value })}
      />
      {errorUnder('f-account')}
      <label for="f-secret">{t('label_secret')}</label>
      <input
        id="f-secret"
        class="mono"
        autocomplete="off"
        spellcheck={false}
        value={form.secret}
        {...invalidProps('f-secret', 'f-secret-hint')}
        onInput={(e) => set({ secret: e.currentTarget.value })}
      />
      {errorUnder('f-secret')}
      <p id="f-secret-hint" class="hint">
        {editing ? t('secret_keep_hint') : t('secret_hint')}
      </p>
      <SitesEditor
        origins={origins}
        onChange={setOrigins}
        autoFill={
          existing
            ? {
                id: existing.id,
                saved: existing.origins,
                on: autoOn,
                available: existing.type !== 'hotp',
                onChange: setAutoOn,
              }
            : undefined
        }
      />
      {editing ? (
        <label class="check">
          <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.currentTarget.checked)} />{' '}
          {t('label_pinned')}
        </label>
      ) : null}
      <details>
        <summary>{t('advanced')}</summary>
        <div class="grid">
          <label for="f-type">{t('label_type')}</label>
          <select
            id="f-type"
            value={form.type}
            onChange={(e) => set({ type: e.currentTarget.value as OtpType })}
          >
            <option value="totp">{t('type_totp')}</option>
            <option value="hotp">{t('type_hotp')}</option>
            <option value="steam">{t('type_steam')}</option>
          </select>
          <label for="f-algorithm">{t('label_algorithm')}</label>
          <select
            id="f-algorithm"
            value={form.algorithm}
            disabled={form.type === 'steam'}
            onChange={(e) => set({ algorithm: e.currentTarget.value as OtpAlgorithm })}
          >
            <option value="SHA1">SHA1</option>
            <option value="SHA256">SHA256</option>
            <option value="SHA512">SHA512</option>
          </select>
          <label for="f-digits">{t('label_digits')}</label>
          <select
            id="f-digits"
            value={form.type === 'steam' ? '5' : form.digits}
            disabled={form.type === 'steam'}
            {...invalidProps('f-digits')}
            onChange={(e) => set({ digits: e.currentTarget.value })}
          >
            {form.type === 'steam' ? <option value="5">5</option> : null}
            <option value="6">6</option>
            <option value="7">7</option>
            <option value="8">8</option>
          </select>
          {form.type === 'hotp' ? (
            <>
              <label for="f-counter">{t('label_counter')}</label>
              <input
                id="f-counter"
                inputMode="numeric"
                value={form.counter}
                {...invalidProps('f-counter')}
                onInput={(e) => set({ counter: e.currentTarget.value })}
              />
              {errorUnder('f-counter')}
            </>
          ) : (
            <>
              <label for="f-period">{t('label_period')}</label>
              <input
                id="f-period"
                inputMode="numeric"
                value={form.period}
                {...invalidProps('f-period')}
                onInput={(e) => set({ period: e.currentTarget.value })}
              />
              {errorUnder('f-period')}
            </>
          )}
        </div>
      </details>
      <section class="preview" aria-live="polite" aria-labelledby="preview-title">
        <h2 id="preview-title">{t('preview_title')}</h2>
        {preview === null ? (
          <p class="hint">{t('preview_waiting')}</p>
        ) : 'code' in preview ? (
          <>
            <p class="preview-code">
              <CodeText code={preview.code} />
            </p>
            <p class="hint">{t('preview_hint')}</p>
          </>
        ) : FIELD_OF[preview.error] ? (
          <p class="hint">{t('preview_fix_field')}</p>
        ) : (
          <FieldError id="preview-error" code={preview.error} />
        )}
      </section>
      {error && FIELD_OF[error] === undefined ? <FieldError id="form-error" code={error} /> : null}
      <div class="buttons sticky-buttons">
        <button type="button" onClick={onCancel}>
          {t('button_cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t('button_save')}
        </button>
      </div>
    </form>
  );
}
