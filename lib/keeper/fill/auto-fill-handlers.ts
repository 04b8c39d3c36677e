/**
 * "Fill automatically on this site" (opt-in, per account and exact origin). Turning it on needs the user's
 * grant of that one origin to Sekimori (a browser prompt the popup raises); the choice is kept here for a few
 * minutes so that it completes even when the prompt closed the popup. A small content script then runs on the
 * granted origins only; when it sees one confident, empty code field it asks, and the background fills that
 * document exactly as a "Fill" click would — but only when the vault is unlocked and exactly one account asked
 * for automatic fill on the frame's own origin. Never HOTP (every page load would move its counter); never an
 * e-mail code page; never a form submit. Only on `https:` (or http on this computer's loopback), and only in the
 * top frame or under a top document of the same origin: a plain-http page can be answered, and framed, by anyone
 * on the network path.
 */
import { isSecureWebOrigin } from '../../web-origin';
import type { KeyValueStore } from '../../vault';
import type { FillEffects } from './fill-handlers';
import { codeToFill } from './fill-code-now';
import type { FeatureHandlers } from '../handler-set';
import type { Keeper, KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { liveAccount } from '../accounts/live-account';
import {
  autoFillOrigins,
  checkAutoFillOn,
  inPlace,
  liveAccounts,
  setAutoFill,
  wantedAutoFillOrigins,
} from '../accounts/accounts';
import { fillAllowed } from '../policy/policy-rules';
import { underSameOriginTop, webFrameOrigin } from '../sender';

export interface AutoFillEffects {
  /** Whether the user has granted Sekimori this exact origin. */
  hasOrigin(origin: string): Promise<boolean>;
  /** Runs the automatic-fill script on exactly these origins (the platform keeps only the granted ones). */
  registerAutoFill(origins: string[]): Promise<void>;
  /**
   * Gives a granted origin back: nothing asks for automatic fill there any more. `stillWanted` are the origins
   * accounts still fill on: a browser pattern that also covers one of them is kept (Firefox: one per host).
   */
  releaseOrigin(origin: string, stillWanted: string[]): Promise<void>;
}

/** How long a choice waits for the browser's permission prompt to be answered. */
export const WISH_MS = 5 * 60_000;
const WISHES = 'autofill_wishes';

interface Wish {
  id: string;
  origin: string;
  until: number;
}

async function readWishes(session: KeyValueStore, now: number): Promise<Wish[]> {
  const value = (await session.get([WISHES]))[WISHES];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (w): w is Wish =>
      typeof w === 'object' &&
      w !== null &&
      typeof (w as Wish).id === 'string' &&
      typeof (w as Wish).origin === 'string' &&
      typeof (w as Wish).until === 'number' &&
      (w as Wish).until >= now,
  );
}

const writeWishes = (session: KeyValueStore, wishes: Wish[]) => session.set({ [WISHES]: wishes });

export type AutoFillHandlers = FeatureHandlers<'auto-fill'>;

export interface AutoFill {
  handlers: AutoFillHandlers;
  /** The browser granted origins (permissions.onAdded): completes the choices that waited for them. */
  granted(origins: string[]): Promise<void>;
  /** Makes the registration match the vault (after unlock, after a permission was taken back). */
  sync(): Promise<void>;
}

export function createAutoFill(
  keeper: Keeper,
  deps: KeeperDeps,
  effects: AutoFillEffects & FillEffects,
): AutoFill {
  /** Sets or clears one account's automatic fill on one origin and brings the registration in line. */
  async function apply(id: string, origin: string, on: boolean): Promise<void> {
    const { wanted } = await keeper.mutate(inPlace((p) => setAutoFill(p, { id, origin, on })));
    await effects.registerAutoFill(wanted);
    if (!on && !wanted.includes(origin)) await effects.releaseOrigin(origin, wanted);
  }

  async function dropWish(id: string, origin: string): Promise<void> {
    const now = deps.now();
    const wishes = await readWishes(deps.session, now);
    await writeWishes(
      deps.session,
      wishes.filter((w) => w.id !== id || w.origin !== origin),
    );
  }

  const handlers: AutoFillHandlers = {
    'account.autofill': async ({ id, origin, on }) => {
      const { payload, status } = await keeper.snapshot();
      if (!payload || status.vault !== 'unlocked') throw new KeeperError('locked');
      const account = liveAccount(payload, id);
      if (!on) {
        await dropWish(id, origin);
        await apply(id, origin, false);
        return { state: 'off' };
      }
      checkAutoFillOn(account, origin);
      if (!(await fillAllowed(deps, origin))) throw new KeeperError('policy-forbids');
      if (await effects.hasOrigin(origin)) {
        await dropWish(id, origin);
        await apply(id, origin, true);
        return { state: 'on' };
      }
      const now = deps.now();
      const others = (await readWishes(deps.session, now)).filter((w) => w.id !== id || w.origin !== origin);
      await writeWishes(deps.session, [...others, { id, origin, until: now + WISH_MS }]);
      return { state: 'needs-permission' };
    },

    'fill.auto': async (_payload, sender) => {
      const origin = sender ? webFrameOrigin(sender) : null;
      const tabId = sender?.tab?.id;
      if (!sender || origin === null || tabId === undefined) throw new KeeperError('forbidden');
      if (!isSecureWebOrigin(origin) || !underSameOriginTop(sender, origin)) return { result: 'skipped' };
      const { payload, status } = await keeper.snapshot();
      if (!payload || status.vault !== 'unlocked') return { result: 'locked' };
      const asking = liveAccounts(payload).filter((a) => autoFillOrigins(a).includes(origin));
      if (asking.length !== 1 || !(await effects.hasOrigin(origin))) return { result: 'skipped' };
      if (!(await fillAllowed(deps, origin))) return { result: 'skipped' };
      const code = await codeToFill(keeper, asking[0]!, deps, effects);
      const target = { tabId, origin, documentId: sender.documentId ?? null, frameId: sender.frameId };
      const page = await effects
        .fillInDocument(target, code, { allowEmailCode: false, auto: true })
        .catch(() => null);
      return page?.filled && page.origin === origin ? { result: 'filled' } : { result: 'skipped' };
    },
  };

  return {
    handlers,
    async granted(origins) {
      const now = deps.now();
      const wishes = await readWishes(deps.session, now);
      const ready = wishes.filter((w) => origins.includes(w.origin));
      if (ready.length === 0) return;
      const { status } = await keeper.snapshot();
      if (status.vault !== 'unlocked') return; // kept: completed if the user unlocks within the wish's time
      for (const wish of ready) await apply(wish.id, wish.origin, true).catch(() => undefined);
      await writeWishes(
        deps.session,
        wishes.filter((w) => !ready.includes(w)),
      );
    },
    async sync() {
      const { payload, status } = await keeper.snapshot();
      if (!payload || status.vault !== 'unlocked') return;
      await effects.registerAutoFill(wantedAutoFillOrigins(payload));
      const pending = (await readWishes(deps.session, deps.now())).map((w) => w.origin);
      const granted: string[] = [];
      for (const origin of new Set(pending)) if (await effects.hasOrigin(origin)) granted.push(origin);
      if (granted.length) await this.granted(granted);
    },
  };
}
