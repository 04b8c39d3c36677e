/**
 * The lock settings, kept (not secret) in `storage.local` under `settings`, with a tag that only this vault's key
 * makes (local-tags.ts): content scripts can write `storage.local`, so a value without a valid tag is not used.
 * Anything missing or out of range reads as its default, so a damaged value can never turn automatic locking off.
 * Other members of the stored object (later settings) are kept as they are. An organisation's ceiling on the idle
 * time applies on top: the stored choice is kept (it returns if the ceiling goes), the settings in effect never
 * exceed the ceiling and never turn idle locking off.
 */
import { DEFAULT_LOCK_SETTINGS, LOCK_SETTING_LIMITS, type LockSettings } from '../../messages';
import { KeeperError } from '../keeper-error';
import { readTagged, writeTagged, type TagStores, type Trust } from './local-tags';

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

/**
 * What an untrusted value (no valid tag) may still decide: nothing that locks later than the defaults. Such a value
 * may come from a version before tags — the user's own choice — or from an attacker, and the two cannot be told
 * apart; so it is never adopted as it is (not even "within the normal limits", which include "never"), but a
 * choice stricter than the default is kept: a shorter idle time (not 0, which is "never"), a shorter maximum, and
 * locking with the screen (the default already).
 */
export function stricterThanDefaults(value: unknown): LockSettings {
  const claimed = effectiveLockSettings(value);
  const d = DEFAULT_LOCK_SETTINGS;
  return {
    idleLockMinutes:
      claimed.idleLockMinutes > 0 && claimed.idleLockMinutes < d.idleLockMinutes
        ? claimed.idleLockMinutes
        : d.idleLockMinutes,
    maxUnlockedHours: Math.min(claimed.maxUnlockedHours, d.maxUnlockedHours),
    lockOnScreenLock: claimed.lockOnScreenLock || d.lockOnScreenLock,
  };
}

export interface JudgedLockSettings {
  /** The settings in effect (within the ceiling). */
  settings: LockSettings;
  /** A stored value was not used because its tag does not verify, and it asked for more than is in effect. */
  ignored: boolean;
  trust: Trust;
  /** What a change is merged into: the stored members (the safe ones where untrusted). */
  base: Record<string, unknown>;
}

/**
 * The stored settings, judged by their tag. `key`: the vault key to check with (default: the session's). While
 * locked a tagged value cannot be checked ('unknown'): it is shown as stored, but nothing is decided on it (idle and
 * screen-lock events are ignored while locked, the unlock passes its key).
 */
export async function judgeLockSettings(
  stores: TagStores,
  ceiling: IdleCeiling = null,
  key?: Uint8Array | null,
): Promise<JudgedLockSettings> {
  const { value, trust } = await readTagged(stores, SETTINGS_KEY, key);
  if (trust !== 'untrusted') {
    return { settings: effectiveLockSettings(value, ceiling), ignored: false, trust, base: value };
  }
  const safe = stricterThanDefaults(value);
  const ignored = JSON.stringify(safe) !== JSON.stringify(effectiveLockSettings(value));
  return { settings: effectiveLockSettings(safe, ceiling), ignored, trust, base: { ...value, ...safe } };
}

export async function readLockSettings(
  stores: TagStores,
  ceiling: IdleCeiling = null,
  key?: Uint8Array | null,
): Promise<LockSettings> {
  return (await judgeLockSettings(stores, ceiling, key)).settings;
}

/**
 * Stores the given settings (validated by the caller) over the current ones; returns those now in effect. Works
 * while locked (see local-tags.ts), except over a tagged value that cannot be checked then (`locked`).
 */
export async function writeLockSettings(
  stores: TagStores,
  change: Partial<LockSettings>,
  ceiling: IdleCeiling = null,
): Promise<LockSettings> {
  const { base, trust } = await judgeLockSettings(stores);
  if (trust === 'unknown') throw new KeeperError('locked');
  const given = Object.entries(change).filter(([, value]) => value !== undefined);
  const next = { ...base, ...effectiveLockSettings(base), ...Object.fromEntries(given) };
  await writeTagged(stores, SETTINGS_KEY, next);
  return effectiveLockSettings(next, ceiling);
}
