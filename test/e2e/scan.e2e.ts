/**
 * Enrol by scanning the console page, in real Chromium. The toolbar action is clicked on the console's tab
 * (granting activeTab, as a person's click does), "Scan QR code" is pressed in the real popup, and the
 * page is then either enrolled in one click or selected by a real mouse drag. After each scan the vault must
 * hold the right accounts, with codes the test computes itself (node:crypto, not the product's code).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { hotp } from '../../demo/totp';
import type { CodeView } from '../../lib/messages';
import {
  announcements,
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  listAccounts,
  openActionPopup,
  overlayCount,
  overlayHost,
  unlockPopup,
  waitForAnnouncement,
  waitForOverlay,
  type ExtensionSession,
  type LaunchExtensionOptions,
} from './harness';

const PASSWORD = 'gatekeeper of the console 2026';
/** Screenshots of the overlay, the on-page confirmation and the popup after a scan, to look at. */
const SHOTS = resolve(__dirname, '../../test-results/screenshots');

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SHOTS, `scan-${name}.png`) });
}

interface Expected {
  issuer: string;
  account: string;
  secret: string;
  type?: string;
  algorithm?: string;
  digits?: number;
  period?: number;
  counter?: number;
}

/** The code an account shows now, computed independently (either side of a step boundary). */
function expectedCodes(a: Expected, now = Date.now()): string[] {
  const algorithm = (a.algorithm ?? 'SHA1').toLowerCase() as 'sha1' | 'sha256' | 'sha512';
  const digits = a.digits ?? 6;
  if (a.type === 'hotp') return [hotp(a.secret, a.counter ?? 0, digits, algorithm)];
  const step = (t: number) => Math.floor(t / 1000 / (a.period ?? 30));
  return [...new Set([step(now - 2000), step(now)])].map((s) => hotp(a.secret, s, digits, algorithm));
}

/** Every expected account is in the vault, once, with the right code; returns the vault's accounts. */
async function expectAccounts(session: ExtensionSession, expected: Expected[]): Promise<CodeView[]> {
  const accounts = await listAccounts(session);
  for (const e of expected) {
    // Names can repeat across consoles (a transfer export may hold another "Webroot / admin"): the code,
    // computed from the expected secret, tells the right one apart.
    const codes = expectedCodes(e);
    const found = accounts.filter(
      (a) => a.issuer === e.issuer && a.account === e.account && codes.includes(a.code),
    );
    expect(found, `${e.issuer} / ${e.account} with code ${codes.join(' or ')}`).toHaveLength(1);
  }
  return accounts;
}

/** Clicks the toolbar icon on `page` and "Scan QR code" in the popup, which closes for the page. */
async function scanFromPopup(session: ExtensionSession, page: Page): Promise<void> {
  const popup = await openActionPopup(session.context, session.extensionId, page);
  await popup.clickButton('Scan QR code');
  await popup.waitClosed();
}

/** The overlay is up: drag a rectangle from (x, y) to (x + w, y + h) with the real mouse. */
async function drag(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  shots?: string,
  margin = 10,
) {
  await waitForOverlay(page);
  if (shots) await shot(page, `${shots}-overlay`);
  await page.mouse.move(box.x - margin, box.y - margin);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + margin, box.y + box.height + margin, { steps: 6 });
  if (shots) await shot(page, `${shots}-selecting`);
  await page.mouse.up();
}

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

async function trendEnrolment(session: ExtensionSession, demo: DemoServer): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${demo.url}/trend/enrol`);
  await page.getByRole('button', { name: 'QRコードを表示する' }).click();
  await page.locator('#qr-image').evaluate((img: HTMLImageElement) => img.decode());
  return page;
}

/** The Webroot card's QR region, in page CSS pixels. */
async function webrootQrBox(page: Page, demo: DemoServer) {
  const card = await boxOf(page, '#setup-card');
  const { qr } = demo.state().webroot;
  return { x: card.x + qr.x, y: card.y + qr.y, width: qr.width, height: qr.height };
}

const trendAccount = (demo: DemoServer): Expected => ({
  issuer: 'Trend Micro SaaS Account',
  account: 'abc@example.co.jp',
  secret: demo.secret,
});
const webrootAccount = (demo: DemoServer): Expected => ({
  issuer: 'Webroot',
  account: 'admin@example.co.jp',
  secret: demo.webrootSecret,
});

async function setUp(options: Partial<LaunchExtensionOptions> = {}) {
  const demo = await startDemoServer({ port: 0 });
  const session = await launchExtension({ extensionPath: E2E_EXTENSION, ...options });
  const popup = await session.openPopup();
  await createVaultInPopup(popup, PASSWORD);
  await popup.close();
  return { demo, session };
}

describe('scan in Chromium', () => {
  let demo: DemoServer;
  let session: ExtensionSession;

  beforeAll(async () => ({ demo, session } = await setUp()));
  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('one click: the QR code shown behind its button is enrolled, with the page origin', async () => {
    const page = await trendEnrolment(session, demo);
    await scanFromPopup(session, page);
    expect(await waitForAnnouncement(page, 'Added:')).toContain(
      'Trend Micro SaaS Account (abc@example.co.jp)',
    );
    const [account] = await expectAccounts(session, [trendAccount(demo)]);
    expect(account?.origins).toEqual([new URL(demo.url).origin]);

    // Scanning it again adds nothing.
    await scanFromPopup(session, page);
    await waitForAnnouncement(page, 'Already in Sekimori: nothing was added.');
    expect(await listAccounts(session)).toHaveLength(1);
    await page.close();
  });

  it('the code is not shown yet: says so, keeps the page usable, and reads the code once the page shows it', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/trend/enrol`);
    const before = (await listAccounts(session)).length;
    await scanFromPopup(session, page);
    await waitForAnnouncement(page, 'No QR code is visible on this page yet');
    // Esc ends the wait: nothing added.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await announcements(page)).join()).not.toContain('No QR code is visible');
    expect(await listAccounts(session)).toHaveLength(before);
    // Again; this time the user presses the page's own button (the page is not covered) and the code is read.
    await scanFromPopup(session, page);
    await waitForAnnouncement(page, 'No QR code is visible on this page yet');
    await page.getByRole('button', { name: 'QRコードを表示する' }).click();
    await waitForAnnouncement(page, /Added:|Already in Sekimori/);
    await expectAccounts(session, [trendAccount(demo)]);
    await page.close();
  });

  it('drag: a washed-out QR code inside a wide illustration', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/webroot/2fa`);
    await scanFromPopup(session, page);
    await drag(page, await webrootQrBox(page, demo), 'light');
    expect(await waitForAnnouncement(page, 'Added:')).toContain('Webroot (admin@example.co.jp)');
    expect(await overlayCount(page)).toBe(0);
    await shot(page, 'light-toast');
    await expectAccounts(session, [webrootAccount(demo)]);
    const popup = await session.openPopup();
    await popup.setViewportSize({ width: 360, height: 520 });
    await popup.locator('li.highlighted').waitFor();
    await shot(popup, 'light-popup-after');
    await popup.close();
    await page.close();
  });

  it('only the user selects: page-made events are ignored, an empty area finds nothing, Esc cancels', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/webroot/2fa`);
    const before = (await listAccounts(session)).length;
    await scanFromPopup(session, page);
    const overlay = await overlayHost(page);

    // The page's own script cannot drag or cancel for the user.
    const qr = await webrootQrBox(page, demo);
    await overlay.evaluate((host, b) => {
      const at = (type: string, x: number, y: number) =>
        host.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
      at('pointerdown', b.x - 10, b.y - 10);
      at('pointermove', b.x + b.width + 10, b.y + b.height + 10);
      at('pointerup', b.x + b.width + 10, b.y + b.height + 10);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    }, qr);
    await overlay.dispose();
    await page.waitForTimeout(500);
    expect(await overlayCount(page)).toBe(1);

    // A click is not a selection; a rectangle over text finds no QR code, and the user may drag again.
    await page.mouse.click(300, 300);
    await page.waitForTimeout(300);
    expect(await overlayCount(page)).toBe(1);
    await drag(page, { x: 250, y: 250, width: 300, height: 60 });
    await waitForAnnouncement(page, 'No QR code found in the selection');
    expect(await overlayCount(page)).toBe(1);

    await page.keyboard.press('Escape');
    await waitForOverlay(page, 'detached');
    expect(await listAccounts(session)).toHaveLength(before);
    await page.close();
  });

  it('a popup aimed at a tab (?tab=) brings that tab to the front before capturing', async () => {
    const page = await trendEnrolment(session, demo);
    // The toolbar click grants activeTab on the console's tab, as a person's click would.
    await openActionPopup(session.context, session.extensionId, page);
    const tabId = await (
      await session.serviceWorker()
    ).evaluate(`chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t.id)`);
    const popup = await session.openPopup(`tab=${String(tabId)}`); // a new tab, in front of the console
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    await waitForAnnouncement(page, 'Already in Sekimori'); // added by the first test
    expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
    await popup.close();
    await page.close();
  });

  it('two QR codes on a page: asks for a drag, and adds only the one selected', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/portal/admins`);
    await scanFromPopup(session, page);
    await waitForAnnouncement(page, 'This page shows more than one QR code');
    // A rectangle around both is not a choice: the user is asked again, nothing is added.
    const one = await boxOf(page, '#admin-qr-1');
    const two = await boxOf(page, '#admin-qr-2');
    const both = {
      x: one.x,
      y: Math.min(one.y, two.y),
      width: two.x + two.width - one.x,
      height: Math.max(one.height, two.height),
    };
    await drag(page, both);
    await waitForAnnouncement(page, 'The selection holds more than one QR code');
    await drag(page, two, 'several');
    const [, second] = demo.state().admins;
    expect(await waitForAnnouncement(page, 'Added:')).toContain(second!.account);
    const accounts = await expectAccounts(session, [second!]);
    expect(accounts.filter((a) => a.issuer === second!.issuer)).toHaveLength(1);
    await page.close();
  });

  it('a transfer export of 12 accounts over two QR codes: says what is missing, then imports all', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/google/transfer`);
    await scanFromPopup(session, page);
    expect(await waitForAnnouncement(page, 'QR code 1 of 2 read.')).toContain('Still to scan: 2.');
    expect(await waitForAnnouncement(page, 'Added 10 accounts.')).toBeTruthy();

    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByText('QRコード 2/2').waitFor();
    await page.locator('#transfer-qr').evaluate((img: HTMLImageElement) => img.decode());
    await scanFromPopup(session, page);
    expect(await waitForAnnouncement(page, 'QR code 2 of 2 read.')).toContain('Every QR code of this export');
    await expectAccounts(session, demo.state().transfer.accounts);
    await page.close();
  });

  it.each([
    ['/app/download', 'link to a website'],
    ['/microsoft/activate', 'Microsoft'],
  ])('a QR code that is not an authenticator key (%s) is named, and nothing is added', async (path, what) => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}${path}`);
    const before = (await listAccounts(session)).length;
    await scanFromPopup(session, page);
    // One click only enrols authenticator keys: the overlay asks for a drag.
    await drag(page, await boxOf(page, 'img'));
    expect(await waitForAnnouncement(page, what)).toBeTruthy();
    await page.keyboard.press('Escape');
    await waitForOverlay(page, 'detached');
    expect(await listAccounts(session)).toHaveLength(before);
    await page.close();
  });

  it('locked: asks to unlock, then adds the scanned account without scanning again', async () => {
    const lock = await session.openPopup();
    await lock.getByRole('button', { name: 'Menu' }).click();
    await lock.getByRole('menuitem', { name: 'Lock' }).click();
    await lock.getByRole('button', { name: 'Unlock' }).waitFor();
    await lock.close();

    const page = await session.context.newPage();
    await page.goto(`${demo.url}/portal/admins`);
    await scanFromPopup(session, page); // the locked popup offers the scan under its password field
    await drag(page, await boxOf(page, '#admin-qr-1'));
    await waitForAnnouncement(page, 'Sekimori is locked');

    const popup = await session.openPopup();
    await unlockPopup(popup, PASSWORD);
    const [first] = demo.state().admins;
    await popup.getByText(`Added from your scan: ${first!.issuer} (${first!.account})`).waitFor();
    // The transfer export holds an account of the same name: the highlighted row is the scanned one.
    const highlighted = popup.locator('li.highlighted').filter({ hasText: first!.account });
    await highlighted.first().waitFor(); // the list is fetched again after unlocking
    expect(await highlighted.count()).toBe(1);
    await expectAccounts(session, [first!]);
    await popup.close();
    await page.close();
  });

  it('a page scripts cannot run on: the popup says so and offers Add from image', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://version');
    const popup = await openActionPopup(session.context, session.extensionId, page);
    await popup.clickButton('Scan QR code');
    const text = await popup.evaluate<string>(
      `new Promise((resolve) => { const t = setInterval(() => { const a = document.querySelector('[role=alert]');` +
        ` if (a) { clearInterval(t); resolve(a.textContent); } }, 50); })`,
    );
    expect(text).toContain('Sekimori cannot scan this page');
    expect(text).toContain('Add from image');
    await page.close();
  });
});

describe.each([
  ['device pixel ratio 2', { deviceScaleFactor: 2 }, 1],
  ['dark colour scheme', { colorScheme: 'dark' as const }, 1],
  ['150 % page zoom', {}, 1.5],
])('scan at %s', (_name, options, zoom) => {
  let demo: DemoServer;
  let session: ExtensionSession;

  beforeAll(async () => ({ demo, session } = await setUp(options)));
  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  /** Browser zoom, as Ctrl+plus sets it (the extension API the browser's own zoom uses). */
  async function zoomed(page: Page): Promise<Page> {
    if (zoom === 1) return page;
    await page.bringToFront();
    const worker = await session.serviceWorker();
    await worker.evaluate(
      `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => chrome.tabs.setZoom(t.id, ${zoom}))`,
    );
    await page.waitForFunction(`Math.abs(window.devicePixelRatio - ${zoom}) < 0.01`).catch(() => undefined);
    expect(await page.evaluate(() => window.devicePixelRatio)).toBeCloseTo(zoom);
    return page;
  }

  it('one click on the console enrolment page', async () => {
    const page = await zoomed(await trendEnrolment(session, demo));
    await page.locator('#qr-image').scrollIntoViewIfNeeded(); // zoomed in, the code may sit below the fold
    await scanFromPopup(session, page);
    await waitForAnnouncement(page, 'Added:');
    await expectAccounts(session, [trendAccount(demo)]);
    await page.close();
  });

  it('drag around the washed-out QR code', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/webroot/2fa`);
    await zoomed(page);
    await page.locator('#setup-card').scrollIntoViewIfNeeded();
    await scanFromPopup(session, page);
    const label = _name.replace(/\W+/g, '-');
    await drag(page, await webrootQrBox(page, demo), label);
    await waitForAnnouncement(page, 'Added:');
    await shot(page, `${label}-toast`);
    await expectAccounts(session, [webrootAccount(demo)]);
    await page.close();
  });
});
