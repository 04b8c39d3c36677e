/** Replicas for the sync tests: a device, its replicated state and its vault payload, moved by the accounts core. */
import type { Transition } from '../../../lib/keeper/accounts/accounts';
import type { StoredAccount, VaultPayload } from '../../../lib/keeper/accounts/stored-account';
import {
  applyToPayload,
  EMPTY_SYNC_STATE,
  merge,
  recordLocalChanges,
  type SyncState,
} from '../../../lib/sync';

export interface Replica {
  device: string;
  state: SyncState;
  payload: VaultPayload;
}

export function replica(device: string): Replica {
  return { device, state: EMPTY_SYNC_STATE, payload: { schema: 1, accounts: [] } };
}

/** A user's change through the accounts core, then recorded (as the background would after each vault write). */
export function change(r: Replica, now: number, step: (p: VaultPayload) => Transition<unknown>): Replica {
  const payload = step(r.payload).payload;
  return { ...r, payload, state: recordLocalChanges(r.state, payload, r.device, now) };
}

/** A state arriving from another replica: merged, the vault rebuilt from it, then recorded (folds, report). */
export function deliver(r: Replica, incoming: SyncState, now: number): Replica {
  const merged = merge(r.state, incoming);
  const payload = applyToPayload(r.payload, merged);
  return { ...r, payload, state: recordLocalChanges(merged, payload, r.device, now) };
}

/** A stored TOTP account. */
export function stored(id: string, over: Partial<StoredAccount> = {}): StoredAccount {
  return {
    id,
    type: 'totp',
    issuer: `Issuer ${id}`,
    account: `${id}@example.com`,
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    origins: [],
    createdAt: 1,
    ...over,
  };
}

/** The payload's accounts replaced. */
export const withAccounts =
  (accounts: StoredAccount[]) =>
  (payload: VaultPayload): Transition<undefined> => ({
    payload: { ...payload, accounts },
    result: undefined,
  });
