/**
 * Drag release → account saved, in Chromium: the scan started from the real toolbar popup on the demo
 * console's Webroot page (a washed-out QR code inside a wide illustration, so one click cannot take it and
 * the user drags), the mouse released by CDP, and the time read in the service worker when the vault write
 * that adds the account has landed (its `highlight` entry in session storage is written right after).
 * Between samples the account is deleted, so every sample adds it anew.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../demo/server';
import {
  createVaultInPopup,
  launchExtension,
  listAccounts,
  openActionPopup,
  waitForOverlay,
} from '../test/e2e/harness';
import { sample } from './stats';

const SAVED_IN_WORKER = `new Promise((resolve) => {
  const on = (changes) => {
    if (!changes.highlight) return;
    chrome.storage.session.onChanged.removeListener(on);
    resolve(Date.now());
  };
  chrome.storage.session.onChanged.addListener(on);
})`;

export async function releaseToSaved(
  extensionPath: string,
  deviceScaleFactor: number,
  runs: number,
  warmup: number,
): Promise<number[]> {
  const demo = await startDemoServer({ port: 0 });
  const profile = await mkdtemp(join(tmpdir(), 'sekimori-bench-scan-'));
  const session = await launchExtension({ extensionPath, userDataDir: profile, deviceScaleFactor });
  try {
    const setup = await session.openPopup();
    await createVaultInPopup(setup, 'bench vault passphrase 2026');
    await setup.close();
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/webroot/2fa`);
    await page.locator('#setup-card').scrollIntoViewIfNeeded();
    const card = await page.locator('#setup-card').boundingBox();
    if (!card) throw new Error('the setup card is not on screen');
    const { qr } = demo.state().webroot;

    return await sample(runs, warmup, async () => {
      const popup = await openActionPopup(session.context, session.extensionId, page);
      await popup.clickButton('Scan QR code');
      await popup.waitClosed();
      await waitForOverlay(page);
      await page.mouse.move(card.x + qr.x - 10, card.y + qr.y - 10);
      await page.mouse.down();
      await page.mouse.move(card.x + qr.x + qr.width + 10, card.y + qr.y + qr.height + 10, { steps: 4 });
      const saved = (await session.serviceWorker()).evaluate(SAVED_IN_WORKER) as Promise<number>;
      await new Promise((resolve) => setTimeout(resolve, 100)); // the listener is in place
      const released = Date.now();
      await page.mouse.up();
      const elapsed = (await saved) - released;
      // Remove it again (and let the page's confirmation go) for the next sample.
      const remover = await session.openPopup();
      for (const account of await listAccounts(session)) {
        await remover.evaluate(
          (id) =>
            (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
            ).chrome.runtime.sendMessage({ type: 'account.delete', payload: { id } }),
          account.id,
        );
      }
      await remover.close();
      await page.bringToFront();
      await waitForOverlay(page, 'detached');
      return elapsed;
    });
  } finally {
    await session.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    await demo.close();
  }
}
