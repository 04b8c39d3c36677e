import type { ConsoleMessage, Page } from 'playwright-core';

/**
 * Code that runs inside extension pages, kept as plain JavaScript source (functions handed to Playwright from
 * TypeScript run through tsx would carry its `__name` helper, which does not exist in the page), and how the
 * bench hears back from the probes among them.
 */

/** `send(type, payload)`: one protocol message to the background, answered `{ ok, value } | { ok: false, code }`. */
const SEND = `const send = (type, payload) => chrome.runtime.sendMessage({ type, payload });`;

const call = (body: string, arg: unknown) => `(async (arg) => { ${SEND} ${body} })(${JSON.stringify(arg)})`;

/** Creates the vault and adds every draft; resolves to the number of accounts `codes.list` then reports. */
export function seedScript(password: string, drafts: readonly unknown[]): string {
  return call(
    `
    const created = await send('vault.create', { password: arg.password });
    if (!created || !created.ok) throw new Error('vault.create: ' + (created && created.code));
    const added = await Promise.all(arg.drafts.map((draft) => send('account.add', { draft })));
    const failed = added.filter((r) => !r || !r.ok).map((r) => r && r.code);
    if (failed.length) throw new Error('account.add failed: ' + failed.join(', '));
    const list = await send('codes.list', {});
    if (!list.ok) throw new Error('codes.list: ' + list.code);
    return list.value.accounts.length;`,
    { password, drafts },
  );
}

/** Locks the vault; resolves to the status the background reports. */
export const LOCK_SCRIPT = call(
  `const r = await send('vault.lock', {}); if (!r.ok) throw new Error('vault.lock: ' + r.code); return r.value.vault;`,
  null,
);

/** Locks, then times one 'vault.unlock' round trip from this page (ms, by the page clock). */
export function unlockScript(password: string): string {
  return call(
    `
    const locked = await send('vault.lock', {});
    if (!locked.ok || locked.value.vault !== 'locked') throw new Error('vault.lock: ' + JSON.stringify(locked));
    const start = performance.now();
    const r = await send('vault.unlock', { password: arg.password });
    const ms = performance.now() - start;
    if (!r.ok || r.value.vault !== 'unlocked') throw new Error('vault.unlock: ' + JSON.stringify(r));
    return ms;`,
    { password },
  );
}

/** What the readiness probe records, in ms since navigation start (0 = not seen). */
export interface ReadyMarks {
  /** The HTML document's response ended. */
  responseEnd: number;
  /** The popup's app script ran (it sets the page's language as it starts): loaded and evaluated. */
  appRan: number;
  /** The popup script rendered its first element into #app. */
  appRendered: number;
  /** The popup asked the background for the codes ('codes.list' sent) ... */
  listRequested: number;
  /** ... and got them. */
  listAnswered: number;
  /** All rows with a code are in the DOM. */
  domComplete: number;
  /** End of the frame that first contained them: the codes are visible. */
  painted: number;
  visibility: string;
}

/**
 * How a probe reports: one console message, prefix then JSON. The bench listens for it instead of polling the
 * page, because every poll is a script evaluation on the page's main thread while it is starting up (the first
 * one in a new page, several ms on this machine), which the popup would be timed as if it were its own work.
 */
export const READY_SIGNAL = 'sekimori-bench:';

/**
 * Resolves with the JSON a probe in `page` reports through the console (READY_SIGNAL). Nothing is evaluated
 * in the page while it waits. Attach it before navigating.
 */
export function probeReport<T>(page: Page, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off('console', listen);
      reject(new Error(`no report from the page's probe after ${timeoutMs} ms`));
    }, timeoutMs);
    const listen = (message: ConsoleMessage) => {
      const text = message.text();
      if (!text.startsWith(READY_SIGNAL)) return;
      clearTimeout(timer);
      page.off('console', listen);
      resolve(JSON.parse(text.slice(READY_SIGNAL.length)) as T);
    };
    page.on('console', listen);
  });
}

/**
 * Init script for a popup page: watches the DOM from the very start and records when `count` rows (li) each
 * show a code; then, one animation frame later plus a task (after that frame's paint), `painted`. It also wraps
 * `chrome.runtime.sendMessage` to time the one 'codes.list' round trip. Results in `window.__bench`, and in one
 * console message (READY_SIGNAL) once painted.
 */
export function readyProbe(count: number): string {
  return `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/popup.html')) return;
  const want = ${JSON.stringify(count)};
  const marks = { responseEnd: 0, appRan: 0, appRendered: 0, listRequested: 0, listAnswered: 0, domComplete: 0, painted: 0, visibility: document.visibilityState };
  window.__bench = marks;
  try {
    const runtime = chrome.runtime;
    const original = runtime.sendMessage;
    runtime.sendMessage = function (...args) {
      const first = args[0];
      const timed = first && first.type === 'codes.list' && !marks.listRequested;
      if (timed) {
        marks.listRequested = performance.now();
        const last = args[args.length - 1];
        if (typeof last === 'function') {
          args[args.length - 1] = function (...results) {
            marks.listAnswered = performance.now();
            return last.apply(this, results);
          };
        }
      }
      const out = original.apply(this, args);
      if (timed && out && typeof out.then === 'function') {
        out.then(() => { if (!marks.listAnswered) marks.listAnswered = performance.now(); }, () => {});
      }
      return out;
    };
  } catch (e) { /* diagnostics only */ }
  const complete = () => {
    const items = document.querySelectorAll('li');
    if (items.length !== want) return false;
    for (const item of items) {
      const digits = item.querySelector('.code-digits');
      // Steam codes can be all letters: any 5+ characters count as a code.
      if (!digits || (digits.textContent || '').replace(/\\s/g, '').length < 5) return false;
    }
    return true;
  };
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    if (!marks.appRan && records.some((r) => r.type === 'attributes' && r.attributeName === 'lang')) marks.appRan = now;
    if (!marks.appRendered) {
      const app = document.getElementById('app');
      if (app && app.firstChild) marks.appRendered = now;
    }
    if (!complete()) return;
    marks.domComplete = now;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const nav = performance.getEntriesByType('navigation')[0];
        marks.responseEnd = nav ? nav.responseEnd : 0;
        marks.visibility = document.visibilityState;
        marks.painted = performance.now();
        console.debug(${JSON.stringify(READY_SIGNAL)} + JSON.stringify(marks));
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['lang'] });
})();`;
}
