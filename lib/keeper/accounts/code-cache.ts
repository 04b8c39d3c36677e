/**
 * Codes computed for one stored record, reused until the first of them changes. Opening the popup again
 * within the same time step then costs no HMAC at all. Nothing here outlives the worker; it is emptied on
 * lock, and a different record (any edit) or a later time simply misses.
 */
import type { CodeView } from '../../messages';

interface Entry {
  record: string;
  from: number;
  until: number;
  accounts: CodeView[];
}

export class CodeCache {
  private entry: Entry | null = null;

  async get(record: string, now: number, compute: () => Promise<CodeView[]>): Promise<CodeView[]> {
    const e = this.entry;
    if (e && e.record === record && now >= e.from && now < e.until) return e.accounts;
    const accounts = await compute();
    const ends = accounts.map((a) => a.validUntilMs).filter((ms) => ms > 0);
    this.entry = { record, from: now, until: ends.length ? Math.min(...ends) : Infinity, accounts };
    return accounts;
  }

  clear(): void {
    this.entry = null;
  }
}
