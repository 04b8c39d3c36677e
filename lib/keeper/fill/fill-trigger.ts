/**
 * "Fill 2FA code" from the keyboard command or the context menu on a field: fills the one account bound to
 * the page's exact origin. Anything that needs a choice — no bound account, several, a locked vault, an
 * e-mail code page, no field found — opens the popup instead, where the user sees why.
 */
import type { Handlers } from '../handlers';

export async function fillFromTrigger(
  handlers: Pick<Handlers, 'tab.context' | 'codes.list' | 'fill.code'>,
  tabId: number,
  openPopup: () => Promise<void>,
): Promise<'filled' | 'popup'> {
  const popup = async () => {
    await openPopup().catch(() => undefined);
    return 'popup' as const;
  };
  try {
    const tab = await handlers['tab.context']({ tabId });
    if (!tab.origin || !tab.documentId) return await popup();
    const list = await handlers['codes.list']({});
    if (list.status.vault !== 'unlocked') return await popup();
    const origin = tab.origin;
    const bound = list.accounts.filter((a) => a.origins.includes(origin));
    const [only] = bound;
    if (bound.length !== 1 || !only) return await popup();
    const outcome = await handlers['fill.code']({
      id: only.id,
      tabId,
      documentId: tab.documentId,
      origin,
      frames: tab.frames,
      allowOtherOrigin: false,
      allowEmailCode: false,
    });
    return outcome.result === 'filled' ? 'filled' : await popup();
  } catch {
    return await popup();
  }
}
