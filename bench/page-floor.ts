/**
 * The browser's own floor for an extension page on this machine: a fresh tab opens an extension page that
 * shows nothing (offscreen.html), and the time is taken the same way as for the popup — navigation start to the
 * end of the first frame after DOMContentLoaded, reported the same way (a console message, no polling).
 * Whatever the popup takes beyond this is Sekimori's share. With `stopWorker`, the service worker is stopped
 * first, as for a cold popup: the cold floor (a new renderer process, which no extension avoids).
 */
import type { ExtensionSession } from '../test/e2e/harness';
import { probeReport, READY_SIGNAL } from './page-scripts';
import { median, sample } from './stats';

const PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  document.addEventListener('DOMContentLoaded', () => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { console.debug(${JSON.stringify(READY_SIGNAL)} + performance.now()); };
      channel.port2.postMessage(null);
    });
  });
})();`;

export async function pageFloor(
  session: ExtensionSession,
  opts: { runs: number; warmup: number; stopWorker?: boolean },
): Promise<{ samples: number[]; median: number; warmup: number }> {
  const samples = await sample(opts.runs, opts.warmup, async () => {
    if (opts.stopWorker) await session.stopServiceWorker();
    const page = await session.context.newPage();
    await page.addInitScript({ content: PROBE });
    const report = probeReport<number>(page, 10_000);
    await page.goto(`chrome-extension://${session.extensionId}/offscreen.html`, { waitUntil: 'commit' });
    const value = await report;
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    return value;
  });
  return { samples, median: median(samples), warmup: opts.warmup };
}
