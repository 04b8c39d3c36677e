/**
 * The code sheet: the popup's first frame, written ahead (the background writes it: lib/keeper/accounts/code-sheet.ts).
 * While the vault is unlocked the background keeps in session storage (memory only, extension pages only, removed
 * on lock like every held secret) the account list as the popup shows it and each time-based account's codes for
 * the next minutes. A popup opened while the service worker sleeps reads it directly — one storage read instead
 * of starting the worker, loading its script, opening the vault and computing codes — and shows the codes at once;
 * the worker's own answer follows and replaces it. No secret is in it: codes that expire within the sheet's span,
 * and the labels the popup shows.
 *
 * A sheet belongs to one vault revision and one clock shift: the popup uses it only while the session's noted
 * revision is the sheet's, before the session's deadline, and inside the span it covers. This module is the
 * contract both sides read; it computes no code.
 */
import type { BackupState, CodeView } from '../messages';
import { timeStep } from '../otp/time';

/** Session storage key of the sheet. */
export const CODE_SHEET_KEY = 'code_sheet';
/** How far ahead a sheet reaches. */
export const CODE_SHEET_SPAN_MS = 20 * 60_000;
/** A sheet with less than this left is written anew at the next chance. */
export const CODE_SHEET_REFRESH_MS = 10 * 60_000;
/**
 * The session entries a sheet is checked against, written by lib/keeper/session/session-key.ts: the highest vault
 * revision seen (any save raises it), and the time the vault must lock at the latest (0 once locked).
 */
export const SESSION_REVISION_KEY = 'vault_revision';
export const SESSION_DEADLINE_KEY = 'lock_deadline';
/** Everything the popup reads, in one `get()`. */
export const CODE_SHEET_READ = [CODE_SHEET_KEY, SESSION_REVISION_KEY, SESSION_DEADLINE_KEY];

export interface SheetRow {
  view: Omit<CodeView, 'code' | 'next' | 'validUntilMs'>;
  /** The time step of `codes[0]` (time-based), or -1 for a counter-based account (its one code). */
  first: number;
  codes: string[];
}

export interface CodeSheet {
  /** The vault revision the codes were computed from. */
  revision: number;
  /** The measured clock shift (ms) the codes were computed with. */
  shift: number;
  from: number;
  /** The sheet holds the current and the next code of every account until then (this computer's time). */
  until: number;
  backup: BackupState | null;
  rows: SheetRow[];
}

/** The list as the background would answer at `now` (this computer's time), or null outside the sheet. */
export function codesFromSheet(sheet: CodeSheet, now: number): CodeView[] | null {
  if (!(now >= sheet.from && now < sheet.until)) return null;
  const out: CodeView[] = [];
  for (const { view, first, codes } of sheet.rows) {
    if (first < 0) {
      const code = codes[0];
      if (code === undefined) return null;
      out.push({ ...view, code, next: '', validUntilMs: 0 });
      continue;
    }
    const step = timeStep(view.period, now + sheet.shift);
    const code = codes[step - first];
    const next = codes[step - first + 1];
    if (code === undefined || next === undefined) return null;
    out.push({ ...view, code, next, validUntilMs: (step + 1) * view.period * 1000 - sheet.shift });
  }
  return out;
}

/**
 * A value read back from session storage, checked for the shape this module writes (an older version's sheet
 * after an update, or anything else, is no sheet).
 */
export function asCodeSheet(value: unknown): CodeSheet | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<CodeSheet>;
  const numbers = [v.revision, v.shift, v.from, v.until].every((n) => typeof n === 'number');
  if (!numbers || !Array.isArray(v.rows)) return null;
  const rowsOk = v.rows.every(
    (r: Partial<SheetRow> | null) =>
      typeof r === 'object' &&
      r !== null &&
      typeof r.first === 'number' &&
      Array.isArray(r.codes) &&
      typeof r.view === 'object' &&
      r.view !== null &&
      typeof r.view.period === 'number',
  );
  return rowsOk ? (v as CodeSheet) : null;
}

/**
 * The popup's first list from session storage: the sheet's codes at `now`, if the session still vouches for the
 * sheet (unlocked, with a deadline still ahead, at the sheet's revision) and the sheet reaches `now`; else null
 * (the popup waits for the background, as without a sheet).
 */
export function listFromSession(
  items: Record<string, unknown>,
  now: number,
): { accounts: CodeView[]; backup: BackupState | null } | null {
  const sheet = asCodeSheet(items[CODE_SHEET_KEY]);
  const deadline = items[SESSION_DEADLINE_KEY];
  if (!sheet || typeof deadline !== 'number' || !(deadline > now)) return null;
  if (items[SESSION_REVISION_KEY] !== sheet.revision) return null;
  const accounts = codesFromSheet(sheet, now);
  return accounts && { accounts, backup: sheet.backup };
}
