/**
 * The sealed sync record as `storage.sync` items, and the plan that replaces one record with the next.
 *
 * A record is written as base-85 text split over chunk items `s1.<generation>.<n>` (n = 0, 1, …), and one
 * manifest item `s1.m` that names the generation, the chunk count, the record's length and its SHA-256. The
 * generation is the first 8 hex digits of that SHA-256, so two devices writing different records never write the
 * same chunk keys, and no clock or random source is needed.
 *
 * A reader trusts a record only when the manifest's chunks are all there and their bytes hash to the manifest's
 * SHA-256. Anything else — a manifest that arrived before its chunks, chunks of two writes mixed, a truncated
 * write — is `incomplete`: wait for the next change, never use it as data. The sync service delivers items in any
 * order and may show any subset of a write, so this check, not the order of the calls, is what guarantees that a
 * reader sees a whole record or nothing.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase85, encodeBase85 } from './base85';
import { itemBytes, MAX_ITEMS, QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, totalBytes } from './sync-quota';

/** Every item of this layout starts with it; a future layout takes another prefix (`s2.`), never this one's keys. */
export const SYNC_ITEM_PREFIX = 's1.';

/** The manifest: `"1 <generation> <chunk count> <record bytes> <sha-256 hex>"`. */
export const MANIFEST_KEY = 's1.m';

const MANIFEST = /^1 ([0-9a-f]{8}) ([1-9][0-9]{0,3}) ([1-9][0-9]{0,6}) ([0-9a-f]{64})$/;
const CHUNK_KEY = /^s1\.([0-9a-f]{8})\.(0|[1-9][0-9]{0,3})$/;

/** What the manifest says. */
export interface Manifest {
  generation: string;
  chunks: number;
  bytes: number;
  sha256: string;
}

/** The items as `storage.sync.get(null)` returns them (values are any JSON). */
export type SyncItems = Readonly<Record<string, unknown>>;

/** One `storage.sync` call: `set(items)` or `remove(keys)`. Each is one write operation. */
export type WriteStep = { set: Record<string, string> } | { remove: string[] };

/**
 * How to replace the stored record, call by call; each step starts after the previous one resolved.
 * - `two-phase`: new chunks, then the manifest, then the old chunks removed. The old record stays readable until
 *   the new one is complete, so every reader sees the old record or the new one.
 * - `replace`: the old and new records do not fit side by side, but the new one fits alone: the old chunks are
 *   removed first. Until the new chunks arrive the (old) manifest names missing chunks: readers see `incomplete`
 *   (and keep their own vault), never a mix.
 * - `unchanged`: the same record is already stored; at most stray chunks are removed.
 */
export interface WritePlan {
  over: false;
  mode: 'two-phase' | 'replace' | 'unchanged';
  steps: WriteStep[];
  /** The most bytes in use at any point of the plan (must be ≤ QUOTA_BYTES). */
  peakBytes: number;
  /** Bytes in use once every step is done. */
  bytesAfter: number;
}

/**
 * The record does not fit: nothing may be written. `bytesNeeded` is what the new record takes (chunks and
 * manifest), `bytesAllowed` what the quota leaves it beside every other item, `overBy` the difference: say it.
 */
export interface OverQuota {
  over: true;
  reason: 'bytes' | 'items';
  bytesNeeded: number;
  bytesAllowed: number;
  overBy: number;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The manifest an item holds, or null when it is not a well-formed one. */
export function parseManifest(value: unknown): Manifest | null {
  const match = typeof value === 'string' ? MANIFEST.exec(value) : null;
  if (!match) return null;
  const [, generation = '', chunks = '', bytes = '', digest = ''] = match;
  return { generation, chunks: Number(chunks), bytes: Number(bytes), sha256: digest };
}

function manifestText(manifest: Manifest): string {
  return `1 ${manifest.generation} ${manifest.chunks} ${manifest.bytes} ${manifest.sha256}`;
}

/** The key of chunk `n` of `generation`. */
export function chunkKey(generation: string, n: number): string {
  return `${SYNC_ITEM_PREFIX}${generation}.${n}`;
}

/** The generation a chunk key belongs to, or null when the key is not a chunk key. */
function chunkGeneration(key: string): string | null {
  return CHUNK_KEY.exec(key)?.[1] ?? null;
}

/** Splits a record into chunk items (each within QUOTA_BYTES_PER_ITEM) under `generation`. */
export function splitRecord(blob: Uint8Array, generation: string): Record<string, string> {
  const text = encodeBase85(blob);
  const chunks: Record<string, string> = {};
  let at = 0;
  for (let n = 0; at < text.length; n += 1) {
    const key = chunkKey(generation, n);
    const room = QUOTA_BYTES_PER_ITEM - itemBytes(key, ''); // '' counts the two quotes
    chunks[key] = text.slice(at, at + room);
    at += room;
  }
  return chunks;
}

/**
 * The stored record: its bytes when the manifest and all its chunks are present and hash right; `incomplete`
 * when a manifest is there but its record is not (yet) whole; `absent` when there is no manifest at all.
 */
export function readItems(items: SyncItems): Uint8Array<ArrayBuffer> | 'incomplete' | 'absent' {
  if (!(MANIFEST_KEY in items)) return 'absent';
  const manifest = parseManifest(items[MANIFEST_KEY]);
  if (!manifest) return 'incomplete';
  let text = '';
  for (let n = 0; n < manifest.chunks; n += 1) {
    const chunk = items[chunkKey(manifest.generation, n)];
    if (typeof chunk !== 'string') return 'incomplete';
    text += chunk;
  }
  const blob = decodeBase85(text);
  if (blob === null || blob.length !== manifest.bytes || hex(sha256(blob)) !== manifest.sha256) {
    return 'incomplete';
  }
  return blob;
}

/** A generation for `digest` that differs from the one stored (8 hex digits each; a clash moves to the next 8). */
function pickGeneration(digest: string, stored: string | undefined): string {
  for (let at = 0; at + 8 <= digest.length; at += 8) {
    const generation = digest.slice(at, at + 8);
    if (generation !== stored) return generation;
  }
  return digest.slice(8, 16);
}

function without(items: SyncItems, keys: readonly string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...items };
  for (const key of keys) delete rest[key];
  return rest;
}

function over(reason: OverQuota['reason'], needed: number, allowed: number): OverQuota {
  return { over: true, reason, bytesNeeded: needed, bytesAllowed: allowed, overBy: needed - allowed };
}

/**
 * Plans the replacement of the stored record by `blob`, entirely before any write: either every call that
 * keeps each reader on a whole record, within QUOTA_BYTES and MAX_ITEMS at every point, or an over-quota
 * result and nothing to write. `previousItems` is everything on `storage.sync` (other items count against the
 * quota too, and are never touched).
 */
export function planWrite(previousItems: SyncItems, blob: Uint8Array): WritePlan | OverQuota {
  if (blob.length === 0) throw new RangeError('a sync record is never empty');
  const digest = hex(sha256(blob));
  const stored = parseManifest(previousItems[MANIFEST_KEY]);
  const ours = Object.keys(previousItems).filter((key) => chunkGeneration(key) !== null);
  const oldChunks = ours.filter((key) => chunkGeneration(key) === stored?.generation);

  const current = readItems(previousItems);
  if (current instanceof Uint8Array && stored?.sha256 === digest) {
    const stray = ours.filter((key) => !oldChunks.includes(key));
    const steps: WriteStep[] = stray.length > 0 ? [{ remove: stray }] : [];
    const bytes = totalBytes(without(previousItems, stray));
    return { over: false, mode: 'unchanged', steps, peakBytes: totalBytes(previousItems), bytesAfter: bytes };
  }

  const generation = pickGeneration(digest, stored?.generation);
  const chunks = splitRecord(blob, generation);
  const manifest = {
    [MANIFEST_KEY]: manifestText({
      generation,
      chunks: Object.keys(chunks).length,
      bytes: blob.length,
      sha256: digest,
    }),
  };
  const fresh = { ...chunks, ...manifest };
  const stray = ours.filter((key) => !oldChunks.includes(key) && !(key in chunks));
  const others = without(previousItems, [...ours, MANIFEST_KEY]);
  const finalItems = { ...others, ...fresh };
  const bytesAfter = totalBytes(finalItems);
  const newBytes = totalBytes(fresh);
  const fits = (items: SyncItems) =>
    totalBytes(items) <= QUOTA_BYTES && Object.keys(items).length <= MAX_ITEMS;

  // Preferred: the old record stays whole (and stray chunks stay) until the new one is complete.
  const withEverything = { ...previousItems, ...fresh };
  if (fits(withEverything)) {
    const done = [...oldChunks, ...stray];
    return twoPhase(chunks, manifest, [], done, totalBytes(withEverything), bytesAfter);
  }
  // Stray chunks belong to no complete record: removing them first costs a call but no reader anything.
  const withOld = { ...without(previousItems, stray), ...fresh };
  if (fits(withOld)) {
    return twoPhase(chunks, manifest, stray, oldChunks, totalBytes(withOld), bytesAfter);
  }
  if (fits(finalItems)) {
    const removeFirst = [...oldChunks, ...stray];
    const steps: WriteStep[] = [{ remove: removeFirst }, { set: chunks }, { set: manifest }];
    const peak = Math.max(totalBytes(without(previousItems, removeFirst)), bytesAfter);
    return { over: false, mode: 'replace', steps: steps.filter(nonEmpty), peakBytes: peak, bytesAfter };
  }
  if (Object.keys(finalItems).length > MAX_ITEMS) {
    return over('items', Object.keys(fresh).length, MAX_ITEMS - Object.keys(others).length);
  }
  return over('bytes', newBytes, QUOTA_BYTES - totalBytes(others));
}

function nonEmpty(step: WriteStep): boolean {
  return 'set' in step ? Object.keys(step.set).length > 0 : step.remove.length > 0;
}

function twoPhase(
  chunks: Record<string, string>,
  manifest: Record<string, string>,
  removeFirst: string[],
  removeAfter: string[],
  peakBytes: number,
  bytesAfter: number,
): WritePlan {
  const steps: WriteStep[] = [
    { remove: removeFirst },
    { set: chunks },
    { set: manifest },
    { remove: removeAfter },
  ];
  return { over: false, mode: 'two-phase', steps: steps.filter(nonEmpty), peakBytes, bytesAfter };
}

/** Applies one step to a copy of `items` (what `storage.sync` does locally): for tests and simulations. */
export function applyStep(items: SyncItems, step: WriteStep): Record<string, unknown> {
  return 'set' in step ? { ...items, ...step.set } : without(items, step.remove);
}
