/**
 * What a page announces in its live regions (role status/alert), read from the browser's accessibility tree:
 * it sees inside closed shadow roots — where our on-page confirmation lives — as a screen reader does.
 */
import type { Page } from 'playwright-core';

interface AxNode {
  nodeId: string;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
}

export async function announcements(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (node: AxNode): string =>
      node.role?.value === 'StaticText'
        ? (node.name?.value ?? '')
        : (node.childIds ?? [])
            .map((id) => byId.get(id))
            .map((n) => (n ? textOf(n) : ''))
            .join(' ');
    return nodes
      .filter((n) => n.role?.value === 'status' || n.role?.value === 'alert')
      .map((n) => textOf(n).replace(/\s+/g, ' ').trim())
      .filter((text) => text !== '');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until some live region's text contains `needle` (or matches it); returns that text. */
export async function waitForAnnouncement(
  page: Page,
  needle: string | RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await announcements(page)).find((t) =>
      typeof needle === 'string' ? t.includes(needle) : needle.test(t),
    );
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new Error(`no announcement ${String(needle)}; saw: ${JSON.stringify(await announcements(page))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
