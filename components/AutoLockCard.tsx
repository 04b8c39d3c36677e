/**
 * When Sekimori locks by itself: after minutes without input, at the latest some hours after unlocking, and when
 * the screen locks. Each change is saved at once (`settings.set`, which works while locked — except after a browser
 * restart, before the first unlock: lib/keeper/settings/local-tags.ts); the page then shows what the background answered,
 * since the organisation's policy may cap the idle time.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LOCK_SETTING_LIMITS, RemoteError, type ErrorCode, type LockSettings } from '@/lib/messages';
import { countText } from './backup-text';
import { useClient } from './client-context';
import { errorText, useT } from './i18n';
import { usePolicy } from './policy-context';
import { minutesText } from './security-text';

/** The idle times offered (0 = never), besides the current one and the organisation's ceiling. */
const IDLE_CHOICES = [1, 5, 10, 15, 30, 60, 120, 240, 0];
const HOURS = Array.from(
  { length: LOCK_SETTING_LIMITS.maxUnlockedHours.max - LOCK_SETTING_LIMITS.maxUnlockedHours.min + 1 },
  (_, i) => LOCK_SETTING_LIMITS.maxUnlockedHours.min + i,
);
const SAVED_SHOWN_MS = 2500;

/** The idle choices within the organisation's ceiling (no "never" under one), always including `current`. */
export function idleChoices(ceiling: number | null, current: number | null): number[] {
  const most = ceiling === null ? null : Math.min(ceiling, LOCK_SETTING_LIMITS.idleLockMinutes.max);
  const allowed = (m: number) => most === null || (m > 0 && m <= most);
  const set = new Set(IDLE_CHOICES.filter(allowed));
  if (most !== null) set.add(most);
  if (current !== null && allowed(current)) set.add(current);
  // Minutes in order, "never" last.
  return [...set].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
}

export function AutoLockCard() {
  const t = useT();
  const client = useClient();
  const policy = usePolicy();
  const [settings, setSettings] = useState<LockSettings | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  /** The last change was saved (said briefly). */
  const [saved, setSaved] = useState(false);
  /** The background kept a shorter idle time than the one chosen (the organisation's ceiling). */
  const [capped, setCapped] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    client
      .call('settings.get', {})
      .then(setSettings, (e: unknown) => setError(e instanceof RemoteError ? e.code : 'internal'));
    return () => clearTimeout(timer.current);
  }, [client]);

  async function save(change: Partial<LockSettings>) {
    clearTimeout(timer.current);
    setSaved(false);
    setError(null);
    try {
      const now = await client.call('settings.set', change);
      setSettings(now);
      if (change.idleLockMinutes !== undefined) setCapped(now.idleLockMinutes !== change.idleLockMinutes);
      setSaved(true);
      timer.current = setTimeout(() => setSaved(false), SAVED_SHOWN_MS);
    } catch (e) {
      setError(e instanceof RemoteError ? e.code : 'internal');
    }
  }

  const ceiling = policy?.managed.includes('MaximumAutoLockMinutes') ? policy.maxAutoLockMinutes : null;
  const idle = settings?.idleLockMinutes ?? null;
  const idleLabel = (m: number) => (m === 0 ? t('autolock_never') : minutesText(t, m));
  // Not disabled while saving, so the focus stays put: the background takes one change after another.
  const disabled = settings === null;

  return (
    <section class="options-card autolock" aria-labelledby="autolock-title">
      <h3 id="autolock-title">{t('autolock_title')}</h3>
      {/* Beside the title, so that it takes no room of its own and moves nothing when it comes and goes. */}
      <p class="save-status" role="status" aria-live="polite">
        {saved ? t('settings_saved') : ''}
      </p>
      <p class="muted">{t('autolock_intro')}</p>
      <div class="field">
        <label for="autolock-idle">{t('autolock_idle_label')}</label>
        <select
          id="autolock-idle"
          value={idle === null ? '' : String(idle)}
          disabled={disabled}
          aria-describedby="autolock-idle-hint autolock-capped"
          onChange={(e) => void save({ idleLockMinutes: Number(e.currentTarget.value) })}
        >
          {idle === null ? <option value="">—</option> : null}
          {idleChoices(ceiling, idle).map((m) => (
            <option key={m} value={String(m)}>
              {idleLabel(m)}
            </option>
          ))}
        </select>
        <p id="autolock-idle-hint" class="hint">
          {ceiling !== null ? (
            <>
              <span class="tag org">{t('policy_badge')}</span>{' '}
              {t(
                'autolock_idle_policy',
                minutesText(t, Math.min(ceiling, LOCK_SETTING_LIMITS.idleLockMinutes.max)),
              )}
            </>
          ) : (
            t('autolock_idle_hint')
          )}
        </p>
        {capped && idle !== null ? (
          <p id="autolock-capped" class="banner warn">
            {t('autolock_capped', idleLabel(idle))}
          </p>
        ) : null}
      </div>
      <div class="field">
        <label for="autolock-hours">{t('autolock_hours_label')}</label>
        <select
          id="autolock-hours"
          value={settings ? String(settings.maxUnlockedHours) : ''}
          disabled={disabled}
          aria-describedby="autolock-hours-hint"
          onChange={(e) => void save({ maxUnlockedHours: Number(e.currentTarget.value) })}
        >
          {settings === null ? <option value="">—</option> : null}
          {HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {countText(t, 'duration_hours', h)}
            </option>
          ))}
        </select>
        <p id="autolock-hours-hint" class="hint">
          {t('autolock_hours_hint')}
        </p>
      </div>
      <label class="check autolock-screen">
        <input
          type="checkbox"
          checked={settings?.lockOnScreenLock ?? false}
          disabled={disabled}
          aria-describedby="autolock-screen-hint"
          onChange={(e) => void save({ lockOnScreenLock: e.currentTarget.checked })}
        />
        {t('autolock_screen_label')}
      </label>
      <p id="autolock-screen-hint" class="hint check-hint">
        {t('autolock_screen_hint')}
      </p>
      {error ? (
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </section>
  );
}
