/**
 * The tab the popup acts on, and the fill script in its page. Under activeTab (granted by the toolbar click,
 * the keyboard command or the context menu): no host permissions. The fill is pinned by `documentId`, so a
 * page that navigated since the popup opened is never filled.
 */
import { browser } from 'wxt/browser';
import type { FillEffects, FillMode, FillTarget, PageFill } from '../keeper/fill/fill-handlers';
import type { PageFillOptions, TabContext } from '../messages';

const FILL_SCRIPT = '/content-scripts/fill.js';
/** What the fill content script defines in its isolated world (never visible to the page). */
const FILL_FUNCTION = '__sekimoriFill';
/**
 * Where the browser reports no document ids (Firefox), a document is pinned by a random token kept in its
 * isolated world: a navigation makes a new document, whose world has no token, so the fill is refused.
 */
const DOC_TOKEN = '__sekimoriDocument';
const STAND_IN = /^f(\d{1,10})-([0-9a-f]{32})$/;

type Target = { tabId: number; documentIds?: string[]; frameIds?: number[] };
type FrameResult = { frameId: number; result?: unknown; documentId?: string };

async function activeTab(tabId?: number): Promise<number> {
  if (tabId !== undefined) return tabId;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}

const web = (origin: unknown): origin is string => typeof origin === 'string' && /^https?:\/\//.test(origin);

/** Each frame's origin and document id (or, without ids, a stand-in token set in its isolated world). */
async function frameOrigins(
  tabId: number,
): Promise<{ frameId: number; origin: unknown; documentId?: string }[]> {
  const frames = (await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => location.origin,
  })) as FrameResult[];
  if (frames.every((f) => f.documentId)) {
    return frames.map((f) => ({ frameId: f.frameId, origin: f.result, documentId: f.documentId }));
  }
  const tokens = (await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: (name: string) => {
      const world = globalThis as unknown as Record<string, string | undefined>;
      world[name] ??= Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('');
      return [location.origin, world[name]];
    },
    args: [DOC_TOKEN],
  })) as FrameResult[];
  return tokens.map((f) => {
    const [origin, token] = (f.result as [string, string] | undefined) ?? [];
    return { frameId: f.frameId, origin, documentId: token ? `f${f.frameId}-${token}` : undefined };
  });
}

/**
 * The tab's top document and, where the extension may see them, its frames of other origins. Under activeTab
 * alone that is none (activeTab covers the tab's own origin); a frame becomes visible, and fillable when the
 * account is bound to it, once the user has granted that origin to Sekimori.
 */
async function tabContext(tabId?: number): Promise<TabContext> {
  const id = await activeTab(tabId);
  try {
    const frames = await frameOrigins(id);
    const top = frames.find((f) => f.frameId === 0);
    const origin = web(top?.origin) ? top.origin : null;
    const others = frames
      .filter((f) => f.frameId !== 0 && web(f.origin) && f.origin !== origin && f.documentId)
      .map((f) => ({ documentId: f.documentId!, origin: f.origin as string }));
    return { tabId: id, origin, documentId: top?.documentId ?? null, frames: others };
  } catch {
    return { tabId: id, origin: null, documentId: null, frames: [] }; // a browser page, the web store
  }
}

/** Where to run the fill script, and the stand-in token the document must still hold (if any). */
function whereTo(target: FillTarget): { where: Target; token: string | null } {
  const standIn = target.documentId ? STAND_IN.exec(target.documentId) : null;
  if (standIn) return { where: { tabId: target.tabId, frameIds: [Number(standIn[1])] }, token: standIn[2]! };
  if (target.documentId)
    return { where: { tabId: target.tabId, documentIds: [target.documentId] }, token: null };
  if (target.frameId === undefined) throw new Error('no document to fill');
  return { where: { tabId: target.tabId, frameIds: [target.frameId] }, token: null };
}

async function fillInDocument(target: FillTarget, code: string, mode: FillMode): Promise<PageFill> {
  const { where, token } = whereTo(target);
  await browser.scripting.executeScript({ target: where as never, files: [FILL_SCRIPT] });
  const [frame] = await browser.scripting.executeScript({
    target: where as never,
    func: (name: string, origin: string, value: string, options: PageFillOptions) =>
      (
        globalThis as unknown as Record<
          string,
          (o: string, v: string, m: PageFillOptions) => Promise<unknown>
        >
      )[name]!(origin, value, options),
    args: [
      FILL_FUNCTION,
      target.origin,
      code,
      { ...mode, auto: mode.auto ?? false, token, tokenName: DOC_TOKEN },
    ],
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
