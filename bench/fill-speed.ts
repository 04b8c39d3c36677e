/**
 * "Fill" click → field filled, in Chromium on the demo console's Trend login page: the real toolbar popup
 * (activeTab), the click made in the popup, and the time the page's field received the code (its own
 * `input` event). The same machine clock is read in both pages. Samples avoid the last seconds of a
 * 30 s step, where a fill rightly waits for the next code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../demo/server';
import { createVaultInPopup, launchExtension, openActionPopup } from '../test/e2e/harness';
import { sample } from './stats';

const CLICK_FILL = `(() => {
  const b = document.querySelector('li[data-id] button.fill:not([hidden])');
  if (!b) return 0;
  const t = Date.now();
  b.click();
  return t;
})()`;

export async function fillSpeed(extensionPath: string, runs: number, warmup: number): Promise<number[]> {
  const demo = await startDemoServer({ port: 0 });
  const profile = await mkdtemp(join(tmpdir(), 'sekimori-bench-fill-'));
  const session = await launchExtension({ extensionPath, userDataDir: profile });
  try {
    const setup = await session.openPopup();
    await createVaultInPopup(setup, 'bench vault passphrase 2026');
    const send = (message: object) =>
      setup.evaluate(
        (m) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage(m),
        message,
      ) as Promise<{ ok: boolean; value: { added: string[] } }>;
    const trend = demo.state().qrCodes.find((q) => q.page === '/trend/enrol')!.text;
    const { value } = await send({ type: 'enrol.save', payload: { text: trend } });
    await send({ type: 'account.bind', payload: { id: value.added[0], origin: new URL(demo.url).origin } });
    await setup.close();
    const page = await session.context.newPage();

    return await sample(runs, warmup, async () => {
      const left = 30_000 - (Date.now() % 30_000);
      if (left < 5000) await new Promise((resolve) => setTimeout(resolve, left + 200));
      await page.goto(`${demo.url}/trend/login`);
      await page.evaluate(() => {
        const input = document.querySelector('input')!;
        input.addEventListener('input', () => {
          if (/^\d{6}$/.test(input.value)) (window as unknown as { filledAt: number }).filledAt = Date.now();
        });
      });
      const popup = await openActionPopup(session.context, session.extensionId, page);
      let clicked = 0;
      for (let i = 0; i < 200 && !clicked; i++) {
        clicked = await popup.evaluate<number>(CLICK_FILL);
        if (!clicked) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (!clicked) throw new Error('no Fill button in the popup');
      await page.waitForFunction(() => (window as unknown as { filledAt?: number }).filledAt !== undefined);
      const filledAt = await page.evaluate(() => (window as unknown as { filledAt: number }).filledAt);
      await popup.waitClosed();
      return filledAt - clicked;
    });
  } finally {
    await session.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    await demo.close();
  }
}
