/**
 * A React-style segmented code widget (demo /fixtures/react-otp: the widget tracks "the active box" through
 * focus events and, once six digits are in, sends its own state's code to the server), filled through the real
 * toolbar popup in Chromium. The click on the toolbar takes focus from the page (openActionPopup checks that
 * it did), as for a person: the code the server receives must be the right one, sent once. The keyboard
 * shortcut path keeps the page focused. A variant that takes digits from key presses only does not take a
 * fill: the popup says so, copies the code, and nothing is sent.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../demo/server';
import { verifyTotp } from '../../demo/totp';
import { consoleSession, openActionPopup, step, type ExtensionSession } from './harness';

const PASSWORD = 'gatekeeper of the split boxes 2026';
const TREND = 'Trend Micro SaaS Account';
const PATH = '/fixtures/react-otp';
const BOXES = ['1桁目', '2桁目', '3桁目', '4桁目', '5桁目', '6桁目'];

interface FocusIn {
  box: string | null;
  trusted: boolean;
  pageHasFocus: boolean;
}

describe('a focus-tracked split widget, filled from the toolbar popup', () => {
  let demo: DemoServer;
  let session: ExtensionSession;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => void ({ demo, session, close } = await consoleSession(PASSWORD)));
  afterAll(() => close?.());

  const submissions = () => demo.state().logins[PATH]?.submissions ?? [];

  /** The widget's page, its first box focused (autofocus), recording every focusin its boxes get. */
  async function openWidget(query = ''): Promise<Page> {
    const page = await step('new page', session.context.newPage());
    await step('goto', page.goto(`${demo.url}${PATH}${query}`));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null))
      .toBe('1桁目');
    await page.evaluate(() => {
      const seen: FocusIn[] = [];
      (window as unknown as { focusins: FocusIn[] }).focusins = seen;
      document.getElementById('otp-boxes')!.addEventListener('focusin', (e) =>
        seen.push({
          box: (e.target as Element).getAttribute('aria-label'),
          trusted: e.isTrusted,
          pageHasFocus: document.hasFocus(),
        }),
      );
    });
    return page;
  }

  const focusins = (page: Page) =>
    page.evaluate(() => (window as unknown as { focusins: FocusIn[] }).focusins);
  const boxes = (page: Page) =>
    page
      .locator('#otp-boxes input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(''));

  it('the page blurred by the click: the widget sends the right code, once', async () => {
    const before = submissions().length;
    const page = await openWidget();
    const popup = await step('popup', openActionPopup(session.context, session.extensionId, page));
    expect(await popup.pageFocus()).toMatchObject({ hasFocus: false, focused: 'input' });
    await step('fill', popup.clickInRow(TREND, 'fill'));
    await step('closed', popup.waitClosed()); // a fill that stuck closes the popup
    await expect.poll(() => submissions().length, { timeout: 10_000 }).toBe(before + 1);
    const sent = submissions().at(-1)!;
    expect(sent).toMatchObject({ ok: true, via: 'script' });
    expect(verifyTotp(demo.secret, sent.code)).toBe(true);
    expect(await boxes(page)).toBe(sent.code);
    await expect.poll(() => page.locator('#otp-result').getAttribute('data-ok')).toBe('true');
    // The blur was real: each box got its focus while the page had none, from Sekimori (not the browser), in order.
    const during = (await focusins(page)).filter((f) => !f.pageHasFocus);
    expect(during.map((f) => [f.box, f.trusted])).toEqual(BOXES.map((b) => [b, false]));
    await page.close();
  });

  it('{ keepFocus: true } (the keyboard shortcut): the same; no focus event dispatched by Sekimori', async () => {
    const before = submissions().length;
    const page = await openWidget();
    const popup = await step(
      'popup',
      openActionPopup(session.context, session.extensionId, page, { keepFocus: true }),
    );
    expect((await popup.pageFocus())?.hasFocus).toBe(true);
    await step('fill', popup.clickInRow(TREND, 'fill'));
    await step('closed', popup.waitClosed());
    await expect.poll(() => submissions().length, { timeout: 10_000 }).toBe(before + 1);
    const sent = submissions().at(-1)!;
    expect(sent.ok).toBe(true);
    expect(await boxes(page)).toBe(sent.code);
    // A focused page moves focus itself (the widget's focus() fires real events): nothing synthetic was needed.
    expect((await focusins(page)).filter((f) => !f.trusted)).toEqual([]);
    await page.close();
  });

  it('a widget that takes digits from key presses only: "did not take the code", copied, boxes empty, nothing sent', async () => {
    const before = submissions().length;
    const page = await openWidget('?mode=keys');
    const popup = await step('popup', openActionPopup(session.context, session.extensionId, page));
    await step('fill', popup.clickInRow(TREND, 'fill'));
    expect(await step('toast', popup.textOf('.toast'))).toContain('The page did not take the code');
    expect(await boxes(page)).toBe('');
    await page.waitForTimeout(500);
    expect(submissions()).toHaveLength(before);
    await page.close();
  });
});
