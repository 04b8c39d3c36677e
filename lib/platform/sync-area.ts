/**
 * The browser's own sync service as Sekimori's sync area (`storage.sync`: Chrome Sync, Edge sync, Firefox Sync):
 * Sekimori writes only its sealed record's items (docs/sync-format.md); it reads every item, since all of them
 * count against the quota the record must fit in. Where the browser's sync is off
 * (or turned off by policy) the area still works but stays on this computer; Sekimori cannot tell.
 */
import { browser } from 'wxt/browser';
import type { SyncArea } from '../keeper/sync/sync-engine';
import { SYNC_ITEM_PREFIX } from '../sync';

const ours = (key: string) => key.startsWith(SYNC_ITEM_PREFIX);

export const browserSyncArea: SyncArea = {
  read: () => browser.storage.sync.get(null),
  async apply(step) {
    if ('set' in step) await browser.storage.sync.set(step.set);
    else await browser.storage.sync.remove(step.remove);
  },
};

/** Runs `listener` when another browser's write reaches this one (and after this one's own writes). */
export function onSyncChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some(ours)) listener();
  });
}
