/** Extension storage areas as plain key-value stores (with sync-area.ts, the only places `browser.storage` is touched). */
import { browser } from 'wxt/browser';
import type { KeyValueStore } from '../vault';

function wrap(area: 'local' | 'session'): KeyValueStore {
  return {
    get: (keys) => browser.storage[area].get(keys) as Promise<Record<string, unknown>>,
    set: (items) => browser.storage[area].set(items),
  };
}

export const localStore = wrap('local');
export const sessionStore = wrap('session');
