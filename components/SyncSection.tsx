/**
 * "Sync" (options page, `#sync`): the vault carried between this browser and the user's others through the
 * browser's own sync service, end-to-end encrypted (docs/sync-format.md). Off until turned on here, per browser.
 * Turning it on where the browser's sync already holds a vault asks that vault's password and shows what the
 * union will be before making it. What stops it (over the quota, a password changed elsewhere) is said here, with
 * what to do.
 */
import { useEffect, useState } from 'preact/hooks';
import { RemoteError, type ErrorCode, type SyncJoinPreview, type SyncStatus } from '@/lib/messages';
import { measuredText } from './security-text';
import { useClient } from './client-context';
import { errorText, useT, type Translate } from './i18n';
import { OrgOff } from './OrgOff';
import { PasswordInput } from './PasswordInput';
import { useAction } from './use-action';

type Step = { kind: 'status' } | { kind: 'join' } | { kind: 'preview'; preview: SyncJoinPreview };

const kb = (bytes: number) => String(Math.max(1, Math.ceil(bytes / 1024)));

/** What stops sync, and what to do about it. */
export function syncProblemText(t: Translate, status: SyncStatus): string | null {
  const p = status.problem;
  if (!p) return null;
  switch (p.kind) {
    case 'over-quota':
      return t('sync_over_quota', [kb(p.overBy), kb(p.bytesAllowed)]);
    case 'needs-password':
      return t('sync_needs_password');
    case 'waiting':
      return t('sync_waiting');
    case 'unreadable':
      return t('error_sync_unreadable');
  }
}

export function SyncSection() {
  const t = useT();
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'status' });
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const { busy, error, setError, run } = useAction();

  const load = () =>
    client.call('sync.status', {}).then(
      (s) => setStatus(s),
      (e: unknown) => setError(e instanceof RemoteError ? e.code : 'internal'),
    );
  useEffect(() => {
    void load();
    const onShow = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [client]);

  const needPassword = (): boolean => {
    setEmpty(password === '');
    return password !== '';
  };
  const back = () => {
    setStep({ kind: 'status' });
    setPassword('');
    setError(null);
  };

  async function turnOn() {
    const result = await run(() => client.call('sync.enable', {}));
    if (!result) return;
    setStatus(result.status);
    if (result.join) setStep({ kind: 'join' });
  }

  async function preview(event: Event) {
    event.preventDefault();
    if (!needPassword()) return;
    const result = await run(() => client.call('sync.join', { password, confirm: false }));
    if (result) setStep({ kind: 'preview', preview: result.preview });
    else setPassword('');
  }

  async function join() {
    const result = await run(() => client.call('sync.join', { password, confirm: true }));
    setPassword('');
    if (!result) return setStep({ kind: 'join' });
    setStatus(result.status);
    setStep({ kind: 'status' });
  }

  async function newPassword(event: Event) {
    event.preventDefault();
    if (!needPassword()) return;
    const result = await run(() => client.call('sync.password', { password }));
    setPassword('');
    if (result) setStatus(result);
  }

  async function turnOff() {
    const result = await run(() => client.call('sync.disable', {}));
    if (result) setStatus(result);
  }

  const shownError: ErrorCode | null = empty ? 'password-empty' : error;
  const errorLine = shownError ? (
    <p id="sync-error" class="error" role="alert">
      {shownError === 'wrong-password' ? t('sync_wrong_password') : errorText(t, shownError)}
    </p>
  ) : null;
  const passwordField = (label: string) => (
    <PasswordInput
      id="sync-password"
      label={label}
      value={password}
      onInput={(value) => {
        setPassword(value);
        if (value) setEmpty(false);
      }}
      describedBy={shownError ? 'sync-error' : undefined}
    />
  );

  return (
    <section id="sync" class="options-section" aria-labelledby="sync-title" aria-busy={busy}>
      <h2 id="sync-title">{t('sync_title')}</h2>
      <p class="muted">{t('sync_intro')}</p>
      <div class="options-card">
        {status === null ? (
          errorLine
        ) : status.policyOff ? (
          <OrgOff />
        ) : status.on === null ? (
          <p>{t('add_image_locked')}</p>
        ) : step.kind === 'join' ? (
          <form onSubmit={preview}>
            <p>{t('sync_join_intro')}</p>
            {passwordField(t('sync_join_password'))}
            {errorLine}
            <div class="buttons start">
              <button type="submit" class="primary" disabled={busy}>
                {busy ? t('working') : t('button_continue')}
              </button>
              <button type="button" disabled={busy} onClick={back}>
                {t('button_cancel')}
              </button>
            </div>
          </form>
        ) : step.kind === 'preview' ? (
          <div class="sync-preview">
            <p>{t('sync_preview')}</p>
            <ul class="sync-preview-counts">
              <li>{t('sync_preview_added', String(step.preview.added))}</li>
              <li>{t('sync_preview_merged', String(step.preview.merged))}</li>
              <li>{t('sync_preview_kept', String(step.preview.unchanged))}</li>
            </ul>
            <p class="banner warn">{t('sync_preview_password')}</p>
            {errorLine}
            <div class="buttons start">
              <button type="button" class="primary" disabled={busy} onClick={() => void join()}>
                {busy ? t('working') : t('sync_join_button')}
              </button>
              <button type="button" disabled={busy} onClick={back}>
                {t('button_cancel')}
              </button>
            </div>
          </div>
        ) : status.on ? (
          <>
            <p class="sync-state" role="status">
              {status.lastSyncedAt
                ? t('sync_on_last', measuredText(status.lastSyncedAt))
                : t('sync_on_waiting')}
            </p>
            {status.problem ? <p class="banner warn">{syncProblemText(t, status)}</p> : null}
            {status.problem?.kind === 'needs-password' ? (
              <form onSubmit={newPassword}>
                {passwordField(t('sync_new_password'))}
                {errorLine}
                <div class="buttons start">
                  <button type="submit" class="primary" disabled={busy}>
                    {busy ? t('working') : t('button_continue')}
                  </button>
                </div>
              </form>
            ) : (
              errorLine
            )}
            <div class="buttons start">
              <button type="button" disabled={busy} onClick={() => void turnOff()}>
                {t('sync_turn_off')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p>{t('sync_off')}</p>
            {errorLine}
            <div class="buttons start">
              <button type="button" class="primary" disabled={busy} onClick={() => void turnOn()}>
                {busy ? t('working') : t('sync_turn_on')}
              </button>
            </div>
          </>
        )}
        <p class="hint">{t('sync_browser_note')}</p>
      </div>
    </section>
  );
}
