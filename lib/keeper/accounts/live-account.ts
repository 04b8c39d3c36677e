/** Finding a live (not deleted) account, and moving an HOTP counter on: shared by every handler that needs them. */
import type { Keeper } from '../keeper';
import { advanceHotp as advanceHotpIn, inPlace } from './accounts';
import type { StoredAccount } from './stored-account';

export { liveAccount } from './accounts';

/** Commits counter + 1 before any code is made from it, so an HOTP code is never reused. */
export function advanceHotp(keeper: Keeper, id: string): Promise<StoredAccount> {
  return keeper.mutate(inPlace((payload) => advanceHotpIn(payload, { id }))).then(({ account }) => account);
}
