/**
 * Accounts just added by a scan: the popup shows them highlighted the next time it opens (the scan itself
 * runs after the popup has closed). Kept for a short while in session storage.
 */
import type { KeyValueStore } from '../../vault';

const KEY = 'highlight';
export const HIGHLIGHT_MS = 2 * 60_000;

export async function writeHighlight(session: KeyValueStore, ids: string[], now: number): Promise<void> {
  await session.set({ [KEY]: { ids, until: now + HIGHLIGHT_MS } });
}

export function highlightFrom(value: unknown, now: number): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const { ids, until } = value as { ids?: unknown; until?: unknown };
  if (typeof until !== 'number' || now > until || !Array.isArray(ids)) return [];
  return ids.filter((id): id is string => typeof id === 'string');
}

export async function readHighlight(session: KeyValueStore, now: number): Promise<string[]> {
  return highlightFrom((await session.get([KEY]))[KEY], now);
}
