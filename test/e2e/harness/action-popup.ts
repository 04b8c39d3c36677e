/**
 * The real toolbar popup, opened by "clicking" the extension's action on a tab (CDP Extensions.triggerAction,
 * which needs --enable-unsafe-extension-debugging and a pipe connection — Playwright's). This is what grants
 * activeTab, exactly as a user's click does. The popup is not one of Playwright's pages, so it is driven
 * through a raw CDP session on its target.
 *
 * A click on the toolbar also takes focus from the page: the focused field gets `blur`/`focusout`, the window
 * `blur`, `document.hasFocus()` turns false, and until the page has focus again `el.focus()` moves
 * `activeElement` without firing focus events. Headless Chromium under Playwright never shows that: Playwright
 * turns on focus emulation (CDP Emulation.setFocusEmulationEnabled) for every page, so every page always has
 * focus. So before the popup opens the page's focus emulation is turned off again (Chromium headless gives a
 * page no real focus; headed, the popup takes it), and once the popup is up the page is checked from inside:
 * `document.hasFocus()` false and trusted `blur` (window) and `focusout` (the field that had focus) seen, or
 * `openActionPopup` throws. `waitClosed()` gives the page its focus back, as closing the popup does.
 * `{ keepFocus: true }` leaves the page focused: the keyboard-shortcut path (and what the harness did before).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  embedderData?: { tabActive?: boolean };
}

export interface ActionPopup {
  /** Evaluates an expression in the popup (DevTools evaluation: not subject to the page's CSP). */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks the first button whose text contains `text`, once it exists. */
  clickButton(text: string): Promise<void>;
  /** Clicks the button with class `buttonClass` in the list row whose text contains `rowText`. */
  clickInRow(rowText: string, buttonClass: string): Promise<void>;
  /** The text of the first element matching `selector`, once it exists. */
  textOf(selector: string): Promise<string>;
  /**
   * Resolves once the popup has closed (it closes itself when a scan starts); then the page has its focus
   * back, as when a real popup closes.
   */
  waitClosed(timeoutMs?: number): Promise<void>;
  /** What the page has seen of focus since the toolbar click (null where no page script runs, e.g. chrome://). */
  pageFocus(): Promise<PageFocus | null>;
  /** A PNG of the popup as drawn (DevTools Page.captureScreenshot). */
  screenshot(): Promise<Buffer>;
}

export interface OpenActionPopupOptions {
  /**
   * Leave the page focused while the popup is open (the keyboard-shortcut path). Default false: the page
   * loses focus as a click on the toolbar button takes it.
   */
  keepFocus?: boolean;
}

/** Focus as the page saw it, read from a probe installed just before the toolbar click. */
export interface PageFocus {
  /** `document.hasFocus()` now. */
  hasFocus: boolean;
  /** The element that had focus before the click (`input#id`), or null (the body). */
  focused: string | null;
  /** Focus was inside a frame: the frame's document, not this one, sees the blur events. */
  inFrame: boolean;
  /** Focus events since, in order. `wasFocused`: the event's target is the element that had focus. */
  events: { type: string; target: string; trusted: boolean; wasFocused: boolean }[];
}

/** Installed in the page's main world; a second install replaces the first. */
const FOCUS_PROBE = `(() => {
  const types = ['blur', 'focus', 'focusin', 'focusout'];
  globalThis.__sekimoriFocusProbe?.stop();
  const active = document.activeElement;
  const focused = active && active !== document.body && active !== document.documentElement ? active : null;
  const name = (t) =>
    t === window ? 'window' : t === document ? 'document' : t.localName ? t.localName + (t.id ? '#' + t.id : '') : String(t);
  const events = [];
  const note = (e) => events.push({ type: e.type, target: name(e.target), trusted: e.isTrusted, wasFocused: !!focused && e.target === focused });
  for (const type of types) window.addEventListener(type, note, true);
  globalThis.__sekimoriFocusProbe = {
    focused: focused ? name(focused) : null,
    inFrame: !!focused && (focused.localName === 'iframe' || focused.localName === 'frame'),
    events,
    stop: () => types.forEach((type) => window.removeEventListener(type, note, true)),
  };
})()`;

const READ_PROBE = `(() => {
  const probe = globalThis.__sekimoriFocusProbe;
  return probe
    ? { hasFocus: document.hasFocus(), focused: probe.focused, inFrame: probe.inFrame, events: [...probe.events] }
    : null;
})()`;

/** The page lost focus the way a toolbar click takes it. */
function blurred(seen: PageFocus): boolean {
  const trusted = (type: string, where: (e: PageFocus['events'][number]) => boolean) =>
    seen.events.some((e) => e.type === type && e.trusted && where(e));
  if (seen.hasFocus) return false;
  if (seen.inFrame) return true;
  return (
    trusted('blur', (e) => e.target === 'window') &&
    (seen.focused === null || trusted('focusout', (e) => e.wasFocused))
  );
}

/** One CDP session per page for its focus emulation (each session keeps its own on/off state). */
const focusSessions = new WeakMap<Page, CDPSession>();

/**
 * Turns the page's focus emulation on or off. Chromium keeps the setting per DevTools session and ignores a
 * call that does not change that session's own value; Playwright's session keeps it on. So "off" is sent as on
 * then off through a session of ours (the second call reaches the page), and "on" gives the page its focus back.
 */
async function emulatePageFocus(context: BrowserContext, page: Page, on: boolean): Promise<void> {
  let session = focusSessions.get(page);
  if (!session) {
    session = await timed('a CDP session on the page', context.newCDPSession(page));
    focusSessions.set(page, session);
  }
  const send = (enabled: boolean) =>
    timed(
      `Emulation.setFocusEmulationEnabled(${String(enabled)})`,
      session.send('Emulation.setFocusEmulationEnabled', { enabled }),
    );
  if (!on) await send(true);
  await send(on);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A CDP call that says which one hung, instead of waiting for the test's own timeout. */
function timed<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function targets(browser: CDPSession, type?: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await timed(
    'Target.getTargets',
    browser.send('Target.getTargets', { ...(type ? { filter: [{ type }] } : {}) } as never),
  )) as unknown as { targetInfos: TargetInfo[] };
  return targetInfos;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export async function openActionPopup(
  context: BrowserContext,
  extensionId: string,
  page: Page,
  options: OpenActionPopupOptions = {},
): Promise<ActionPopup> {
  const browserContext = context.browser();
  if (!browserContext) throw new Error('no browser connection');
  const browser = await timed('a browser CDP session', browserContext.newBrowserCDPSession());
  await timed('bringing the page to the front', page.bringToFront());
  // The probe first, so that it sees the blur; a page no script runs in (chrome://) goes unprobed.
  const probed = await timed('the focus probe', page.evaluate(FOCUS_PROBE)).then(
    () => true,
    () => false,
  );
  const readFocus = async () =>
    probed ? timed('reading the focus probe', page.evaluate<PageFocus | null>(READ_PROBE)) : null;
  // The click on the toolbar button: the page loses focus before the popup opens (or, headed, as it opens).
  const blur = !options.keepFocus;
  await emulatePageFocus(context, page, !blur);
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const before = new Set((await targets(browser)).filter((t) => t.url === popupUrl).map((t) => t.targetId));
  const tab = await until('the page tab', 5000, async () =>
    (await targets(browser, 'tab')).find((t) => t.embedderData?.tabActive && t.url === page.url()),
  );
  await browser.send(
    'Extensions.triggerAction' as never,
    { id: extensionId, targetId: tab.targetId } as never,
  );
  const popup = await until('the action popup', 10_000, async () =>
    (await targets(browser)).find((t) => t.url === popupUrl && !before.has(t.targetId)),
  );

  const { sessionId } = (await browser.send(
    'Target.attachToTarget' as never,
    {
      targetId: popup.targetId,
      flatten: false,
    } as never,
  )) as unknown as { sessionId: string };
  let lastId = 0;
  const waiting = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  browser.on('Target.receivedMessageFromTarget' as never, (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  const call = (method: string, params: object) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, (reply) =>
        reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result),
      );
      browser
        .send(
          'Target.sendMessageToTarget' as never,
          {
            sessionId,
            message: JSON.stringify({ id, method, params }),
          } as never,
        )
        .catch(reject);
    });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = (await timed(
      `popup: ${expression.slice(0, 60)}`,
      call('Runtime.evaluate', {
        expression,
        returnByValue: true,
        awaitPromise: true,
      }),
    )) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(`popup: ${result.exceptionDetails.text}`);
    return result.result.value;
  };

  if (blur && probed) {
    let seen: PageFocus | null = null;
    let nudged = false;
    const shown = Date.now();
    await until('the page to lose focus to the popup', 5000, async () => {
      seen = await readFocus();
      if (seen === null || blurred(seen)) return true;
      if (!nudged && Date.now() - shown > 1000) {
        // Still focused a second after the popup showed (a window that really has focus keeps it until the
        // popup takes it): give the popup focus, as a real popup takes it from the page.
        nudged = true;
        console.warn('openActionPopup: the page kept its focus; focusing the popup (Page.bringToFront)');
        await timed('focusing the popup', call('Page.bringToFront', {})).catch(() => undefined);
      }
      return undefined;
    }).catch(() => {
      throw new Error(
        'openActionPopup: the page did not lose focus as a toolbar click takes it (document.hasFocus() false, ' +
          `trusted blur on the window and focusout on the focused field expected). Seen: ${JSON.stringify(seen)}`,
      );
    });
  }

  return {
    evaluate,
    async screenshot() {
      const shot = (await timed('popup screenshot', call('Page.captureScreenshot', { format: 'png' }))) as {
        data: string;
      };
      return Buffer.from(shot.data, 'base64');
    },
    async clickButton(text) {
      const js = JSON.stringify(text);
      await until(`the popup button "${text}"`, 10_000, async () => {
        const clicked = await evaluate<boolean>(
          `(() => { const b = [...document.querySelectorAll('button')].find((b) => b.textContent.includes(${js}));` +
            ` if (!b) return false; b.click(); return true; })()`,
        );
        return clicked ? true : undefined;
      });
    },
    async clickInRow(rowText, buttonClass) {
      const [row, cls] = [JSON.stringify(rowText), JSON.stringify(buttonClass)];
      await until(`the "${buttonClass}" button of the row "${rowText}"`, 10_000, async () => {
        const clicked = await evaluate<boolean>(
          `(() => { const li = [...document.querySelectorAll('li[data-id]')].find((l) => l.textContent.includes(${row}));` +
            ` const b = li && li.querySelector('button.' + ${cls}); if (!b || b.hidden) return false; b.click(); return true; })()`,
        );
        return clicked ? true : undefined;
      });
    },
    async textOf(selector) {
      const js = JSON.stringify(selector);
      return until(`"${selector}" in the popup`, 10_000, async () => {
        const text = await evaluate<string | null>(`document.querySelector(${js})?.textContent ?? null`);
        return text ?? undefined;
      });
    },
    async waitClosed(timeoutMs = 10_000) {
      await until('the popup to close', timeoutMs, async () =>
        (await targets(browser)).some((t) => t.targetId === popup.targetId) ? undefined : true,
      );
      await timed('detaching from the browser', browser.detach(), 3000).catch(() => undefined);
      // The popup is gone: the page has its focus back (a page closed meanwhile has nothing to get back).
      if (blur && !page.isClosed()) await emulatePageFocus(context, page, true).catch(() => undefined);
    },
    pageFocus: readFocus,
  };
}
