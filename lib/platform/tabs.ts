/**
 * Tabs, script injection and screenshots for the scan. Everything runs under `activeTab` (granted by the
 * toolbar popup, the context menu or the keyboard command): no host permissions.
 */
import { browser } from 'wxt/browser';
import type { ScanEffects } from '../keeper/scan/scan-handlers';

const SCAN_SCRIPT = '/content-scripts/scan.js';
/** Installs the shared QR decoder (jsQR) in the scan script's world first: it ships once. */
const QR_DECODER_SCRIPT = '/qr-decoder.js';
/** Chromium allows two captures a second per extension. */
const CAPTURE_RETRY_MS = 550;

async function prepareScanTab(tabId?: number): Promise<{ tabId: number; windowId: number }> {
  if (tabId !== undefined) {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.id === undefined || tab.windowId === undefined) throw new Error('no such tab');
    await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    return { tabId: tab.id, windowId: tab.windowId };
  }
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined || tab.windowId === undefined) throw new Error('no active tab');
  return { tabId: tab.id, windowId: tab.windowId };
}

async function injectScanScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    files: [QR_DECODER_SCRIPT, SCAN_SCRIPT],
  });
}

async function captureTab(tabId: number, windowId: number): Promise<string> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.active || tab.windowId !== windowId) throw new Error('the scanned tab is not the visible one');
  for (let attempt = 0; ; attempt++) {
    try {
      return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
    } catch (error) {
      if (attempt >= 2 || !/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, CAPTURE_RETRY_MS));
    }
  }
}

export const scanEffects: ScanEffects = { prepareScanTab, injectScanScript, captureTab };

export const MENU_ID = 'sekimori-scan';
export const COMMAND = 'scan-qr';
export const FILL_MENU_ID = 'sekimori-fill';
export const FILL_COMMAND = 'fill-2fa';

interface Listenable<F> {
  addListener(listener: F): void;
}
type TabLike = { id?: number } | undefined;

/** The part of the extension API the scan triggers use (the real `browser`, or a stand-in in tests). */
export interface TriggerApi {
  runtime: { onInstalled: Listenable<() => void>; onStartup: Listenable<() => void> };
  contextMenus: {
    removeAll(): Promise<void>;
    create(properties: { id: string; title: string; contexts: string[] }): unknown;
    onClicked: Listenable<(info: { menuItemId: string | number }, tab?: TabLike) => void>;
  };
  commands: { onCommand: Listenable<(command: string, tab?: TabLike) => void> };
  tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<TabLike[]> };
}

/**
 * The context-menu items and keyboard commands: "Scan QR code" on a page, "Fill 2FA code" on a field, each
 * acting on the tab it came from (each grants activeTab there). Menu items do not survive Firefox restarts:
 * they are re-created at every start-up.
 */
export function registerScanTriggers(
  title: string,
  start: (tabId: number) => void,
  api: TriggerApi = browser as unknown as TriggerApi,
  fill?: { title: string; run: (tabId: number) => void },
): void {
  const create = () =>
    void api.contextMenus.removeAll().then(() => {
      api.contextMenus.create({
        id: MENU_ID,
        title,
        contexts: ['page', 'image', 'frame', 'selection', 'link'],
      });
      if (fill) api.contextMenus.create({ id: FILL_MENU_ID, title: fill.title, contexts: ['editable'] });
    });
  api.runtime.onInstalled.addListener(create);
  api.runtime.onStartup.addListener(create);
  const startOn = (tab: TabLike) => {
    if (tab?.id !== undefined && tab.id >= 0) start(tab.id);
  };
  const fillOn = (tab: TabLike) => {
    if (fill && tab?.id !== undefined && tab.id >= 0) fill.run(tab.id);
  };
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) startOn(tab);
    if (info.menuItemId === FILL_MENU_ID) fillOn(tab);
  });
  api.commands.onCommand.addListener((command, tab) => {
    const run = command === COMMAND ? startOn : command === FILL_COMMAND ? fillOn : null;
    if (!run) return;
    if (tab?.id !== undefined) return run(tab);
    // Older Firefox passes no tab: the active tab of the focused window is where the user pressed the keys.
    void api.tabs.query({ active: true, lastFocusedWindow: true }).then(([active]) => run(active));
  });
}

/** The toolbar popup, opened for the user (Chrome 127+ and Firefox allow it on a command or menu click). */
export async function openActionPopup(): Promise<void> {
  const action = (browser as unknown as { action?: { openPopup?: () => Promise<void> } }).action;
  await action?.openPopup?.();
}
