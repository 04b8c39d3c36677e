/**
 * Filling the console's 2FA field. The background decides: the account must be bound to the page's exact
 * origin (or the user confirmed, naming both), the fill is pinned to the document the popup saw, and the
 * fill script in the page receives only the code. An e-mail code page is filled only on the user's choice.
 */
import { generateCode } from '../otp/generate-code';
import type { Keeper, KeeperDeps } from './keeper';
import { KeeperError } from './keeper-error';
import { advanceHotp, liveAccount } from './live-account';
import type { Handlers } from './handlers';
import type { StoredAccount } from './stored-account';

import type { PageFill, TabContext } from '../messages';

export type { PageFill };

export interface FillEffects {
  tabContext(tabId?: number): Promise<TabContext>;
  /**
   * Runs the fill script in that one document (a navigation since makes this reject) with the code and
   * whether an e-mail code page may be filled; fills only when the document's origin is `origin`.
   */
  fillInDocument(
    target: { tabId: number; documentId: string; origin: string },
    code: string,
    allowEmailCode: boolean,
  ): Promise<PageFill>;
  sleep(ms: number): Promise<void>;
}

/** A code with this little time left is not worth typing: wait for the next one. */
export const MIN_REMAINING_MS = 3000;

type FillHandlers = Pick<Handlers, 'tab.context' | 'account.bind' | 'account.origins' | 'fill.code'>;

export function createFillHandlers(keeper: Keeper, deps: KeeperDeps, effects: FillEffects): FillHandlers {
  /** The code to fill now; HOTP moves its counter on first (persisted before the code exists). */
  async function codeFor(account: StoredAccount): Promise<string> {
    if (account.type === 'hotp') return generateCode(await advanceHotp(keeper, account.id), deps.now());
    const periodMs = account.period * 1000;
    const remaining = periodMs - (deps.now() % periodMs);
    if (remaining <= MIN_REMAINING_MS) await effects.sleep(remaining + 50);
    return generateCode(account, deps.now());
  }

  return {
    'tab.context': async ({ tabId }) => {
      try {
        return await effects.tabContext(tabId);
      } catch {
        throw new KeeperError('fill-not-allowed');
      }
    },
    'account.bind': ({ id, origin }) =>
      keeper.mutate((payload) => {
        const account = liveAccount(payload, id);
        if (!account.origins.includes(origin)) account.origins.push(origin);
        return { id };
      }),
    'account.origins': ({ id, origins }) =>
      keeper.mutate((payload) => {
        liveAccount(payload, id).origins = [...new Set(origins)];
        return { id };
      }),
    'fill.code': async ({ id, tabId, documentId, origin, frames, allowOtherOrigin, allowEmailCode }) => {
      const { payload, status } = await keeper.snapshot();
      if (!payload || status.vault !== 'unlocked') throw new KeeperError('locked');
      const account = liveAccount(payload, id);
      if (!allowOtherOrigin && !account.origins.includes(origin)) {
        return { result: 'confirm-origin', origin, accountOrigins: [...account.origins] };
      }
      const code = await codeFor(account);
      let page: PageFill;
      try {
        page = await effects.fillInDocument({ tabId, documentId, origin }, code, allowEmailCode);
      } catch {
        throw new KeeperError('fill-navigated');
      }
      if (page.origin !== origin) throw new KeeperError('fill-navigated');
      if (page.emailCode && !page.filled && !allowEmailCode) return { result: 'confirm-email-code' };
      if (page.filled) return { result: 'filled' };
      // A login form framed from another site is that site's: filled only when the account is bound to it.
      for (const frame of frames) {
        if (frame.origin === origin || !account.origins.includes(frame.origin)) continue;
        const inFrame = await effects
          .fillInDocument({ tabId, documentId: frame.documentId, origin: frame.origin }, code, false)
          .catch(() => null);
        if (inFrame?.filled && inFrame.origin === frame.origin) return { result: 'filled' };
      }
      return { result: 'no-field', code };
    },
  };
}
