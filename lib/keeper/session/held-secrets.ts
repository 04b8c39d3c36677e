/**
 * Secrets held outside the vault, in session storage (memory only, trusted contexts only), for a short while:
 * the accounts of a file read for import (until the user commits the preview), and a QR code scanned while the
 * vault was locked (until the user unlocks). Neither outlives the unlocked session it belongs to: locking (by
 * request, idle, screen lock, the longest unlocked time), an extension update or reload, and their own time
 * running out all remove them — removed, not just ignored, so nothing is left to read. A QR code scanned while
 * locked is kept (it is what the unlock is for) until it is used or its time is over.
 */
import { CODE_SHEET_KEY, CODE_SHEET_SPAN_MS } from '../../protocol/code-sheet';
import type { KeyValueStore } from '../../vault';

export const PENDING_IMPORT_KEY = 'import_pending';
export const PENDING_ENROLMENT_KEY = 'pending_enrolment';
/** How long a file's preview waits for its commit. */
export const IMPORT_TTL_MS = 10 * 60_000;
/** How long a QR code scanned while locked waits for the unlock. */
export const PENDING_TTL_MS = 10 * 60_000;
/**
 * Every session entry that may hold a secret, and its empty value (one `set()` clears them all). The code sheet
 * (lib/protocol/code-sheet.ts) holds no secret, but codes: it goes with the session too.
 */
const HELD = { [PENDING_IMPORT_KEY]: null, [PENDING_ENROLMENT_KEY]: '', [CODE_SHEET_KEY]: null } as const;

/** The items that drop every held secret, to be written in the same `set()` as the cleared key. */
export function heldSecretsCleared(): Record<string, unknown> {
  return { ...HELD };
}

export async function dropHeldSecrets(session: KeyValueStore): Promise<void> {
  await session.set(heldSecretsCleared());
}

/** When a held entry's time is over (ms since epoch), from its stored `until` or `at + ttl`; null if none. */
function expiryOf(value: unknown, ttlMs: number): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { until?: unknown; at?: unknown };
  if (typeof v.until === 'number') return v.until;
  if (typeof v.at === 'number') return v.at + ttlMs;
  return Number.NEGATIVE_INFINITY; // unreadable: over already
}

/**
 * Removes the held entries whose time is over (or that are unreadable, or dated in the future by a clock set
 * back); returns when the next one that remains runs out (null: none held).
 */
export async function sweepHeldSecrets(session: KeyValueStore, now: number): Promise<number | null> {
  const items = await session.get(Object.keys(HELD));
  const ttl: Record<string, number> = {
    [PENDING_IMPORT_KEY]: IMPORT_TTL_MS,
    [PENDING_ENROLMENT_KEY]: PENDING_TTL_MS,
    [CODE_SHEET_KEY]: CODE_SHEET_SPAN_MS,
  };
  const over: Record<string, unknown> = {};
  let next: number | null = null;
  for (const key of Object.keys(HELD) as (keyof typeof HELD)[]) {
    const value = items[key];
    if (value === undefined || value === null || value === '') continue;
    const until = expiryOf(value, ttl[key]!);
    const fromFuture =
      typeof (value as { at?: unknown }).at === 'number' && (value as { at: number }).at > now;
    if (until === null || until <= now || fromFuture || until - now > ttl[key]!) over[key] = HELD[key];
    else next = next === null ? until : Math.min(next, until);
  }
  if (Object.keys(over).length > 0) await session.set(over);
  return next;
}
