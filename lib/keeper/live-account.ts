/** Finding a live (not deleted) account, and moving an HOTP counter on: shared by every handler that needs them. */
import type { Keeper } from './keeper';
import { KeeperError } from './keeper-error';
import type { StoredAccount, VaultPayload } from './stored-account';

export function liveAccount(payload: VaultPayload, id: string): StoredAccount {
  const found = payload.accounts.find((a) => a.id === id && a.deletedAt === undefined);
  if (!found) throw new KeeperError('not-found');
  return found;
}

/** Commits counter + 1 before any code is made from it, so an HOTP code is never reused. */
export function advanceHotp(keeper: Keeper, id: string): Promise<StoredAccount> {
  return keeper.mutate((payload) => {
    const current = liveAccount(payload, id);
    if (current.type !== 'hotp') throw new KeeperError('not-hotp');
    current.counter += 1;
    return { ...current };
  });
}
