/** The code a fill types: a TOTP code about to expire is not worth typing, so the next one is waited for. */
import { generateCode } from '../../otp/generate-code';
import type { Keeper, KeeperDeps } from '../keeper';
import { advanceHotp } from '../accounts/live-account';
import type { StoredAccount } from '../accounts/stored-account';
import { clockShift } from '../clock/clock';

/** A code with this little time left is not worth typing: wait for the next one. */
export const MIN_REMAINING_MS = 3000;

export async function codeToFill(
  keeper: Keeper,
  account: StoredAccount,
  deps: Pick<KeeperDeps, 'now' | 'local' | 'session'>,
  effects: { sleep(ms: number): Promise<void> },
): Promise<string> {
  // HOTP moves its counter on first (persisted before the code exists).
  if (account.type === 'hotp') return generateCode(await advanceHotp(keeper, account.id), deps.now());
  // At the measured server time when the user chose it (clock check).
  const shift = await clockShift(deps);
  const periodMs = account.period * 1000;
  const remaining = periodMs - ((deps.now() + shift) % periodMs);
  if (remaining <= MIN_REMAINING_MS) await effects.sleep(remaining + 50);
  return generateCode(account, deps.now() + shift);
}
