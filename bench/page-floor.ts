/**
 * The browser's own floor for an extension page on this machine: a fresh tab opens an extension page that
 * shows nothing (offscreen.html), and the time is taken the same way as for the popup — navigation start to the
 * end of the first frame after DOMContentLoaded. Whatever the popup takes beyond this is Sekimori's share.
 */
import type { ExtensionSession } from '../test/e2e/harness';
import { median, sample } from './stats';

const PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  window.__floor = 0;
  document.addEventListener('DOMContentLoaded', () => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__floor = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
})();`;

export async function pageFloor(
  session: ExtensionSession,
  opts: { runs: number; warmup: number },
): Promise<{ samples: number[]; median: number; warmup: number }> {
  const samples = await sample(opts.runs, opts.warmup, async () => {
    const page = await session.context.newPage();
    await page.addInitScript({ content: PROBE });
    await page.goto(`chrome-extension://${session.extensionId}/offscreen.html`, { waitUntil: 'commit' });
    const deadline = Date.now() + 10_000;
    let value = 0;
    while (!value && Date.now() < deadline) {
      value = (await page.evaluate('window.__floor || 0')) as number;
      if (!value) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await page.close();
    if (!value) throw new Error('empty extension page never painted');
    await new Promise((resolve) => setTimeout(resolve, 150));
    return value;
  });
  return { samples, median: median(samples), warmup: opts.warmup };
}
