/**
 * The browser side of a fill for tests of the background's logic: which tab and document the popup sees, and
 * what the fill script in that document reports. The page side (finding and filling the field) is lib/autofill,
 * tested over real DOM; the whole path runs end to end in Chromium.
 */
import type { FillEffects, PageFill } from '@/lib/keeper/fill-handlers';
import type { TabContext } from '@/lib/messages';

export interface RecordedFillEffects extends FillEffects {
  /** What the tab shows now (change it to simulate a navigation). */
  tab: TabContext;
  /** What the page's fill script will find. */
  page: { found: boolean; emailCode: boolean };
  /** Frames of other origins by documentId, and whether each holds a code field. */
  framePages: Map<string, { origin: string; found: boolean }>;
  /** Codes handed to pages, with the document they went to. */
  filled: { documentId: string; code: string }[];
  slept: number[];
}

export function recordingFillEffects(): RecordedFillEffects {
  const effects: RecordedFillEffects = {
    tab: {
      tabId: 3,
      origin: 'https://clp.trendmicro.com',
      documentId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
      frames: [],
    },
    framePages: new Map(),
    page: { found: true, emailCode: false },
    filled: [],
    slept: [],
    tabContext: async (tabId) => ({ ...effects.tab, tabId: tabId ?? effects.tab.tabId }),
    fillInDocument: async (target, code, allowEmailCode): Promise<PageFill> => {
      const frame = effects.framePages.get(target.documentId);
      if (frame) {
        const filled = frame.found && frame.origin === target.origin;
        if (filled) effects.filled.push({ documentId: target.documentId, code });
        return { origin: frame.origin, found: frame.found, emailCode: false, filled };
      }
      if (target.documentId !== effects.tab.documentId || target.tabId !== effects.tab.tabId)
        throw new Error('No document with id');
      const origin = effects.tab.origin ?? 'null';
      const mayFill =
        effects.page.found && origin === target.origin && (!effects.page.emailCode || allowEmailCode);
      if (mayFill) effects.filled.push({ documentId: target.documentId, code });
      return { origin, found: effects.page.found, emailCode: effects.page.emailCode, filled: mayFill };
    },
    sleep: async (ms) => void effects.slept.push(ms),
  };
  return effects;
}
