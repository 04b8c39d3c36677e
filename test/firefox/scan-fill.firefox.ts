/**
 * Scan and Fill in a real Firefox, on the demo console, as a toolbar click allows them (activeTab on the page's
 * tab, see harness.ts): Scan QR code on the Trend-like enrolment page, and "Fill" on the Trend-like,
 * ServiceNow-like and split-box login pages, from the popup opened for that tab. Then the user allows the
 * console's origin once (the clock check; the browser's prompt answered "Allow" by a preference) and turns on
 * automatic fill there. The demo server checks every code it receives; Sekimori never submits.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { verifyTotp } from '../../demo/totp';
import { callFrom, clickButton, launchFirefox, tabIdOf, typeInto, type FirefoxSession } from './harness';

const PASSWORD = 'firefox scan and fill 2026';
const TREND = 'Trend Micro SaaS Account';

describe('scan and Fill in Firefox, on the demo console', () => {
  let demo: DemoServer;
  let firefox: FirefoxSession;
  let home: Page;
  let origin: string;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    origin = new URL(demo.url).origin;
    firefox = await launchFirefox('en');
    home = await firefox.openExtensionPage('popup.html', '#new-password');
    await typeInto(home, '#new-password', PASSWORD);
    await typeInto(home, '#confirm-password', PASSWORD);
    await clickButton(home, 'Create vault');
    await home.waitForSelector('.bar button.scan', { timeout: 10_000 }); // unlocked: Scan QR code
  });

  afterAll(async () => {
    await firefox?.close();
    await demo?.close();
  });

  const submissions = (path: string) => demo.state().logins[path]?.submissions ?? [];

  /** Opens `path` and grants what a toolbar click on it grants (activeTab); returns its tab id. */
  async function openPage(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await firefox.browser.newPage();
    await page.goto(`${demo.url}${path}`);
    await firefox.grantActiveTab(page);
    return { page, tabId: await tabIdOf(home, `${demo.url}${path}`) };
  }

  /** The popup for `tabId`, as a popped-out popup (a tab of its own). */
  async function popupFor(tabId: number): Promise<Page> {
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`, 'li[data-id]');
    return popup;
  }

  async function clickInRow(popup: Page, issuer: string, button: string): Promise<void> {
    const handle = await popup.waitForFunction(
      (name, cls) => {
        const li = [...document.querySelectorAll('li[data-id]')].find((l) => l.textContent?.includes(name));
        const b = li?.querySelector<HTMLButtonElement>(`button.${cls}`);
        return b && !b.hidden ? b : null;
      },
      { timeout: 10_000 },
      issuer,
      button,
    );
    await (handle.asElement() as ElementHandle<Element>).click();
  }

  it('Scan QR code on the enrolment page adds the console account, with its site', async () => {
    const { page, tabId } = await openPage('/trend/enrol');
    await page.click('#show-qr');
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`, '.bar button.scan');
    await clickButton(popup, 'Scan QR code');
    await expect
      .poll(
        async () =>
          ((await callFrom(home, 'codes.list', {})) as { accounts: { issuer: string; origins: string[] }[] })
            .accounts,
        { timeout: 20_000 },
      )
      .toEqual([expect.objectContaining({ issuer: TREND, origins: [origin] })]);
    await firefox.screenshot(page, 'scan-confirmation');
    await popup.close();
    await page.close();
  });

  it.each([
    ['/trend/login', TREND],
    ['/fixtures/split', TREND],
    ['/fixtures/react-otp', TREND],
    ['/servicenow/mfa', 'ServiceNow'],
  ])('Fill on %s: the server accepts the code', async (path, issuer) => {
    if (issuer === 'ServiceNow' && submissions('/servicenow/mfa').length === 0) {
      const { added } = (await callFrom(home, 'enrol.save', { text: demo.state().servicenow.uri })) as {
        added: string[];
      };
      await callFrom(home, 'account.bind', { id: added[0], origin });
    }
    const { page, tabId } = await openPage(path);
    const popup = await popupFor(tabId);
    await clickInRow(popup, issuer, 'fill');
    await page.bringToFront();
    const typed = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>('input:not([type=checkbox]):not([type=hidden])')]
          .map((i) => i.value)
          .join(''),
      );
    await expect.poll(typed, { timeout: 10_000 }).toMatch(/^\d{3}-?\d{3}$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => submissions(path).at(-1)?.ok, { timeout: 10_000 }).toBe(true);
    if (path === '/servicenow/mfa') expect(submissions(path).at(-1)?.code).toMatch(/^\d{3}-\d{3}$/);
    await popup.close();
    await page.close();
  });

  it('the clock check: the user allows the console once, and the clocks are compared', async () => {
    const options = await firefox.openExtensionPage('options.html', '#clock-server', {
      width: 1000,
      height: 900,
    });
    await typeInto(options, '#clock-server', origin);
    await clickButton(options, 'Check the clock');
    await expect
      .poll(async () => ((await callFrom(home, 'clock.get', {})) as { server: string | null }).server, {
        timeout: 15_000,
      })
      .toBe(origin);
    await options.close();
  });

  it('automatic fill on the granted origin: the login page is filled on its own, never submitted', async () => {
    const { accounts } = (await callFrom(home, 'codes.list', {})) as {
      accounts: { id: string; issuer: string }[];
    };
    const trend = accounts.find((a) => a.issuer === TREND)!;
    expect(await callFrom(home, 'account.autofill', { id: trend.id, origin, on: true })).toEqual({
      state: 'on',
    });
    const before = submissions('/trend/login').length;
    const page = await firefox.browser.newPage();
    await page.goto(`${demo.url}/trend/login`);
    await expect
      .poll(() => page.$eval('input:not([type=hidden])', (i) => (i as HTMLInputElement).value), {
        timeout: 15_000,
      })
      .toMatch(/^\d{6}$/);
    const code = await page.$eval('input:not([type=hidden])', (i) => (i as HTMLInputElement).value);
    expect(verifyTotp(demo.secret, code)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(submissions('/trend/login')).toHaveLength(before); // filled, never submitted
    await page.close();
  });
});
