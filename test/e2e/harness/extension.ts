/**
 * Launching Chromium with the unpacked extension, and the few things tests do to it: find its id, open the
 * popup in a tab, reload it, stop its service worker. Recipes from shared/reference/toolchain.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { BASE_ARGS, browserPath, localeLaunch, type Locale } from './browser';
import { enableDeveloperMode } from './profile';

/** The build the end-to-end tests load: `npm run build:e2e` (production + loopback host permissions). */
export const E2E_EXTENSION = fileURLToPath(new URL('../../../.output/chrome-mv3-e2e', import.meta.url));

export interface LaunchExtensionOptions {
  /** The unpacked build, e.g. `.output/chrome-mv3`. */
  extensionPath: string;
  /** Profile directory; a fresh temporary one (removed by `close()`) when omitted. */
  userDataDir?: string;
  /** Browser UI language, which `chrome.i18n` follows. Default 'en-US'. */
  locale?: Locale;
  colorScheme?: 'light' | 'dark';
  /**
   * Real device scale (`--force-device-scale-factor`), so that `tabs.captureVisibleTab` and page screenshots
   * agree. Needs a new browser per scale.
   */
  deviceScaleFactor?: number;
  /** Default true (Chrome's new headless mode). */
  headless?: boolean;
  /** Window size in CSS pixels. Default 1280×800. */
  windowSize?: { width: number; height: number };
  /** More Chromium switches. */
  args?: string[];
  /** Milliseconds to wait for the service worker and similar events. Default 30 s. */
  timeout?: number;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The running service worker of the extension (started through CDP when it was stopped). */
  serviceWorker(): Promise<Worker>;
  /** Opens `chrome-extension://ID/popup.html[?query]` in a new tab. */
  openPopup(query?: string): Promise<Page>;
  /** `chrome.runtime.reload()`, resolved when the new service worker runs. Extension tabs close. */
  reloadExtension(): Promise<Worker>;
  /** Stops the service worker (as Chrome does when idle), resolved once it is really stopped. */
  stopServiceWorker(): Promise<void>;
  /** Closes the browser, and removes the profile if it was a temporary one. */
  close(): Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface VersionInfo {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
  status: string;
}

export async function launchExtension(opts: LaunchExtensionOptions): Promise<ExtensionSession> {
  const extensionPath = resolve(opts.extensionPath);
  const timeout = opts.timeout ?? 30_000;
  const ownProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'sekimori-e2e-')));
  await enableDeveloperMode(userDataDir);

  const { width, height } = opts.windowSize ?? { width: 1280, height: 800 };
  const locale = localeLaunch(opts.locale ?? 'en-US');
  const args = [
    ...BASE_ARGS,
    ...locale.args,
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    `--window-size=${width},${height}`,
    // Lets tests click the toolbar action through CDP (Extensions.triggerAction), which grants activeTab.
    '--enable-unsafe-extension-debugging',
    ...(opts.deviceScaleFactor ? [`--force-device-scale-factor=${opts.deviceScaleFactor}`] : []),
    ...(opts.args ?? []),
  ];

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: browserPath(),
      headless: opts.headless ?? true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args,
      env: locale.env,
      // The real window, not an emulated viewport: captureVisibleTab ignores emulation (toolchain.md).
      viewport: null,
      colorScheme: opts.colorScheme ?? 'light',
      timeout,
    });
  } catch (error) {
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const isOurs = (worker: Worker, id?: string) =>
    worker.url().startsWith(id ? `chrome-extension://${id}/` : 'chrome-extension://');
  let current =
    context.serviceWorkers().find((w) => isOurs(w)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w), timeout }));
  const extensionId = new URL(current.url()).host;
  const prefix = `chrome-extension://${extensionId}/`;
  context.on('serviceworker', (worker) => {
    if (isOurs(worker, extensionId)) current = worker;
  });

  /**
   * Playwright keeps the same Worker object across a stop and a restart (and evaluating while it is stopped
   * hangs), so the running state comes from CDP's ServiceWorker domain, which lives on page targets.
   */
  async function watchVersions() {
    const page = context.pages()[0] ?? (await context.newPage());
    const session = await context.newCDPSession(page);
    const versions = new Map<string, VersionInfo>();
    const waiters = new Set<() => void>();
    session.on('ServiceWorker.workerVersionUpdated', (event: { versions: VersionInfo[] }) => {
      for (const version of event.versions) versions.set(version.versionId, version);
      for (const wake of waiters) wake();
    });
    await session.send('ServiceWorker.enable');
    const ours = () =>
      [...versions.values()].filter((v) => v.scriptURL.startsWith(prefix) && v.status !== 'redundant');
    const until = (test: (ours: VersionInfo[]) => boolean, what: string) =>
      withTimeout(
        new Promise<void>((resolveWait) => {
          const wake = () => {
            if (!test(ours())) return;
            waiters.delete(wake);
            resolveWait();
          };
          waiters.add(wake);
          wake();
        }),
        timeout,
        what,
      );
    return { session, until, detach: () => session.detach().catch(() => {}) };
  }

  async function serviceWorker(): Promise<Worker> {
    const watch = await watchVersions();
    try {
      await watch.session.send('ServiceWorker.startWorker', { scopeURL: prefix });
      await watch.until((ours) => ours.some((v) => v.runningStatus === 'running'), 'the service worker');
    } finally {
      await watch.detach();
    }
    return current;
  }

  async function stopServiceWorker(): Promise<void> {
    const watch = await watchVersions();
    try {
      await watch.session.send('ServiceWorker.stopAllWorkers');
      await watch.until(
        (ours) => ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped'),
        'the service worker to stop',
      );
    } finally {
      await watch.detach();
    }
  }

  async function reloadExtension(): Promise<Worker> {
    const before = await serviceWorker();
    // Armed before the reload: the new worker can start before the old one's evaluate returns.
    const next = context.waitForEvent('serviceworker', {
      predicate: (w) => isOurs(w, extensionId) && w !== before,
      timeout,
    });
    // Reload after the evaluate has answered, or the call dies with its worker.
    await before.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { reload(): void } } };
      setTimeout(() => chrome.runtime.reload(), 50);
    });
    current = await next;
    return current;
  }

  async function openPopup(query?: string): Promise<Page> {
    const page = await context.newPage();
    const search = query ? (query.startsWith('?') ? query : `?${query}`) : '';
    await page.goto(`${prefix}popup.html${search}`);
    return page;
  }

  async function close(): Promise<void> {
    await context.close().catch(() => {});
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
  }

  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    openPopup,
    reloadExtension,
    stopServiceWorker,
    close,
  };
}
