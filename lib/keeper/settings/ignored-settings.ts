/**
 * Settings found in `storage.local` without a valid tag (local-tags.ts) and ignored: reported to the options page
 * (Security), so that a change made behind Sekimori's back — or a choice kept from a version before tags, now
 * replaced by the defaults — does not go unnoticed. Judged afresh at every call: the report goes when the user
 * saves that setting again (or the value is removed).
 */
import type { IgnoredSetting } from '../../messages';
import { CLOCK_KEY, judgeClock } from '../clock/clock';
import type { TagStores } from './local-tags';
import { judgeLockSettings, SETTINGS_KEY } from './lock-settings';

/** The storage.local values that carry a tag (tagged again after a password change). */
export const TAGGED_LOCAL_KEYS = [SETTINGS_KEY, CLOCK_KEY] as const;

export async function ignoredSettings(stores: TagStores): Promise<IgnoredSetting[]> {
  const [lock, clock] = await Promise.all([judgeLockSettings(stores), judgeClock(stores)]);
  return [...(lock.ignored ? (['lock'] as const) : []), ...(clock.ignored ? (['clock'] as const) : [])];
}
