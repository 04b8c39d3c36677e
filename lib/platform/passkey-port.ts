/**
 * The passkey ceremony and its window, as one object the pages are given (components/passkey-context.ts):
 * null where this browser cannot run the ceremony from an extension page.
 */
import type { PasskeyInfo, PasskeyState } from '../messages';
import { inToolbarPopup, openPasskeyWindow, returnToToolbarPopup } from './pages';
import { askPasskey, createPasskey, passkeysSupported, type PasskeyAnswer } from './webauthn';

export interface PasskeyPort {
  create(
    name: string,
    userVerification: PasskeyState['userVerification'],
  ): Promise<PasskeyAnswer & { prfSalt: string }>;
  ask(
    passkeys: readonly Pick<PasskeyInfo, 'id' | 'prfSalt'>[],
    userVerification: PasskeyState['userVerification'],
  ): Promise<PasskeyAnswer>;
  /** The toolbar popup runs no ceremony itself: it opens a window of its own for it (and closes). */
  inToolbarPopup(): Promise<boolean>;
  openWindow(): Promise<void>;
  /** This page is that window: the ceremony starts at once. */
  autoStart: boolean;
  /** After an unlock here: the passkey window hands over to the toolbar popup and closes. */
  afterUnlock(): Promise<void>;
}

/**
 * `search`: the page's query. The passkey window is the popup page with `?passkey=unlock` (and `window=` the
 * browser window it came from).
 */
export function passkeyPort(search: string): PasskeyPort | null {
  if (!passkeysSupported()) return null;
  const query = new URLSearchParams(search);
  const inWindow = query.get('passkey') === 'unlock';
  const windowId = /^\d{1,10}$/.test(query.get('window') ?? '') ? Number(query.get('window')) : null;
  return {
    create: createPasskey,
    ask: askPasskey,
    inToolbarPopup,
    openWindow: openPasskeyWindow,
    autoStart: inWindow,
    async afterUnlock() {
      if (inWindow && (await returnToToolbarPopup(windowId))) window.close();
    },
  };
}
