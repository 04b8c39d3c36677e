/**
 * Automatic fill, in the fill script when it runs registered (on the origins the user granted for "Fill
 * automatically on this site", never declared in the manifest; the registration puts AUTO_FILL_MARKER's file
 * before this one). It looks for one confident, empty code field — now, and as the page changes, for a while —
 * and then asks the background once. It never receives the code: the background fills this very document through
 * `fillInPage`, exactly as a "Fill" click would. It injects no UI and submits nothing. It stays idle on plain
 * http (except loopback) and in a frame under another origin.
 */
import { framedBySameOrigin } from '@/lib/autofill';
import { createClient, type PageClient } from '@/lib/messages';
import { sendToBackground } from '@/lib/platform/runtime';
import { isSecureWebOrigin } from '@/lib/web-origin';
import { watchForCodeField } from './watch';

/** Set (to true, in this isolated world) by public/auto-fill-marker.js, which only the registration runs. */
export const AUTO_FILL_MARKER = '__sekimoriAutoFill';
const WATCHING = '__sekimoriWatching';

export function startAutoFill(world: Record<string, unknown>): void {
  if (world[AUTO_FILL_MARKER] !== true || world[WATCHING] === true) return;
  world[WATCHING] = true;
  // Never over plain http off this computer, never inside a page of another origin (the background checks too).
  if (!isSecureWebOrigin(location.origin) || !framedBySameOrigin(window)) return;
  const client: PageClient = createClient<'web-frame'>(sendToBackground);
  watchForCodeField(document, () => void client.call('fill.auto', {}).catch(() => undefined));
}
