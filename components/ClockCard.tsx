/**
 * The clock check: codes depend on this computer's clock, and a console rejects them when it is off by more than
 * a step or so. The user names a server (usually their console); the browser is asked to let Sekimori contact
 * that one origin (under the click, before anything is awaited), then the background reads the server's time.
 * The result can be used for codes until the computer's clock is corrected.
 */
import { useEffect, useState } from 'preact/hooks';
import { CLOCK_WARN_MS, RemoteError, type ClockState, type ErrorCode } from '@/lib/messages';
import { useClient } from './client-context';
import { useT } from './i18n';
import {
  accuracySeconds,
  clockErrorText,
  measuredText,
  offsetSeconds,
  offsetText,
  type ClockAddressProblem,
} from './security-text';
import { useSiteAccess } from './site-access';
import { siteOrigin } from './site-origin';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin to measure against, or the reason the typed text will not do. */
export function clockServer(typed: string): { origin: string } | { problem: ClockAddressProblem } {
  const origin = siteOrigin(typed);
  if (!origin) return { problem: 'site-invalid' };
  const url = new URL(origin);
  // A plain-http answer could be changed on the way, and codes would follow it: only for this computer itself.
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { problem: 'https-only' };
  return { origin };
}

export function ClockCard() {
  const t = useT();
  const client = useClient();
  const requestAccess = useSiteAccess();
  const [clock, setClock] = useState<ClockState | null>(null);
  const [server, setServer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | ClockAddressProblem | null>(null);

  const codeOf = (e: unknown) => (e instanceof RemoteError ? e.code : 'internal');

  useEffect(() => {
    client.call('clock.get', {}).then(
      (state) => {
        setClock(state);
        if (state.server) setServer((typed) => typed || state.server!);
      },
      (e: unknown) => setError(codeOf(e)),
    );
  }, [client]);

  function check(event: Event) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const target = clockServer(server);
    if ('problem' in target) return setError(target.problem);
    setServer(target.origin);
    setBusy(true);
    // Asked now, while the click still counts as the user's: the browser shows its prompt only then.
    const granted = requestAccess(target.origin);
    void (async () => {
      try {
        if (!(await granted)) return setError('clock-not-allowed');
        setClock(await client.call('clock.check', { server: target.origin }));
      } catch (e) {
        setError(codeOf(e));
      } finally {
        setBusy(false);
      }
    })();
  }

  async function apply(on: boolean) {
    setError(null);
    try {
      setClock(await client.call('clock.apply', { apply: on }));
    } catch (e) {
      setError(codeOf(e));
    }
  }

  const measured = clock !== null && clock.offsetMs !== null && clock.server !== null;
  const off = measured && Math.abs(clock.offsetMs!) > CLOCK_WARN_MS;

  return (
    <section class="options-card" aria-labelledby="clock-title" aria-busy={busy}>
      <h3 id="clock-title">{t('clock_title')}</h3>
      <p class="muted">{t('clock_intro')}</p>
      <form class="clock-form" onSubmit={check}>
        <div class="field">
          <label for="clock-server">{t('clock_server_label')}</label>
          <div class="clock-row">
            <input
              id="clock-server"
              type="text"
              inputMode="url"
              autocomplete="url"
              spellcheck={false}
              placeholder="https://clp.trendmicro.com"
              value={server}
              aria-describedby="clock-server-hint clock-error"
              onInput={(e) => setServer(e.currentTarget.value)}
            />
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('clock_checking') : t('clock_button')}
            </button>
          </div>
          <p id="clock-server-hint" class="hint">
            {t('clock_server_hint')}
          </p>
        </div>
      </form>
      {error ? (
        <p id="clock-error" class="error" role="alert">
          {clockErrorText(t, error)}
        </p>
      ) : null}
      {measured ? (
        <div class="clock-result" aria-live="polite">
          <p class="clock-offset">{offsetText(t, clock)}</p>
          <p class="hint">
            {t('clock_accuracy', [
              String(accuracySeconds(clock.roundTripMs)),
              clock.measuredAt ? measuredText(clock.measuredAt) : '—',
            ])}
          </p>
          {off && !clock.apply ? (
            <p class="banner warn" role="alert">
              {t('clock_warning')}
            </p>
          ) : null}
          {/* Nothing to correct when the clocks agree (unless it is on, so it can be turned off). */}
          {clock.apply || offsetSeconds(clock.offsetMs!) > 0 ? (
            <>
              <label class="check">
                <input
                  type="checkbox"
                  checked={clock.apply}
                  aria-describedby="clock-apply-hint"
                  onChange={(e) => void apply(e.currentTarget.checked)}
                />
                {t('clock_apply_label')}
              </label>
              <p id="clock-apply-hint" class="hint check-hint">
                {clock.apply ? t('clock_apply_on') : t('clock_apply_hint')}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
