/**
 * The accounts core: every change to the vault's accounts, and the one answer to "is this account live". Pure:
 * no storage, no keeper, no browser. Each transition takes the payload (never changed) and gives a new payload
 * and its result, or throws the KeeperError the request is refused with. Handlers run them inside
 * `keeper.mutate(inPlace(…))`, which commits the new payload in one vault write.
 */
import type { AccountPatch } from '../../messages';
import type { Account } from '../../otp/account';
import { validateAccount } from '../../otp/validate-account';
import { isSecureWebOrigin } from '../../web-origin';
import { applyPatch } from './drafts';
import { KeeperError } from '../keeper-error';
import { isSameKey, type StoredAccount, type VaultPayload } from './stored-account';
import { applyToPayload, EMPTY_SYNC_STATE, merge, recordLocalChanges, type SyncState } from '../../sync';

/** Deleted accounts can be restored for this long, then they are purged from the vault. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

/** A new payload (the input is left as it was) and what the change answers. */
export interface Transition<R> {
  payload: VaultPayload;
  result: R;
}

/** Random id of a new account. */
export type NewId = () => string;

/** The fields that make two accounts the same key (see isSameKey). */
export type KeyFields = Pick<Account, 'secret' | 'issuer' | 'account' | 'type'>;

/** Not deleted (a deleted account waits out the undo window, hidden). */
export function isLive(account: StoredAccount): boolean {
  return account.deletedAt === undefined;
}

/** The live accounts, in stored order. */
export function liveAccounts(payload: VaultPayload): StoredAccount[] {
  return payload.accounts.filter(isLive);
}

/** The live accounts as the list shows them: the pinned ones first, each group in the user's order. */
export function listedAccounts(payload: VaultPayload): StoredAccount[] {
  const live = liveAccounts(payload);
  return [...live.filter((a) => a.pinned), ...live.filter((a) => !a.pinned)];
}

/** The payload with its live accounts in `order` (a permutation of them); deleted ones keep waiting at the end. */
function inOrder(payload: VaultPayload, order: readonly StoredAccount[]): VaultPayload {
  return { ...payload, accounts: [...order, ...payload.accounts.filter((a) => !isLive(a))] };
}

/**
 * Moves the live account `id` to position `to` of the list as shown (listedAccounts), within its group: a pinned
 * account stays among the pinned ones, another among the others (the position is clamped to the group).
 */
export function moveAccount(
  payload: VaultPayload,
  { id, to }: { id: string; to: number },
): Transition<{ id: string; position: number }> {
  const listed = listedAccounts(payload);
  const from = listed.findIndex((a) => a.id === id);
  if (from < 0) throw new KeeperError('not-found');
  const moving = listed[from]!;
  const pinnedCount = listed.filter((a) => a.pinned).length;
  const [low, high] = moving.pinned ? [0, pinnedCount - 1] : [pinnedCount, listed.length - 1];
  const position = Math.min(high, Math.max(low, Math.trunc(to)));
  const order = listed.filter((a) => a.id !== id);
  order.splice(position, 0, moving);
  return { payload: inOrder(payload, order), result: { id, position } };
}

/** Pins or unpins: a pinned account goes to the end of the pinned ones, an unpinned one to the top of the rest. */
export function pinAccount(
  payload: VaultPayload,
  { id, pinned }: { id: string; pinned: boolean },
): Transition<{ id: string }> {
  const listed = listedAccounts(payload);
  const current = listed.find((a) => a.id === id);
  if (!current) throw new KeeperError('not-found');
  const account: StoredAccount = { ...current };
  if (pinned) account.pinned = true;
  else delete account.pinned;
  const others = listed.filter((a) => a.id !== id);
  const pinnedOthers = others.filter((a) => a.pinned);
  const rest = others.filter((a) => !a.pinned);
  // Either way it lands between the pinned ones and the rest: last of the pinned, or first of the others.
  const order = [...pinnedOthers, account, ...rest];
  return { payload: inOrder(payload, order), result: { id } };
}

/** Sorts A–Z (issuer, then account; the way Japanese and English readers expect), each group on its own. */
export function sortAccounts(payload: VaultPayload): Transition<{ sorted: number }> {
  const collator = new Intl.Collator(['ja', 'en'], { sensitivity: 'base', numeric: true });
  const byName = (a: StoredAccount, b: StoredAccount) =>
    collator.compare(a.issuer, b.issuer) || collator.compare(a.account, b.account);
  const listed = listedAccounts(payload);
  const order = [
    ...listed.filter((a) => a.pinned).sort(byName),
    ...listed.filter((a) => !a.pinned).sort(byName),
  ];
  return { payload: inOrder(payload, order), result: { sorted: order.length } };
}

/**
 * Brings the list in line with another browser's replicated state (`remote`, or none: only this browser's
 * changes recorded): this browser's changes recorded, the two merged, the merged list shown, and the result
 * recorded again as this browser's state (lib/sync, docs/sync-merge.md).
 */
export function mergeSynced(
  payload: VaultPayload,
  remote: SyncState | null,
  device: string,
  now: number,
): Transition<SyncState> {
  const local = recordLocalChanges(payload.sync ?? EMPTY_SYNC_STATE, payload, device, now);
  const joined = remote ? merge(local, remote) : local;
  const shown = applyToPayload(payload, joined);
  const state = recordLocalChanges(joined, shown, device, now);
  return { payload: { ...shown, sync: state }, result: state };
}

/** The live account with this id; `not-found` otherwise. */
export function liveAccount(payload: VaultPayload, id: string): StoredAccount {
  return payload.accounts[liveIndex(payload, id)]!;
}

function liveIndex(payload: VaultPayload, id: string): number {
  const index = payload.accounts.findIndex((a) => a.id === id && isLive(a));
  if (index < 0) throw new KeeperError('not-found');
  return index;
}

/** The payload with the account at `index` replaced. */
function replaced(payload: VaultPayload, index: number, account: StoredAccount): VaultPayload {
  const accounts = [...payload.accounts];
  accounts[index] = account;
  return { ...payload, accounts };
}

/** Changes the live account `id` (refused with `not-found`). */
function changeLive<R>(
  payload: VaultPayload,
  id: string,
  change: (account: StoredAccount) => { account: StoredAccount; result: R },
): Transition<R> {
  const index = liveIndex(payload, id);
  const { account, result } = change(payload.accounts[index]!);
  return { payload: replaced(payload, index, account), result };
}

/** Identity of a key, exactly as isSameKey compares it: equal for two accounts it finds the same. */
const keyOf = (a: KeyFields) => JSON.stringify([a.secret, a.issuer, a.account, a.type]);

/** For each account, whether the vault's live accounts (or an earlier one of the list) hold the same key. */
export function findDuplicates(payload: VaultPayload, accounts: readonly KeyFields[]): boolean[] {
  const known = new Set(liveAccounts(payload).map(keyOf));
  return accounts.map((account) => {
    const key = keyOf(account);
    const duplicate = known.has(key);
    known.add(key);
    return duplicate;
  });
}

/** One account typed or previewed by the user; `duplicate` when a live account has the same key. */
export function addAccount(
  payload: VaultPayload,
  { account }: { account: Account },
  now: number,
  newId: NewId,
): Transition<{ id: string }> {
  if (liveAccounts(payload).some((a) => isSameKey(a, account))) throw new KeeperError('duplicate');
  const id = newId();
  const added: StoredAccount = { ...account, id, origins: [], createdAt: now };
  return { payload: { ...payload, accounts: [...payload.accounts, added] }, result: { id } };
}

/** An account on its way in from an import or an enrolment. */
export interface NewAccount {
  account: Account;
  /** Sites it comes with (a Sekimori backup's): already checked web origins. */
  origins?: readonly string[];
  /** Its key is in a backup already (read from a Sekimori backup file). */
  backedUp?: boolean;
  /** Pinned in the Sekimori backup it comes from. */
  pinned?: boolean;
}

export interface AddManyResult {
  /** Ids of the accounts added, in order. */
  added: string[];
  /** Entries the vault (or an earlier entry of the batch) already held: not added. */
  duplicates: number;
  /** Per entry, in order: the account added, or the live account it duplicates. */
  entries: { id: string; added: boolean }[];
}

/**
 * Adds every entry whose key no live account (nor an earlier entry) holds. `site`, where the batch was scanned,
 * goes into the origins of each new account and of each account an entry duplicates.
 */
export function addAccounts(
  payload: VaultPayload,
  { accounts: entries, site }: { accounts: readonly NewAccount[]; site?: string },
  now: number,
  newId: NewId,
): Transition<AddManyResult> {
  const accounts = [...payload.accounts];
  const result: AddManyResult = { added: [], duplicates: 0, entries: [] };
  /** Where each key is held: the first live account with it (a file of thousands is read in one pass). */
  const held = new Map<string, number>();
  accounts.forEach((a, index) => {
    if (isLive(a) && !held.has(keyOf(a))) held.set(keyOf(a), index);
  });
  for (const entry of entries) {
    const key = keyOf(entry.account);
    const index = held.get(key);
    const same = index === undefined ? undefined : accounts[index];
    if (index !== undefined && same) {
      result.duplicates += 1;
      result.entries.push({ id: same.id, added: false });
      if (site !== undefined && !same.origins.includes(site)) {
        accounts[index] = { ...same, origins: [...same.origins, site] };
      }
      continue;
    }
    const id = newId();
    const origins = [...new Set([...(entry.origins ?? []), ...(site === undefined ? [] : [site])])];
    const added: StoredAccount = { ...entry.account, id, origins, createdAt: now };
    if (entry.backedUp) added.backedUpAt = now;
    if (entry.pinned) added.pinned = true;
    held.set(key, accounts.push(added) - 1);
    result.added.push(id);
    result.entries.push({ id, added: true });
  }
  return { payload: { ...payload, accounts }, result };
}

/** The parameters that make the codes: a change means the last backup no longer holds this key. */
const KEY_FIELDS = ['type', 'secret', 'algorithm', 'digits', 'period'] as const;

/** An edit (rename, new key or parameters), checked as a whole; a changed key is no longer backed up. */
export function updateAccount(
  payload: VaultPayload,
  { id, patch }: { id: string; patch: AccountPatch },
): Transition<{ id: string }> {
  return changeLive(payload, id, (current) => {
    const next = validateAccount(applyPatch(current, patch));
    const keyChanged = KEY_FIELDS.some((field) => next[field] !== current[field]);
    const account: StoredAccount = { ...current, ...next };
    if (keyChanged) delete account.backedUpAt;
    return { account, result: { id } };
  });
}

/** Binds one more site to the account (nothing if it is bound already). */
export function bindSite(
  payload: VaultPayload,
  { id, origin }: { id: string; origin: string },
): Transition<{ id: string }> {
  return changeLive(payload, id, (current) => ({
    account: current.origins.includes(origin)
      ? current
      : { ...current, origins: [...current.origins, origin] },
    result: { id },
  }));
}

/** The account's sites become exactly `origins` (once each); a site removed takes its automatic fill with it. */
export function setOrigins(
  payload: VaultPayload,
  { id, origins }: { id: string; origins: readonly string[] },
): Transition<{ id: string }> {
  return changeLive(payload, id, (current) => {
    const account: StoredAccount = { ...current, origins: [...new Set(origins)] };
    // Added again later, a site starts without automatic fill.
    if (account.autoFill) account.autoFill = account.autoFill.filter((o) => account.origins.includes(o));
    return { account, result: { id } };
  });
}

/** Unbinds one site (and its automatic fill). */
export function unbindSite(
  payload: VaultPayload,
  { id, origin }: { id: string; origin: string },
): Transition<{ id: string }> {
  const current = liveAccount(payload, id);
  return setOrigins(payload, { id, origins: current.origins.filter((o) => o !== origin) });
}

/** Soft delete: hidden at once, restorable within the undo window. */
export function deleteAccount(
  payload: VaultPayload,
  { id }: { id: string },
  now: number,
): Transition<{ id: string }> {
  return changeLive(payload, id, (current) => ({ account: { ...current, deletedAt: now }, result: { id } }));
}

/** Undo of a delete: the deleted account `id` (not yet purged) is live again; `not-found` otherwise. */
export function restoreAccount(payload: VaultPayload, { id }: { id: string }): Transition<{ id: string }> {
  const index = payload.accounts.findIndex((a) => a.id === id && !isLive(a));
  if (index < 0) throw new KeeperError('not-found');
  const { deletedAt: _deletedAt, ...account } = payload.accounts[index]!;
  return { payload: replaced(payload, index, account), result: { id } };
}

/** Drops the accounts deleted more than UNDO_WINDOW_MS ago (run before every vault write). */
export function purgeDeleted(payload: VaultPayload, now: number): Transition<{ purged: string[] }> {
  const cutoff = now - UNDO_WINDOW_MS;
  const kept = (a: StoredAccount) => a.deletedAt === undefined || a.deletedAt > cutoff;
  return {
    payload: { ...payload, accounts: payload.accounts.filter(kept) },
    result: { purged: payload.accounts.filter((a) => !kept(a)).map((a) => a.id) },
  };
}

/** Moves an HOTP counter on (committed before any code is made from it, so a code is never reused). */
export function advanceHotp(
  payload: VaultPayload,
  { id }: { id: string },
): Transition<{ account: StoredAccount }> {
  return changeLive(payload, id, (current) => {
    if (current.type !== 'hotp') throw new KeeperError('not-hotp');
    const account = { ...current, counter: current.counter + 1 };
    return { account, result: { account: { ...account } } };
  });
}

/** Origins where an account fills automatically: chosen by the user, still bound, secure, never HOTP. */
export function autoFillOrigins(account: StoredAccount): string[] {
  if (account.type === 'hotp') return [];
  return (account.autoFill ?? []).filter(
    (origin) => account.origins.includes(origin) && isSecureWebOrigin(origin),
  );
}

/** Every origin some live account fills automatically on, sorted. */
export function wantedAutoFillOrigins(payload: VaultPayload): string[] {
  return [...new Set(liveAccounts(payload).flatMap(autoFillOrigins))].sort();
}

/** Automatic fill may be turned on: never HOTP (`autofill-hotp`), only a secure origin (`autofill-insecure`). */
export function checkAutoFillOn(account: StoredAccount, origin: string): void {
  if (account.type === 'hotp') throw new KeeperError('autofill-hotp');
  if (!isSecureWebOrigin(origin)) throw new KeeperError('autofill-insecure');
}

/**
 * Automatic fill on or off for one account on one origin. On: never HOTP (`autofill-hotp`), only a secure
 * origin (`autofill-insecure`), and the origin is bound if it was not. Answers the origins wanted afterwards.
 */
export function setAutoFill(
  payload: VaultPayload,
  { id, origin, on }: { id: string; origin: string; on: boolean },
): Transition<{ wanted: string[] }> {
  const next = changeLive(payload, id, (current) => {
    const chosen = new Set(current.autoFill ?? []);
    let origins = current.origins;
    if (on) {
      checkAutoFillOn(current, origin);
      if (!origins.includes(origin)) origins = [...origins, origin];
      chosen.add(origin);
    } else {
      chosen.delete(origin);
    }
    const autoFill = [...chosen].filter((o) => origins.includes(o));
    return { account: { ...current, origins, autoFill }, result: undefined };
  });
  return { payload: next.payload, result: { wanted: wantedAutoFillOrigins(next.payload) } };
}

/** The accounts `ids` went into a backup or export at `now`; a Sekimori backup file is also the last backup. */
export function markBackedUp(
  payload: VaultPayload,
  { ids, backupFile }: { ids: readonly string[]; backupFile: boolean },
  now: number,
): Transition<{ marked: number }> {
  const done = new Set(ids);
  let marked = 0;
  const accounts = payload.accounts.map((a) => {
    if (!done.has(a.id)) return a;
    marked += 1;
    return { ...a, backedUpAt: now };
  });
  const next: VaultPayload = { ...payload, accounts };
  if (backupFile) next.lastBackupAt = now;
  return { payload: next, result: { marked } };
}

/**
 * A transition as `keeper.mutate` takes it: keeper.mutate hands over a private copy of the payload to change in
 * place, so the transition's payload replaces that copy's contents (the transition still never changes what it
 * reads). Returns the transition's result.
 */
export function inPlace<R>(step: (payload: VaultPayload) => Transition<R>): (draft: VaultPayload) => R {
  return (draft) => {
    const { payload, result } = step(draft);
    const fields = draft as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (!(key in payload)) delete fields[key];
    Object.assign(draft, payload);
    return result;
  };
}
