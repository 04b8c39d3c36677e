/** Opening our own extension pages from the popup. */
import { browser } from 'wxt/browser';

/** The options page at a section (e.g. `add-from-image`), in a new tab. */
export async function openOptionsSection(section: string): Promise<void> {
  const url = browser.runtime.getURL(`/options.html#${section}` as '/popup.html');
  await browser.tabs.create({ url });
}
