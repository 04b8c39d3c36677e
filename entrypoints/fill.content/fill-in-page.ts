/** Find the code field of this page (lib/autofill) and fill it, unless the page is not the expected site. */
import { fillCodeOutcome, findCodeTarget, framedBySameOrigin, isAutoFillable } from '@/lib/autofill';
import type { PageFill, PageFillOptions } from '@/lib/messages';

export async function fillInPage(
  expectedOrigin: string,
  code: string,
  options: PageFillOptions,
): Promise<PageFill> {
  const origin = location.origin;
  const none = { origin, found: false, emailCode: false, filled: false, notTaken: false };
  if (origin !== expectedOrigin || !/^\d{4,10}$/.test(code)) return none;
  // The stand-in pin: a document that navigated since has a new isolated world without the token.
  const world = globalThis as unknown as Record<string, unknown>;
  if (options.token !== null && world[options.tokenName] !== options.token)
    return { ...none, origin: 'null' };
  // On its own, only where nobody of another origin frames the page (see framedBySameOrigin).
  if (options.auto && !framedBySameOrigin(window)) return none;
  const target = findCodeTarget(document, { focused: document.activeElement });
  if (!target) return none;
  if (target.emailCode && !options.allowEmailCode)
    return { origin, found: true, emailCode: true, sentTo: target.sentTo, filled: false, notTaken: false };
  // Filling on its own (nobody clicked): only a field Sekimori is sure of, and never over what the user typed.
  if (options.auto && !isAutoFillable(target)) {
    return { origin, found: true, emailCode: target.emailCode, filled: false, notTaken: false };
  }
  const typed = await fillCodeOutcome(target, code);
  return {
    origin,
    found: true,
    emailCode: target.emailCode,
    filled: typed === 'filled',
    notTaken: typed === 'not-taken',
  };
}
