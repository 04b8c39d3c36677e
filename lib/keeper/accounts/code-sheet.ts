/**
 * Writes the code sheet (lib/protocol/code-sheet.ts: what it is, and how the popup reads it): the listed accounts
 * and each time-based account's codes from now to the end of the span, computed with one key decode per account,
 * and written only when the one in session storage no longer reaches far enough.
 */
import type { BackupState } from '../../messages';
import {
  asCodeSheet,
  CODE_SHEET_KEY,
  CODE_SHEET_REFRESH_MS,
  CODE_SHEET_SPAN_MS,
  type CodeSheet,
  type SheetRow,
} from '../../protocol/code-sheet';
import type { KeyValueStore } from '../../vault';
import { generateCodeRun } from '../../otp/generate-code';
import { timeStep } from '../../otp/time';
import { listedAccounts } from './accounts';
import { toView, type StoredAccount, type VaultPayload } from './stored-account';

/** Everything the popup's first frame needs at `from`, and up to `from + span` (with a next code at its end). */
export async function makeCodeSheet(
  payload: VaultPayload,
  at: { revision: number; shift: number; from: number; span: number; backup: BackupState | null },
): Promise<CodeSheet> {
  const start = at.from + at.shift;
  const end = start + at.span;
  const rows = await Promise.all(
    listedAccounts(payload).map(async (a: StoredAccount): Promise<SheetRow> => {
      const view = toView(a);
      if (a.type === 'hotp') return { view, first: -1, codes: await generateCodeRun(a, a.counter, 1) };
      const first = timeStep(a.period, start);
      const count = timeStep(a.period, end) - first + 2; // the step in use at the end, and the one after it
      return { view, first, codes: await generateCodeRun(a, first, count) };
    }),
  );
  return {
    revision: at.revision,
    shift: at.shift,
    from: at.from,
    until: at.from + at.span,
    backup: at.backup,
    rows,
  };
}

export interface SheetSource {
  session: KeyValueStore;
  now(): number;
  /** The vault as the popup's list sees it, or null when there is nothing to write ahead (locked, read-only). */
  read(): Promise<{
    payload: VaultPayload;
    revision: number;
    shift: number;
    backup: BackupState | null;
  } | null>;
}

/**
 * Writes a sheet unless one for this revision and clock shift still reaches `CODE_SHEET_REFRESH_MS` ahead.
 * Run late (after the popup has its answer), never on the popup's start-up path. A sheet is written only while
 * the vault is unlocked at the revision it was computed from; the popup also checks the session's deadline, so a
 * lock that lands in between leaves nothing usable (and the lock's own clearing removes it).
 */
export async function refreshCodeSheet(source: SheetSource): Promise<'kept' | 'written' | 'skipped'> {
  const now = source.now();
  const [state, stored] = await Promise.all([source.read(), source.session.get([CODE_SHEET_KEY])]);
  if (!state) return 'skipped';
  const existing = asCodeSheet(stored[CODE_SHEET_KEY]);
  if (
    existing &&
    existing.revision === state.revision &&
    existing.shift === state.shift &&
    now >= existing.from &&
    existing.until - now > CODE_SHEET_REFRESH_MS
  )
    return 'kept';
  const sheet = await makeCodeSheet(state.payload, {
    revision: state.revision,
    shift: state.shift,
    from: now,
    span: CODE_SHEET_SPAN_MS,
    backup: state.backup,
  });
  const still = await source.read();
  if (!still || still.revision !== state.revision || still.shift !== state.shift) return 'skipped';
  await source.session.set({ [CODE_SHEET_KEY]: sheet });
  return 'written';
}
