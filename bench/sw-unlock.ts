/**
 * Unlock as users feel it: from an extension page, 'vault.unlock' to the service worker (PBKDF2 in the worker's
 * WebCrypto, then the vault opened once for the status) and back, timed by the page clock.
 */
import type { ExtensionSession } from '../test/e2e/harness';
import { LOCK_SCRIPT, unlockScript } from './page-scripts';
import { median, sample } from './stats';

export async function workerUnlock(
  session: ExtensionSession,
  password: string,
  opts: { runs: number; warmup: number },
): Promise<{ samples: number[]; median: number; warmup: number }> {
  const page = await session.openPopup();
  try {
    // Reloaded while locked, the page shows the light unlock screen instead of 200 ticking rows.
    await page.evaluate(LOCK_SCRIPT);
    await page.reload();
    const samples = await sample(
      opts.runs,
      opts.warmup,
      async () => (await page.evaluate(unlockScript(password))) as number,
    );
    return { samples, median: median(samples), warmup: opts.warmup };
  } finally {
    await page.close();
  }
}
