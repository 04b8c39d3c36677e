/**
 * Chromium with two extensions at once: Sekimori (the e2e build) and the harness's fixture extension, which plays
 * "another extension" trying to talk to Sekimori. The harness's launchExtension loads one extension; this loads
 * both and tells their service workers apart by their manifests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { BASE_ARGS, browserPath, E2E_EXTENSION, enableDeveloperMode, localeLaunch } from '../harness';

export const FIXTURE_EXTENSION = fileURLToPath(new URL('../harness/fixture-extension', import.meta.url));

export interface TwoExtensions {
  context: BrowserContext;
  ourId: string;
  fixtureId: string;
  /** Sekimori's service worker (the current one). */
  ours(): Worker;
  fixture(): Worker;
  close(): Promise<void>;
}

const idOf = (worker: Worker) => new URL(worker.url()).host;

export async function launchTwoExtensions(): Promise<TwoExtensions> {
  const profile = await mkdtemp(join(tmpdir(), 'sekimori-two-'));
  await enableDeveloperMode(profile);
  const both = `${E2E_EXTENSION},${FIXTURE_EXTENSION}`;
  const locale = localeLaunch('en-US');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...BASE_ARGS,
      ...locale.args,
      `--disable-extensions-except=${both}`,
      `--load-extension=${both}`,
      '--window-size=1280,800',
      '--enable-unsafe-extension-debugging',
    ],
    env: locale.env,
    viewport: null,
    timeout: 30_000,
  });
  const workers = new Map<string, Worker>();
  const deadline = Date.now() + 30_000;
  for (const w of context.serviceWorkers()) workers.set(idOf(w), w);
  context.on('serviceworker', (w) => workers.set(idOf(w), w));
  while (workers.size < 2) {
    if (Date.now() > deadline) throw new Error('both extensions did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  let ourId = '';
  let fixtureId = '';
  for (const [id, worker] of workers) {
    const name = await worker.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }
        ).chrome.runtime.getManifest().name,
    );
    if (name === 'Sekimori harness fixture') fixtureId = id;
    else ourId = id;
  }
  if (!ourId || !fixtureId) throw new Error('could not tell the two extensions apart');
  return {
    context,
    ourId,
    fixtureId,
    ours: () => workers.get(ourId)!,
    fixture: () => workers.get(fixtureId)!,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
