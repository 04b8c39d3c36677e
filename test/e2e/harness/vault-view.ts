/** What the background holds, asked the way the popup asks (from an extension page), for assertions. */
import type { CodeView } from '../../../lib/messages';
import type { ExtensionSession } from './extension';

export async function listAccounts(session: ExtensionSession): Promise<CodeView[]> {
  const page = await session.openPopup();
  try {
    const reply = await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'codes.list', payload: {} }),
    );
    const result = reply as { ok: boolean; value?: { accounts: CodeView[] } };
    if (!result.ok || !result.value) throw new Error(`codes.list failed: ${JSON.stringify(reply)}`);
    return result.value.accounts;
  } finally {
    await page.close();
  }
}
