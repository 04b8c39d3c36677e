/**
 * Which QR codes of a multi-code Google Authenticator export have been saved in this browser session, kept in
 * session storage (memory only) per batch id, so "QR code 1 of 2 — 1 still missing" survives the service worker
 * going idle between two scans. Entries expire after 30 minutes; at most 20 exports are remembered.
 */
import type { MigrationBatch } from '../../formats';
import { MAX_MISSING_RANGES, type MigrationProgress } from '../../messages';
import type { KeyValueStore } from '../../vault';

export const BATCHES_KEY = 'migration_batches';
export const BATCH_TTL_MS = 30 * 60 * 1000;
export const MAX_BATCHES = 20;

interface BatchEntry {
  id: number;
  size: number;
  /** 0-based indices saved so far, ascending. */
  seen: number[];
  /** Last update, ms since epoch. */
  at: number;
}

function isEntry(v: unknown): v is BatchEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    Number.isSafeInteger(e.id) &&
    Number.isSafeInteger(e.size) &&
    typeof e.at === 'number' &&
    Array.isArray(e.seen) &&
    e.seen.every((i) => Number.isSafeInteger(i))
  );
}

/** Live entries, newest first (a damaged or expired entry is dropped). */
async function readEntries(session: KeyValueStore, now: number): Promise<BatchEntry[]> {
  const stored = (await session.get([BATCHES_KEY]))[BATCHES_KEY];
  const list = Array.isArray(stored) ? stored.filter(isEntry) : [];
  return list
    .filter((e) => e.at <= now && now - e.at < BATCH_TTL_MS)
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_BATCHES);
}

function entryFor(entries: BatchEntry[], batch: MigrationBatch): BatchEntry | undefined {
  return entries.find((e) => e.id === batch.id && e.size === batch.size);
}

/**
 * The codes not yet read, as a count and the first MAX_MISSING_RANGES ranges: work and size follow the codes read,
 * never `batch.size` (parseMigrationUri bounds it too, but nothing here allocates per missing code).
 */
function progress(batch: MigrationBatch, seen: readonly number[]): MigrationProgress {
  const done = [...new Set([...seen, batch.index])]
    .filter((i) => i >= 0 && i < batch.size)
    .sort((a, b) => a - b);
  let missingCount = 0;
  const missingRanges: [number, number][] = [];
  let next = 0;
  for (const i of [...done, batch.size]) {
    if (i > next) {
      missingCount += i - next;
      if (missingRanges.length < MAX_MISSING_RANGES) missingRanges.push([next, i - 1]);
    }
    next = i + 1;
  }
  return { batchId: batch.id, index: batch.index, size: batch.size, missingCount, missingRanges };
}

/** Where the export stands if this QR code is saved; records nothing. */
export async function batchProgress(
  session: KeyValueStore,
  batch: MigrationBatch,
  now: number,
): Promise<MigrationProgress> {
  if (batch.size <= 1) return progress(batch, []);
  return progress(batch, entryFor(await readEntries(session, now), batch)?.seen ?? []);
}

/** Records that this QR code was saved (one session write) and returns where the export stands. */
export async function recordBatch(
  session: KeyValueStore,
  batch: MigrationBatch,
  now: number,
): Promise<MigrationProgress> {
  if (batch.size <= 1) return progress(batch, []);
  const entries = await readEntries(session, now);
  const previous = entryFor(entries, batch);
  const seen = [...new Set([...(previous?.seen ?? []), batch.index])].sort((a, b) => a - b);
  const others = entries.filter((e) => e.id !== batch.id);
  const next: BatchEntry[] = [{ id: batch.id, size: batch.size, seen, at: now }, ...others].slice(
    0,
    MAX_BATCHES,
  );
  await session.set({ [BATCHES_KEY]: next });
  return progress(batch, seen);
}
