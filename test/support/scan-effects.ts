/**
 * The browser side of a scan for tests of the background's logic: tabs, script injection and screenshots
 * are the browser's (tested end to end in Chromium); here they are recorded, and can be told to fail.
 */
import type { ScanEffects } from '@/lib/keeper/scan/scan-handlers';

export interface RecordedScanEffects extends ScanEffects {
  injected: number[];
  captured: number[];
  /** Tabs whose pages cannot be scripted (browser pages, the web store). */
  unscriptable: Set<number>;
  activeTabId: number;
}

export function recordingScanEffects(dataUrl = 'data:image/png;base64,'): RecordedScanEffects {
  const effects: RecordedScanEffects = {
    injected: [],
    captured: [],
    unscriptable: new Set(),
    activeTabId: 1,
    prepareScanTab: async (tabId) => {
      const id = tabId ?? effects.activeTabId;
      effects.activeTabId = id;
      return { tabId: id, windowId: 100 };
    },
    injectScanScript: async (tabId) => {
      if (effects.unscriptable.has(tabId)) throw new Error('Cannot access contents of the page');
      effects.injected.push(tabId);
    },
    captureTab: async (tabId) => {
      if (tabId !== effects.activeTabId) throw new Error('not the visible tab');
      effects.captured.push(tabId);
      return dataUrl;
    },
  };
  return effects;
}
