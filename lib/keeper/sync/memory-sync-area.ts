/**
 * A sync area in memory, with the browser's quotas enforced as `storage.sync` enforces them (a write that would
 * exceed one fails whole): where no browser sync is wired (unit tests), and as the test service between browsers.
 */
import { applyStep, MAX_ITEMS, QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, type WriteStep } from '../../sync';
import { itemBytes, totalBytes } from '../../sync/sync-quota';
import type { SyncArea } from './sync-engine';

export class MemorySyncArea implements SyncArea {
  items: Record<string, unknown> = {};
  /** Every call, in order (each set or remove is one write operation). */
  readonly calls: WriteStep[] = [];

  async read(): Promise<Record<string, unknown>> {
    return structuredClone(this.items);
  }

  async apply(step: WriteStep): Promise<void> {
    const next = applyStep(this.items, step);
    if ('set' in step) {
      for (const [key, value] of Object.entries(step.set))
        if (itemBytes(key, value) > QUOTA_BYTES_PER_ITEM)
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      if (totalBytes(next) > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      if (Object.keys(next).length > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    }
    this.calls.push(structuredClone(step));
    this.items = next;
  }
}
