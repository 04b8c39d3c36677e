/**
 * The lock settings, kept (not secret) in `storage.local` under `settings`. Anything missing or out of range
 * reads as its default, so a damaged value can never turn automatic locking off. Other members of the stored
 * object (later settings) are kept as they are. An organisation's ceiling on the idle time applies on top: the
 * stored choice is kept (it returns if the ceiling goes), the settings in effect never exceed the ceiling and
 * never turn idle locking off.
 */
import { DEFAULT_LOCK_SETTINGS, LOCK_SETTING_LIMITS, type LockSettings } from '../messages';
import type { KeyValueStore } from '../vault';

export const SETTINGS_KEY = 'settings';

function storedObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function intIn(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  return Number.isSafeInteger(value) && (value as number) >= limits.min && (value as number) <= limits.max
    ? (value as number)
    : fallback;
}

/** The most idle minutes allowed (null: no ceiling, idle locking may be off). */
export type IdleCeiling = number | null;

function cappedIdle(minutes: number, ceiling: IdleCeiling): number {
  if (ceiling === null) return minutes;
  const most = Math.max(1, Math.min(ceiling, LOCK_SETTING_LIMITS.idleLockMinutes.max));
  return minutes === 0 ? most : Math.min(minutes, most);
}

/** The settings in effect: what is stored where valid, the default otherwise, within the ceiling. */
export function effectiveLockSettings(value: unknown, ceiling: IdleCeiling = null): LockSettings {
  const stored = storedObject(value);
  const d = DEFAULT_LOCK_SETTINGS;
  const idle = intIn(stored.idleLockMinutes, LOCK_SETTING_LIMITS.idleLockMinutes, d.idleLockMinutes);
  return {
    idleLockMinutes: cappedIdle(idle, ceiling),
    maxUnlockedHours: intIn(
      stored.maxUnlockedHours,
      LOCK_SETTING_LIMITS.maxUnlockedHours,
      d.maxUnlockedHours,
    ),
    lockOnScreenLock:
      typeof stored.lockOnScreenLock === 'boolean' ? stored.lockOnScreenLock : d.lockOnScreenLock,
  };
}

export async function readLockSettings(
  local: KeyValueStore,
  ceiling: IdleCeiling = null,
): Promise<LockSettings> {
  return effectiveLockSettings((await local.get([SETTINGS_KEY]))[SETTINGS_KEY], ceiling);
}

/** Stores the given settings (validated by the caller) over the current ones; returns those now in effect. */
export async function writeLockSettings(
  local: KeyValueStore,
  change: Partial<LockSettings>,
  ceiling: IdleCeiling = null,
): Promise<LockSettings> {
  const stored = storedObject((await local.get([SETTINGS_KEY]))[SETTINGS_KEY]);
  const given = Object.entries(change).filter(([, value]) => value !== undefined);
  const next = { ...stored, ...effectiveLockSettings(stored), ...Object.fromEntries(given) };
  await local.set({ [SETTINGS_KEY]: next });
  return effectiveLockSettings(next, ceiling);
}
