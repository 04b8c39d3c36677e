/**
 * The real toolbar popup, opened by "clicking" the extension's action on a tab (CDP Extensions.triggerAction,
 * which needs --enable-unsafe-extension-debugging and a pipe connection — Playwright's). This is what grants
 * activeTab, exactly as a user's click does. The popup is not one of Playwright's pages, so it is driven
 * through a raw CDP session on its target.
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
  /** Resolves once the popup has closed (it closes itself when a scan starts). */
  waitClosed(timeoutMs?: number): Promise<void>;
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
): Promise<ActionPopup> {
  const browserContext = context.browser();
  if (!browserContext) throw new Error('no browser connection');
  const browser = await timed('a browser CDP session', browserContext.newBrowserCDPSession());
  await timed('bringing the page to the front', page.bringToFront());
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

  return {
    evaluate,
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
    },
  };
}
