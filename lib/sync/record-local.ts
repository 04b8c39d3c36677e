/**
 * From the local vault to the replicated state: what the user changed since the state was last recorded gets one
 * fresh stamp, and everything else keeps its old stamps, so an edit made elsewhere later still wins over an
 * account that was merely left alone here.
 *
 * Contract: `previous` is the state the payload was last brought in line with (after a merge the caller rebuilds
 * the payload with `applyToPayload`). Then an account live here but deleted in `previous` was restored by the
 * user, and one live in `previous` but gone from the payload was deleted (or folded into its duplicate).
 */
import type { StoredAccount, VaultPayload } from '../keeper/accounts/stored-account';
import { acknowledge, collectGarbage, sortedRecord } from './gc';
import { tick, type Hlc } from './hlc';
import { keysBetween } from './position';
import {
  isDeleted,
  isRecord,
  latestStamp,
  type AccountFields,
  type AccountRecord,
  type Entry,
  type Flag,
  type SyncState,
} from './sync-state';

/** The replicated fields of a stored account, in one fixed key order. */
export function fieldsOf(account: StoredAccount): AccountFields {
  const { type, issuer, account: name, secret, algorithm, digits, period, createdAt } = account;
  return { type, issuer, account: name, secret, algorithm, digits, period, createdAt };
}

function sameFields(a: AccountFields, b: AccountFields): boolean {
  return (Object.keys(a) as (keyof AccountFields)[]).every((key) => a[key] === b[key]);
}

/** The flags after the set became `members`: only the elements added or removed get the new stamp. */
function flagsFor(
  before: Readonly<Record<string, Flag>>,
  members: readonly string[],
  stamp: Hlc,
): Readonly<Record<string, Flag>> {
  const present = new Set(members);
  const after: Record<string, Flag> = { ...before };
  let changed = false;
  for (const [element, flag] of Object.entries(before)) {
    if ((flag[1] === 1) !== present.has(element)) {
      after[element] = [stamp, present.has(element) ? 1 : 0];
      changed = true;
    }
  }
  for (const element of present) {
    if (before[element]) continue;
    after[element] = [stamp, 1];
    changed = true;
  }
  return changed ? sortedRecord(after) : before;
}

/** A record for an account new to the state; its position is given by the order pass (`''` until then). */
function newRecord(account: StoredAccount, stamp: Hlc): AccountRecord {
  return {
    f: [stamp, fieldsOf(account)],
    n: account.counter,
    o: flagsFor({}, account.origins, stamp),
    u: flagsFor({}, account.autoFill ?? [], stamp),
    p: [stamp, account.pinned ? 1 : 0],
    r: [stamp, ''],
    b: [stamp, account.backedUpAt ?? 0],
    e: stamp,
  };
}

/** The record after the user's changes to a known account (the same object when there are none). */
function changedRecord(before: AccountRecord, account: StoredAccount, stamp: Hlc): AccountRecord {
  if (account.deletedAt !== undefined) return isDeleted(before) ? before : { ...before, x: stamp };
  const next: AccountRecord = { ...before };
  // Live here but deleted in the state: the user undid the deletion, an edit that beats it.
  let edited = isDeleted(before);
  const fields = fieldsOf(account);
  if (!sameFields(fields, before.f[1])) {
    next.f = [stamp, fields];
    edited = true;
  }
  if (account.counter > before.n) {
    next.n = account.counter;
    edited = true;
  }
  next.o = flagsFor(before.o, account.origins, stamp);
  next.u = flagsFor(before.u, account.autoFill ?? [], stamp);
  const pinned = account.pinned ? 1 : 0;
  if (before.p[1] !== pinned) next.p = [stamp, pinned];
  edited ||= next.o !== before.o || next.u !== before.u || next.p !== before.p;
  const backedUpAt = account.backedUpAt ?? 0;
  if (before.b[1] !== backedUpAt) next.b = [stamp, backedUpAt];
  if (edited) next.e = stamp;
  return edited || next.b !== before.b ? next : before;
}

/**
 * Indexes of the longest run of `keys` that is already strictly increasing (empty keys never in it): those
 * accounts keep their positions, the others get new keys between them.
 */
function keptPositions(keys: readonly string[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  keys.forEach((key, index) => {
    if (key === '') return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (keys[tails[middle]!]! < key) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]!) kept.add(index);
  return kept;
}

/** New positions, stamped, for the live accounts out of the payload's order. */
function reorder(records: Record<string, Entry>, order: readonly string[], stamp: Hlc): boolean {
  const recordOf = (id: string) => records[id] as AccountRecord;
  const keys = order.map((id) => recordOf(id).r[1]);
  const kept = keptPositions(keys);
  let changed = false;
  let start = 0;
  for (let index = 0; index <= order.length; index += 1) {
    if (index < order.length && !kept.has(index)) continue;
    const low = start > 0 ? keys[start - 1]! : '';
    const high = index < order.length ? keys[index] : undefined;
    const fresh = keysBetween(low, high, index - start);
    fresh.forEach((key, offset) => {
      const id = order[start + offset]!;
      records[id] = { ...recordOf(id), r: [stamp, key] };
      changed = true;
    });
    start = index + 1;
  }
  return changed;
}

/**
 * The state after the device's own changes: `payload` (the vault as it is now) compared with `previous`, each
 * change stamped with one new tick of `device` at `now` (ms). With no change, only the device's report moves on
 * (but a device new to the state ticks once, to be counted among the devices that must see a tombstone).
 */
export function recordLocalChanges(
  previous: SyncState,
  payload: VaultPayload,
  device: string,
  now: number,
): SyncState {
  const stamp = tick(latestStamp(previous), now, device);
  const records: Record<string, Entry> = { ...previous.a };
  let changed = false;
  const present = new Set<string>();
  for (const account of payload.accounts) {
    present.add(account.id);
    const entry = previous.a[account.id];
    const before = entry && isRecord(entry) ? entry : undefined;
    // A new account already deleted (within its undo window) never leaves this browser; nor does one whose
    // deletion is down to a tombstone. Live here over a tombstone: restored, a new record that beats it.
    if (!before && account.deletedAt !== undefined) continue;
    const after = before ? changedRecord(before, account, stamp) : newRecord(account, stamp);
    if (after !== entry) {
      records[account.id] = after;
      changed = true;
    }
  }
  for (const [id, record] of Object.entries(previous.a)) {
    if (present.has(id) || isDeleted(record)) continue;
    records[id] = { ...record, x: stamp };
    changed = true;
  }
  const order = payload.accounts.filter((a) => a.deletedAt === undefined).map((a) => a.id);
  if (reorder(records, order, stamp)) changed = true;
  // A device joins with its first stamp, so tombstones wait for it too; after that, no change means no tick.
  if (!changed && previous.v[device] !== undefined) return acknowledge(previous, device);
  const next: SyncState = {
    a: sortedRecord(records),
    v: sortedRecord({ ...previous.v, [device]: stamp }),
    k: previous.k,
  };
  return acknowledge(collectGarbage(next), device);
}
