/**
 * "Fill automatically" for one saved site of one account. Turning it on asks the browser for that one origin
 * (the prompt may close the popup: the background then completes the choice when the grant arrives); turning it
 * off gives the origin back when no other account needs it.
 */
import { useState } from 'preact/hooks';
import { RemoteError, type ErrorCode } from '@/lib/messages';
import { useClient } from './client-context';
import { errorText, useT } from './i18n';
import { useSiteAccess } from './site-access';

type Status = 'idle' | 'waiting' | 'denied' | 'error';

export function AutoFillToggle({
  id,
  origin,
  on,
  onChange,
}: {
  id: string;
  origin: string;
  on: boolean;
  onChange: (on: boolean) => void;
}) {
  const t = useT();
  const client = useClient();
  const requestAccess = useSiteAccess();
  const [status, setStatus] = useState<Status>('idle');
  const [error, setError] = useState<ErrorCode | null>(null);

  function toggle(next: boolean) {
    setError(null);
    // Both start under the click: the choice reaches the background before the browser's prompt is answered.
    const asked = client.call('account.autofill', { id, origin, on: next });
    const granted = next ? requestAccess(origin) : Promise.resolve(true);
    if (next) setStatus('waiting');
    void (async () => {
      try {
        const first = await asked;
        if (!next) {
          onChange(false);
          return setStatus('idle');
        }
        if (!(await granted)) {
          await client.call('account.autofill', { id, origin, on: false }).catch(() => undefined);
          onChange(false);
          return setStatus('denied');
        }
        const state =
          first.state === 'on'
            ? 'on'
            : (await client.call('account.autofill', { id, origin, on: true })).state;
        onChange(state === 'on');
        setStatus(state === 'on' ? 'idle' : 'denied');
      } catch (e) {
        setError(e instanceof RemoteError ? e.code : 'internal');
        setStatus('error');
      }
    })();
  }

  return (
    <>
      <label class="autofill">
        <input
          type="checkbox"
          checked={status === 'waiting' || on}
          disabled={status === 'waiting'}
          aria-label={t('autofill_site', origin)}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        <span aria-hidden="true">{t('label_autofill')}</span>
      </label>
      {status === 'waiting' ? (
        <p class="hint" role="status">
          {t('autofill_waiting', origin)}
        </p>
      ) : status === 'denied' ? (
        <p class="field-error" role="alert">
          {t('autofill_denied', origin)}
        </p>
      ) : status === 'error' && error ? (
        <p class="field-error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </>
  );
}
