/**
 * The sign-in fixtures (demo/pages/fixtures/signin) in real Chromium, as a new user meets them: the page is
 * opened, the toolbar popup is opened on it (the page loses focus, as with a real click), "Fill" is pressed on
 * the account's row. A page that expects a fill must hold the code, and once the user presses Enter (or the
 * page's own script sends it) its server must have received the right code in the fields the table names. A
 * page whose code was e-mailed or texted must ask first, naming the e-mail or the text message, and fill only
 * on "Fill anyway". A page with nothing to fill must have nothing typed anywhere.
 *
 *   npm run build:e2e && npx vitest run --config vitest.e2e.config.ts test/e2e/signin-fixtures.e2e.ts
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNIN_PAGES, signinPath, type SigninPage } from '../../demo/pages/fixtures/signin/index';
import type { DemoServer } from '../../demo/server';
import { consoleSession, openActionPopup, step, type ActionPopup, type ExtensionSession } from './harness';

const PASSWORD = 'gatekeeper of the console 2026';
/** The fixtures' account: the Trend-like console's secret, which every sign-in fixture checks. */
const ACCOUNT = 'Trend Micro SaaS Account';

const bySlug = (pages: readonly SigninPage[]) => pages.map((p) => [p.slug, p] as const);
const expecting = (...results: SigninPage['expect']['result'][]) =>
  bySlug(SIGNIN_PAGES.filter((p) => results.includes(p.expect.result)));

/** What the code field holds (the boxes of a row joined). */
const codeOf = async (code: Locator) =>
  (await code.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).join('');

/** Every input's value, in document order (hidden ones too: nothing may change anywhere). */
const allValues = (page: Page) =>
  page.$$eval('input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));

describe('sign-in fixtures in Chromium', () => {
  let demo: DemoServer;
  let session: ExtensionSession;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => void ({ demo, session, close } = await consoleSession(PASSWORD)));
  afterAll(() => close?.());

  const submissions = (page: SigninPage) => demo.state().logins[signinPath(page.slug)]?.submissions ?? [];

  /** Opens the fixture, opens the toolbar popup on it and presses "Fill" on the account's row. */
  async function openAndFill(fixture: SigninPage): Promise<{ page: Page; popup: ActionPopup }> {
    const page = await step('new page', session.context.newPage());
    await step('goto', page.goto(`${demo.url}${signinPath(fixture.slug)}`));
    const popup = await step('popup', openActionPopup(session.context, session.extensionId, page));
    await step('fill', popup.clickInRow(ACCOUNT, 'fill'));
    return { page, popup };
  }

  async function closePage(page: Page): Promise<void> {
    await step('closing the page', page.close()).catch(() => undefined);
  }

  it.each(expecting('fill'))(
    '%s: filled; its server receives the code in the named fields',
    async (_slug, fixture) => {
      if (fixture.expect.result !== 'fill') return;
      const { page, popup } = await openAndFill(fixture);
      await step('popup closes after the fill', popup.waitClosed());
      await expect.poll(() => codeOf(page.locator(fixture.code!))).toMatch(/^\d{6}$/);
      if (fixture.submit === 'form') await step('enter', page.keyboard.press('Enter'));
      await expect.poll(() => submissions(fixture).at(-1)?.ok, { timeout: 10_000 }).toBe(true);
      expect(submissions(fixture).at(-1)).toMatchObject({
        code: expect.stringMatching(/^\d{6}$/),
        via: fixture.submit === 'script' ? 'script' : 'form',
      });
      expect(submissions(fixture)).toHaveLength(1);
      await closePage(page);
    },
  );

  it.each(expecting('ask-email', 'ask-sms'))(
    '%s: asks first, naming where the code was sent; fills only on "Fill anyway"',
    async (_slug, fixture) => {
      const { page, popup } = await openAndFill(fixture);
      const title = await step('question', popup.textOf('.fill-prompt h2'));
      expect(title).toContain(fixture.expect.result === 'ask-sms' ? 'text message' : 'e-mailed code');
      const code = page.locator(fixture.code!);
      expect(await codeOf(code)).toBe('');
      await step('fill anyway', popup.clickButton('Fill anyway'));
      await step('popup closes after the fill', popup.waitClosed());
      await expect.poll(() => codeOf(code)).toMatch(/^\d{6}$/);
      // Sekimori never submits: nothing reached the server.
      await page.waitForTimeout(300);
      expect(submissions(fixture)).toEqual([]);
      await closePage(page);
    },
  );

  it.each(expecting('none'))(
    '%s: nothing filled anywhere; the code is copied instead',
    async (_slug, fixture) => {
      const page = await step('new page', session.context.newPage());
      await step('goto', page.goto(`${demo.url}${signinPath(fixture.slug)}`));
      const before = await allValues(page);
      const popup = await step('popup', openActionPopup(session.context, session.extensionId, page));
      await step('fill', popup.clickInRow(ACCOUNT, 'fill'));
      expect(await step('toast', popup.textOf('.toast'))).toContain('No code field found');
      await page.waitForTimeout(300);
      expect(await allValues(page)).toEqual(before);
      await closePage(page);
    },
  );
});
