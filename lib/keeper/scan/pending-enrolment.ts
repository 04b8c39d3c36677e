/**
 * A QR text scanned while the vault was locked, kept in session storage (memory only, like the unlocked key)
 * until the user unlocks, so the enrolment finishes without scanning again. It expires, and is dropped on
 * lock, browser restart and extension update (see held-secrets.ts).
 */
import type { KeyValueStore } from '../../vault';
import { PENDING_ENROLMENT_KEY as KEY, PENDING_TTL_MS } from '../session/held-secrets';

export { PENDING_TTL_MS };

export interface PendingEnrolment {
  text: string;
  /** The page's origin, recorded on the account. */
  origin?: string;
  at: number;
}

export async function writePendingEnrolment(
  session: KeyValueStore,
  value: PendingEnrolment | null,
): Promise<void> {
  await session.set({ [KEY]: value ?? '' });
}

export async function readPendingEnrolment(
  session: KeyValueStore,
  now: number,
): Promise<PendingEnrolment | null> {
  const value = (await session.get([KEY]))[KEY] as Partial<PendingEnrolment> | undefined;
  if (typeof value !== 'object' || value === null || typeof value.text !== 'string') return null;
  if (typeof value.at !== 'number' || now - value.at > PENDING_TTL_MS || now < value.at) {
    await writePendingEnrolment(session, null); // over: removed, not only ignored
    return null;
  }
  const origin = typeof value.origin === 'string' ? value.origin : undefined;
  return { text: value.text, at: value.at, ...(origin ? { origin } : {}) };
}
