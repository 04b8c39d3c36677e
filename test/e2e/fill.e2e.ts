/**
 * Filling the console's 2FA field, in real Chromium, on the demo console's login pages: the toolbar action is
 * clicked on the page (granting activeTab), "Fill" is pressed on the account's row in the real popup, the
 * user presses Enter, and the demo server checks the code it receives. The traps must stay empty unless the
 * user confirms.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import {
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  openActionPopup,
  type ActionPopup,
  type ExtensionSession,
  askBackground,
  step,
} from './harness';

const send = askBackground;

const PASSWORD = 'gatekeeper of the console 2026';

async function enrol(session: ExtensionSession, uri: string, origin: string): Promise<string> {
  const { added } = (await send(session, 'enrol.save', { text: uri })) as { added: string[] };
  const id = added[0]!;
  await send(session, 'account.bind', { id, origin });
  return id;
}

/** The newest submission the demo server recorded for a page. */
function lastSubmission(demo: DemoServer, path: string) {
  return demo.state().logins[path]?.submissions.at(-1);
}

/** Cleanup only: a page that will not close in time is left to the browser's own close at the end. */
async function closePage(page: Page): Promise<void> {
  await step('closing the page', page.close()).catch(() => undefined);
}

async function popupOn(session: ExtensionSession, page: Page): Promise<ActionPopup> {
  return openActionPopup(session.context, session.extensionId, page);
}

describe('fill in Chromium', () => {
  let demo: DemoServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    session = await launchExtension({ extensionPath: E2E_EXTENSION });
    const popup = await session.openPopup();
    await createVaultInPopup(popup, PASSWORD);
    await popup.close();
    const origin = new URL(demo.url).origin;
    const state = demo.state();
    await enrol(session, state.qrCodes.find((q) => q.page === '/trend/enrol')!.text, origin);
    await enrol(session, state.webroot.uri, origin);
    await enrol(session, state.servicenow.uri, origin);
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  /** Opens `path`, fills with the row of `issuer`, presses Enter: the server must accept what it got. */
  async function fillAndSubmit(path: string, issuer: string, recordedAs = path): Promise<Page> {
    const page = await step('new page', session.context.newPage());
    await step('goto', page.goto(`${demo.url}${path}`));
    const popup = await step('popup', popupOn(session, page));
    await step('click', popup.clickInRow(issuer, 'fill'));
    await step('closed', popup.waitClosed());
    await step('enter', page.keyboard.press('Enter'));
    await expect.poll(() => lastSubmission(demo, recordedAs)?.ok, { timeout: 10_000 }).toBe(true);
    return page;
  }

  it.each([
    ['/trend/login', 'Trend Micro SaaS Account'],
    ['/webroot/login', 'Webroot'],
    ['/fixtures/split', 'Trend Micro SaaS Account'],
    ['/fixtures/controlled', 'Trend Micro SaaS Account'],
    ['/fixtures/shadow', 'Trend Micro SaaS Account'],
  ])('%s: filled with the code the server accepts', async (path, issuer) => {
    const page = await fillAndSubmit(path, issuer);
    await closePage(page);
  });

  it('ServiceNow: the field that expects XXX-XXX gets 123-456', async () => {
    const page = await fillAndSubmit('/servicenow/mfa', 'ServiceNow');
    expect(lastSubmission(demo, '/servicenow/mfa')?.code).toMatch(/^\d{3}-\d{3}$/);
    await closePage(page);
  });

  it('a same-origin iframe holding the form', async () => {
    const page = await fillAndSubmit(
      '/fixtures/iframe',
      'Trend Micro SaaS Account',
      '/fixtures/iframe/inner',
    );
    await closePage(page);
  });

  it('the e-mail code page is not filled unless the user says so', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/servicenow/email-code`);
    const popup = await popupOn(session, page);
    await popup.clickInRow('ServiceNow', 'fill');
    expect(await popup.textOf('.fill-prompt h2')).toContain('e-mailed code');
    expect(await page.locator('input[type=text], input:not([type])').first().inputValue()).toBe('');
    await closePage(page);
  });

  it('a cross-origin iframe trap stays empty; the code is copied instead', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/fixtures/cross-frame`);
    const popup = await popupOn(session, page);
    await popup.clickInRow('Trend Micro SaaS Account', 'fill');
    expect(await popup.textOf('.toast')).toContain('No code field found');
    await page.waitForTimeout(500);
    expect(demo.state().logins['/fixtures/trap-inner']?.submissions).toEqual([]);
    await closePage(page);
  });

  it('a page that navigated after the popup opened is not filled', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/trend/login`);
    const popup = await popupOn(session, page);
    await popup.textOf('li[data-id] button.fill:not([hidden])'); // the popup knows the page it is over
    await page.reload(); // a new document in the same tab, same origin
    await popup.clickInRow('Trend Micro SaaS Account', 'fill');
    expect(await popup.textOf('.toast')).toContain('The page changed since Sekimori opened');
    expect(await page.getByLabel('6桁のコード').inputValue()).toBe('');
    await closePage(page);
  });

  it('a lookalike origin: asks, naming both origins, and fills nothing when cancelled', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.otherUrl}/trend/login`);
    const popup = await popupOn(session, page);
    // Nothing is bound to the lookalike: no "This site" section; the user picks the row themselves.
    await popup.clickInRow('Trend Micro SaaS Account', 'fill');
    const prompt = await popup.textOf('.fill-prompt');
    expect(prompt).toContain(new URL(demo.url).origin);
    expect(prompt).toContain(new URL(demo.otherUrl).origin);
    await popup.evaluate(
      `[...document.querySelectorAll('.fill-prompt button')].find((b) => b.textContent === 'Cancel').click()`,
    );
    expect(await page.getByLabel('6桁のコード').inputValue()).toBe('');
    expect(
      demo.state().logins['/trend/login']?.submissions.filter((s) => s.origin !== new URL(demo.url).origin),
    ).toEqual([]);
    await closePage(page);
  });
});
