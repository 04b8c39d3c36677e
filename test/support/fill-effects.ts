/**
 * The browser side of a fill for tests of the background's logic: which tab and document the popup sees, and
 * what the fill script in that document reports. The page side (finding and filling the field) is lib/autofill,
 * tested over real DOM; the whole path runs end to end in Chromium.
 */
import type { AutoFillEffects } from '@/lib/keeper/fill/auto-fill-handlers';
import type { FillEffects, PageFill } from '@/lib/keeper/fill/fill-handlers';
import type { TabContext } from '@/lib/messages';

export interface RecordedFillEffects extends FillEffects, AutoFillEffects {
  /** What the tab shows now (change it to simulate a navigation). */
  tab: TabContext;
  /**
   * What the page's fill script will find. `confident`/`empty` matter to the automatic fill only, which types
   * into a confident, empty field alone (both default true). `refuses`: the field does not keep what is typed
   * (read back wrong, cleared again: `notTaken`).
   */
  page: {
    found: boolean;
    emailCode: boolean;
    sentTo?: 'email' | 'sms';
    confident?: boolean;
    empty?: boolean;
    refuses?: boolean;
  };
  /** Origins the user granted Sekimori (the browser's permission prompt, answered). */
  grantedOrigins: Set<string>;
  /** The origins the automatic-fill script was last registered on (null: never registered). */
  registered: string[] | null;
  /** Origins given back. */
  released: string[];
  /** Frames of other origins by documentId, and whether each holds a code field (and whether it refuses the code). */
  framePages: Map<string, { origin: string; found: boolean; refuses?: boolean }>;
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
    grantedOrigins: new Set(),
    registered: null,
    released: [],
    filled: [],
    slept: [],
    hasOrigin: async (origin) => effects.grantedOrigins.has(origin),
    registerAutoFill: async (origins) => {
      effects.registered = origins.filter((o) => effects.grantedOrigins.has(o));
    },
    releaseOrigin: async (origin) => {
      effects.released.push(origin);
      effects.grantedOrigins.delete(origin);
    },
    tabContext: async (tabId) => ({ ...effects.tab, tabId: tabId ?? effects.tab.tabId }),
    fillInDocument: async (target, code, { allowEmailCode, auto = false }): Promise<PageFill> => {
      // Without a document id (automatic fill, browsers without them) the fake's frame 0 is the tab's document.
      const documentId =
        target.documentId ?? (target.frameId === 0 ? effects.tab.documentId : null) ?? 'no document';
      const frame = effects.framePages.get(documentId);
      if (frame) {
        const typed = frame.found && frame.origin === target.origin;
        if (typed) effects.filled.push({ documentId, code });
        const refused = typed && frame.refuses === true;
        return {
          origin: frame.origin,
          found: frame.found,
          emailCode: false,
          filled: typed && !refused,
          notTaken: refused,
        };
      }
      if (documentId !== effects.tab.documentId || target.tabId !== effects.tab.tabId)
        throw new Error('No document with id');
      const origin = effects.tab.origin ?? 'null';
      const { found, emailCode, confident = true, empty = true } = effects.page;
      const mayFill =
        found &&
        origin === target.origin &&
        (!emailCode || allowEmailCode) &&
        (!auto || (confident && empty && !emailCode));
      if (mayFill) effects.filled.push({ documentId, code });
      const { sentTo } = effects.page;
      const refused = mayFill && effects.page.refuses === true;
      return {
        origin,
        found: effects.page.found,
        emailCode: effects.page.emailCode,
        sentTo,
        filled: mayFill && !refused,
        notTaken: refused,
      };
    },
    sleep: async (ms) => void effects.slept.push(ms),
  };
  return effects;
}
