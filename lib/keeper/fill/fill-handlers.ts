/**
 * Filling the console's 2FA field. The background decides: the account must be bound to the page's exact
 * origin (or the user confirmed, naming both), the fill is pinned to the document the popup saw, and the
 * fill script in the page receives only the code. An e-mail code page is filled only on the user's choice.
 */
import type { Keeper, KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { liveAccount } from '../accounts/live-account';
import { bindSite, inPlace, setOrigins } from '../accounts/accounts';
import type { FeatureHandlers } from '../handler-set';
import { codeToFill } from './fill-code-now';
import { fillAllowed } from '../policy/policy-rules';

import type { PageFill, TabContext } from '../../messages';

export type { PageFill };
export { MIN_REMAINING_MS } from './fill-code-now';

/**
 * The document a fill goes to: pinned by `documentId` (a navigation since makes the fill reject), or — only
 * for the automatic fill's own sender on a browser that reports no document ids — by its frame, where the
 * page's origin is checked again before anything is typed.
 */
export interface FillTarget {
  tabId: number;
  origin: string;
  documentId: string | null;
  frameId?: number;
}

export interface FillMode {
  /** The user chose to fill a page that asks for an e-mailed code. */
  allowEmailCode: boolean;
  /** Automatic fill: only a confident field that is still empty. */
  auto?: boolean;
}

export interface FillEffects {
  tabContext(tabId?: number): Promise<TabContext>;
  /** Runs the fill script in that one document with the code; fills only when its origin is `origin`. */
  fillInDocument(target: FillTarget, code: string, mode: FillMode): Promise<PageFill>;
  sleep(ms: number): Promise<void>;
}

type FillHandlers = FeatureHandlers<'fill'>;

export function createFillHandlers(keeper: Keeper, deps: KeeperDeps, effects: FillEffects): FillHandlers {
  return {
    'tab.context': async ({ tabId }) => {
      try {
        return await effects.tabContext(tabId);
      } catch {
        throw new KeeperError('fill-not-allowed');
      }
    },
    'account.bind': ({ id, origin }) =>
      keeper.mutate(inPlace((payload) => bindSite(payload, { id, origin }))),
    'account.origins': ({ id, origins }) =>
      // A site removed takes its automatic fill with it (added again, it starts without).
      keeper.mutate(inPlace((payload) => setOrigins(payload, { id, origins }))),
    'fill.code': async ({ id, tabId, documentId, origin, frames, allowOtherOrigin, allowEmailCode }) => {
      const { payload, status } = await keeper.snapshot();
      if (!payload || status.vault !== 'unlocked') throw new KeeperError('locked');
      const account = liveAccount(payload, id);
      if (!(await fillAllowed(deps, origin))) throw new KeeperError('policy-forbids');
      if (!allowOtherOrigin && !account.origins.includes(origin)) {
        return { result: 'confirm-origin', origin, accountOrigins: [...account.origins] };
      }
      const code = await codeToFill(keeper, account, deps, effects);
      let page: PageFill;
      try {
        page = await effects.fillInDocument({ tabId, documentId, origin }, code, { allowEmailCode });
      } catch {
        throw new KeeperError('fill-navigated');
      }
      if (page.origin !== origin) throw new KeeperError('fill-navigated');
      if (page.emailCode && !page.filled && !allowEmailCode) {
        return { result: page.sentTo === 'sms' ? 'confirm-sms-code' : 'confirm-email-code' };
      }
      if (page.filled) return { result: 'filled' };
      let notTaken = page.notTaken === true;
      // A login form framed from another site is that site's: filled only when the account is bound to it.
      for (const frame of frames) {
        if (frame.origin === origin || !account.origins.includes(frame.origin)) continue;
        if (!(await fillAllowed(deps, frame.origin))) continue;
        const inFrame = await effects
          .fillInDocument({ tabId, documentId: frame.documentId, origin: frame.origin }, code, {
            allowEmailCode: false,
          })
          .catch(() => null);
        if (inFrame?.filled && inFrame.origin === frame.origin) return { result: 'filled' };
        if (inFrame?.notTaken === true && inFrame.origin === frame.origin) notTaken = true;
      }
      // The code goes to the popup to copy: no field, or a field that did not keep it (cleared again).
      return notTaken ? { result: 'not-taken', code } : { result: 'no-field', code };
    },
  };
}
