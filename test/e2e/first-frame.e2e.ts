/**
 * A long list's first frame in real Chromium: only the rows the popup opens on are drawn in it, every row
 * that is in view among them, and the rest from the next frame on; where more rows fit than are drawn first,
 * all are drawn at once. The real toolbar popup shows fewer rows than the first frame draws.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_FRAME_ROWS } from '../../components/code-list-dom';
import {
  askBackground,
  E2E_EXTENSION,
  launchExtension,
  openActionPopup,
  type ExtensionSession,
} from './harness';

const ACCOUNTS = 24;

/**
 * What the first frame with every row in it drew. Read in that frame, after its layout and after the list's
 * own first-layout check (a ResizeObserver made after the list's runs after it), so no later frame can race it.
 */
interface FirstFrame {
  /** The rows left out for that frame were still left out. */
  starting: boolean;
  /** Indices of the rows in view, and of those among them that the frame did not draw. */
  inView: number[];
  undrawnInView: number[];
  innerHeight: number;
}

const FIRST_FRAME_PROBE = `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  const seen = new MutationObserver(() => {
    const list = document.querySelector('.list');
    if (!list || list.children.length < ${ACCOUNTS}) return;
    seen.disconnect();
    const firstLayout = new ResizeObserver(() => {
      firstLayout.disconnect();
      const starting = list.classList.contains('starting');
      const rows = [...list.children];
      const inView = rows.flatMap((li, i) => (li.getBoundingClientRect().top < innerHeight ? [i] : []));
      window.__firstFrame = {
        starting,
        inView,
        undrawnInView: inView.filter((i) => getComputedStyle(rows[i]).contentVisibility === 'hidden'),
        innerHeight,
      };
    });
    firstLayout.observe(list);
  });
  seen.observe(document, { childList: true, subtree: true });
})();`;

describe("a long list's first frame in Chromium", () => {
  let session: ExtensionSession;
  let profile: string;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'sekimori-e2e-'));
    session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
    await askBackground(session, 'vault.create', { password: 'first frame of a long list 2026' });
    for (let i = 0; i < ACCOUNTS; i++) {
      // Every other row without an account name: the shortest rows, so the most of them in view.
      const draft = { issuer: `Console ${i + 1}`, account: i % 2 ? `admin${i}@example.co.jp` : '' };
      const secret = `JBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}`;
      await askBackground(session, 'account.add', { draft: { ...draft, secret } });
    }
  });

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  });

  async function openWithProbe(height: number): Promise<{ page: Page; first: FirstFrame }> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 360, height });
    await page.addInitScript({ content: FIRST_FRAME_PROBE });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const first = (await page.waitForFunction(
      () => (window as unknown as { __firstFrame?: FirstFrame }).__firstFrame,
    )) as unknown as { jsonValue(): Promise<FirstFrame> };
    return { page, first: await first.jsonValue() };
  }

  it('draws the rows in view of a 600 px popup first, and every other row from the next frame', async () => {
    const { page, first } = await openWithProbe(600);
    expect(first.starting).toBe(true);
    expect(first.inView.length).toBeGreaterThan(0);
    expect(first.inView.length).toBeLessThanOrEqual(FIRST_FRAME_ROWS);
    expect(first.undrawnInView).toEqual([]);
    // The next frame lifts it: the last row, scrolled to, shows its code.
    await page.waitForFunction(() => !document.querySelector('.list')!.classList.contains('starting'));
    const last = page.getByRole('listitem').filter({ hasText: `Console ${ACCOUNTS}` });
    await last.scrollIntoViewIfNeeded();
    // Rendered text (empty while the browser still skips the row): the code, once the row is drawn.
    await expect.poll(() => last.locator('.code-digits').innerText()).toMatch(/^\d{6}$/);
    await page.close();
  });

  it('draws every row in the first frame when more rows fit than it would draw first', async () => {
    const { page, first } = await openWithProbe(1400);
    expect(first.inView.length).toBeGreaterThan(FIRST_FRAME_ROWS);
    expect(first.starting).toBe(false);
    expect(first.undrawnInView).toEqual([]);
    await page.close();
  });

  it('the toolbar popup shows fewer rows than the first frame draws', async () => {
    const page = await session.context.newPage();
    await page.goto('about:blank');
    const popup = await openActionPopup(session.context, session.extensionId, page);
    await popup.textOf('.list > li:nth-child(24) .code-digits');
    // The rows are in the DOM before the popup's first frame, and the class is lifted in the frame after it:
    // on a loaded machine that can come after the rows' text, so wait for it (a class never lifted fails here).
    await expect
      .poll(() => popup.evaluate<boolean>(`document.querySelector('.list').classList.contains('starting')`))
      .toBe(false);
    const shown = await popup.evaluate<{ inView: number; innerHeight: number }>(
      `(() => { const rows = [...document.querySelectorAll('.list > li')];
        return { inView: rows.filter((li) => li.getBoundingClientRect().top < innerHeight).length, innerHeight }; })()`,
    );
    expect(shown.innerHeight).toBeLessThanOrEqual(600);
    expect(shown.inView).toBeGreaterThan(0);
    expect(shown.inView).toBeLessThanOrEqual(FIRST_FRAME_ROWS);
    await page.close();
  });
});
