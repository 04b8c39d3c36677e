/** Opening our own extension pages from the popup. */
import { browser } from 'wxt/browser';

/** The options page at a section (e.g. `add-from-image`), in a new tab. */
export async function openOptionsSection(section: string): Promise<void> {
  const url = browser.runtime.getURL(`/options.html#${section}` as '/popup.html');
  await browser.tabs.create({ url });
}

/** Whether this page is the toolbar popup (not a tab, nor a window of its own). */
export async function inToolbarPopup(): Promise<boolean> {
  return (await browser.tabs.getCurrent()) === undefined;
}

/**
 * Opens the popup in a small window of its own to run the passkey ceremony there: the toolbar popup closes as
 * soon as an OS passkey dialog takes the focus (Firefox), or the dialog can open behind it. The window knows
 * the tab the toolbar popup was over (for Fill) and the browser window to come back to.
 */
export async function openPasskeyWindow(): Promise<void> {
  const [here, [tab]] = await Promise.all([
    browser.windows.getCurrent(),
    browser.tabs.query({ active: true, currentWindow: true }),
  ]);
  const query = new URLSearchParams({ passkey: 'unlock' });
  if (tab?.id !== undefined) query.set('tab', String(tab.id));
  if (here.id !== undefined) query.set('window', String(here.id));
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html?${query.toString()}` as '/popup.html'),
    type: 'popup',
    width: 380,
    height: 600,
    focused: true,
  });
}

/**
 * After an unlock in the passkey window: the browser window it came from gets the focus back and its toolbar
 * popup opens on the codes. False where the browser cannot open it (the window then shows the codes itself).
 */
export async function returnToToolbarPopup(windowId: number | null): Promise<boolean> {
  try {
    if (windowId !== null) await browser.windows.update(windowId, { focused: true });
    await browser.action.openPopup(windowId !== null ? { windowId } : undefined);
    return true;
  } catch {
    return false;
  }
}
