/**
 * The tab the popup acts on, and the fill script in its page. Under activeTab (granted by the toolbar click,
 * the keyboard command or the context menu): no host permissions. The fill is pinned by `documentId`, so a
 * page that navigated since the popup opened is never filled.
 */
import { browser } from 'wxt/browser';
import type { FillEffects, PageFill } from '../keeper/fill-handlers';
import type { TabContext } from '../messages';

const FILL_SCRIPT = '/content-scripts/fill.js';
/** What the fill content script defines in its isolated world (never visible to the page). */
const FILL_FUNCTION = '__sekimoriFill';

type Target = { tabId: number; documentIds?: string[]; frameIds?: number[] };

async function activeTab(tabId?: number): Promise<number> {
  if (tabId !== undefined) return tabId;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}

/**
 * The tab's top document and, where the extension may see them, its frames of other origins. Under activeTab
 * alone that is none (activeTab covers the tab's own origin); a frame becomes visible, and fillable when the
 * account is bound to it, once the user has granted that origin to Sekimori.
 */
async function tabContext(tabId?: number): Promise<TabContext> {
  const id = await activeTab(tabId);
  try {
    const frames = await browser.scripting.executeScript({
      target: { tabId: id, allFrames: true },
      func: () => location.origin,
    });
    const web = (origin: unknown): origin is string =>
      typeof origin === 'string' && /^https?:\/\//.test(origin);
    const documentIdOf = (frame: unknown) => (frame as { documentId?: string }).documentId;
    const top = frames.find((f) => f.frameId === 0);
    const origin = web(top?.result) ? top.result : null;
    const documentId = (top && documentIdOf(top)) ?? null;
    const others = frames
      .filter((f) => f.frameId !== 0 && web(f.result) && f.result !== origin && documentIdOf(f))
      .map((f) => ({ documentId: documentIdOf(f)!, origin: f.result as string }));
    return { tabId: id, origin, documentId, frames: others };
  } catch {
    return { tabId: id, origin: null, documentId: null, frames: [] }; // a browser page, the web store
  }
}

async function fillInDocument(
  target: { tabId: number; documentId: string; origin: string },
  code: string,
  allowEmailCode: boolean,
): Promise<PageFill> {
  const where: Target = { tabId: target.tabId, documentIds: [target.documentId] };
  await browser.scripting.executeScript({ target: where as never, files: [FILL_SCRIPT] });
  const [frame] = await browser.scripting.executeScript({
    target: where as never,
    func: (name: string, origin: string, value: string, allowEmail: boolean) =>
      (globalThis as unknown as Record<string, (o: string, v: string, a: boolean) => Promise<unknown>>)[
        name
      ]!(origin, value, allowEmail),
    args: [FILL_FUNCTION, target.origin, code, allowEmailCode],
  });
  const result = frame?.result as PageFill | undefined;
  if (!result || typeof result.origin !== 'string') throw new Error('the fill script did not answer');
  return result;
}

export const fillEffects: FillEffects = {
  tabContext,
  fillInDocument,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
