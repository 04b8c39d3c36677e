/**
 * From the replicated state to the local vault: the live accounts in the converged order. Two browsers that each
 * added the same key before they first synced hold it under two ids; every replica shows it once, under the
 * smallest id, with the sites, automatic fill and pin of both and the greater counter. Recording that list
 * (record-local.ts) then deletes the other id and keeps the union, the same on every side.
 */
import { isSameKey, type StoredAccount, type VaultPayload } from '../keeper/accounts/stored-account';
import { compareHlc } from './hlc';
import { isDeleted, isRecord, type AccountRecord, type Flag, type SyncState } from './sync-state';

/** The present elements, in the order they were added (then by name). */
function members(flags: Readonly<Record<string, Flag>>): string[] {
  return Object.entries(flags)
    .filter(([, flag]) => flag[1] === 1)
    .sort(([a, fa], [b, fb]) => compareHlc(fa[0], fb[0]) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([element]) => element);
}

function toStored(id: string, record: AccountRecord): StoredAccount {
  const account: StoredAccount = { id, ...record.f[1], counter: record.n, origins: members(record.o) };
  const autoFill = members(record.u);
  if (autoFill.length > 0) account.autoFill = autoFill;
  if (record.b[1] > 0) account.backedUpAt = record.b[1];
  if (record.p[1] === 1) account.pinned = true;
  return account;
}

/** `into` with what its duplicate `other` adds: sites and automatic fill united, pinned if either is, max counter. */
function fold(into: StoredAccount, other: StoredAccount): StoredAccount {
  const folded: StoredAccount = {
    ...into,
    counter: Math.max(into.counter, other.counter),
    origins: [...new Set([...into.origins, ...other.origins])],
  };
  const autoFill = [...new Set([...(into.autoFill ?? []), ...(other.autoFill ?? [])])];
  if (autoFill.length > 0) folded.autoFill = autoFill;
  if (other.pinned) folded.pinned = true;
  return folded;
}

const keyOf = (a: StoredAccount) => JSON.stringify([a.secret, a.issuer, a.account, a.type]);

/** The live accounts in the converged order (position key, then id), duplicates folded into the smallest id. */
export function materialise(state: SyncState): StoredAccount[] {
  const live = Object.entries(state.a).filter(
    (entry): entry is [string, AccountRecord] => isRecord(entry[1]) && !isDeleted(entry[1]),
  );
  live.sort(([ia, ra], [ib, rb]) => {
    const ka = ra.r[1];
    const kb = rb.r[1];
    return ka < kb ? -1 : ka > kb ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const accounts = live.map(([id, record]) => toStored(id, record));
  // The smallest id of each key stands for it; the list keeps that account's place.
  const smallest = new Map<string, StoredAccount>();
  for (const account of accounts) {
    const held = smallest.get(keyOf(account));
    if (!held || account.id < held.id) smallest.set(keyOf(account), account);
  }
  const folded = new Map<string, StoredAccount>();
  for (const account of accounts) {
    const representative = smallest.get(keyOf(account))!;
    const current = folded.get(representative.id) ?? representative;
    folded.set(representative.id, account === representative ? current : fold(current, account));
  }
  return accounts.filter((a) => smallest.get(keyOf(a)) === a).map((a) => folded.get(a.id)!);
}

/**
 * The local payload brought in line with the state: its accounts replaced by the materialised list, its own
 * soft-deleted accounts kept at the end (still restorable here) unless the state has them live again.
 */
export function applyToPayload(payload: VaultPayload, state: SyncState): VaultPayload {
  const accounts = materialise(state);
  const shown = new Set(accounts.map((a) => a.id));
  const waiting = payload.accounts.filter((a) => a.deletedAt !== undefined && !shown.has(a.id));
  return { ...payload, accounts: [...accounts, ...waiting] };
}

/** What turning sync on would do with this browser's accounts, for the preview before the union. */
export interface UnionPreview {
  /** Accounts of the other side this browser lacks: they will be added. */
  added: number;
  /** Accounts on both sides (same id, or same key under another id): shown once, their sites united. */
  merged: number;
  /** This browser's accounts the other side lacks: kept as they are (and sent). */
  unchanged: number;
}

export function previewUnion(local: VaultPayload, remote: SyncState): UnionPreview {
  const mine = local.accounts.filter((a) => a.deletedAt === undefined);
  const theirs = materialise(remote);
  const matched = new Set<StoredAccount>();
  let added = 0;
  for (const account of theirs) {
    const same = mine.find((a) => a.id === account.id || isSameKey(a, account));
    if (same) matched.add(same);
    else added += 1;
  }
  return { added, merged: theirs.length - added, unchanged: mine.length - matched.size };
}
