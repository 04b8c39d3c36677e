/** Talking to the background as Sekimori's own pages do: one protocol message from an extension page. */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './extension';

export interface Reply {
  ok: boolean;
  value?: unknown;
  code?: string;
}

/** Sends `{ type, payload }` from `page` (an extension page) and returns the background's reply as it came. */
export async function sendFromPage(page: Page, type: string, payload: unknown): Promise<Reply> {
  return (await page.evaluate(
    ([kind, body]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: kind, payload: body }),
    [type, payload] as const,
  )) as Reply;
}

/** The reply's value; an error reply throws `Error("<type>: <code>")`. */
export async function askFromPage(page: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = await sendFromPage(page, type, payload);
  if (!reply.ok) throw new Error(`${type}: ${reply.code}`);
  return reply.value;
}

/** As `askFromPage`, from a popup tab opened for the call and closed after it (for a test's set-up). */
export async function askBackground(
  session: ExtensionSession,
  type: string,
  payload: unknown,
): Promise<unknown> {
  const page = await session.openPopup();
  try {
    return await askFromPage(page, type, payload);
  } finally {
    await page.close().catch(() => undefined);
  }
}
