/**
 * The state of a scan the user started on a tab, kept in session storage (the service worker may stop while
 * the user drags). Only the tab the scan was started on, in its top frame, may ask for screenshots, and
 * only a few times for a few minutes: a content script is untrusted, and a screenshot shows cross-origin
 * frames its page could never read.
 */
import type { KeyValueStore } from '../../vault';

const KEY = 'scan_session';
/** A scan that has not finished after this long is over. */
export const SCAN_TTL_MS = 5 * 60_000;
/** One-click capture, then a few drags. */
export const MAX_CAPTURES = 12;

export interface ScanSession {
  tabId: number;
  windowId: number;
  startedAt: number;
  captures: number;
}

function isSession(v: unknown): v is ScanSession {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return ['tabId', 'windowId', 'startedAt', 'captures'].every((k) => typeof s[k] === 'number');
}

export async function writeScanSession(session: KeyValueStore, value: ScanSession | null): Promise<void> {
  await session.set({ [KEY]: value ?? '' });
}

/** The live scan of `tabId`, or null (none, another tab's, or expired). */
export async function readScanSession(
  session: KeyValueStore,
  tabId: number | undefined,
  now: number,
): Promise<ScanSession | null> {
  if (tabId === undefined) return null;
  const value = (await session.get([KEY]))[KEY];
  if (!isSession(value) || value.tabId !== tabId) return null;
  if (now - value.startedAt > SCAN_TTL_MS || now < value.startedAt) return null;
  return value;
}
