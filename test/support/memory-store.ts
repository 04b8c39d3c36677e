import type { KeyValueStore } from '@/lib/vault';

/** An in-memory storage area that records each set() call, like chrome.storage (values are deep-copied). */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  readonly writes: Record<string, unknown>[] = [];

  async get(keys: string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes.push(structuredClone(items));
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
}
