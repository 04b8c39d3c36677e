// `npm start`: build the extension, start the demo console, and open both in a browser.
//
//   node scripts/start.mjs [--headless] [--no-build] [--port N] [--lang en-US|ja]
//
// With a display (Linux: DISPLAY or WAYLAND_DISPLAY; macOS and Windows: always), unless CI is set or
// --headless is given, a browser window opens with the extension loaded (profile: .output/demo-profile)
// and runs until the window is closed. Without one, a short scripted demo runs headless and writes
// screenshots to demo-output/<en|ja>/: create a vault, scan the demo console's QR code from the toolbar popup,
// and log in with the code the toolbar popup's Fill puts into the console's field.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { findBrowser, noBrowserMessage } from './find-browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const PROFILE = join(ROOT, '.output', 'demo-profile');
const OUTPUT_ROOT = join(ROOT, 'demo-output');
/** Each language's screenshots in a folder of their own (`npm start -- --lang ja` keeps the English ones). */
let OUTPUT = join(OUTPUT_ROOT, 'en');
const DEMO_PASSWORD = 'demo-password-1234';
const ISSUER = 'Trend Micro SaaS Account';
const ACCOUNT = 'abc@example.co.jp';

function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function build() {
  console.log('> npx wxt build');
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error('wxt build failed');
}

function hasDisplay(args) {
  if (args.includes('--headless') || process.env.CI) return false;
  if (process.platform === 'linux') return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

async function startServer(port) {
  const { startDemoServer } = await tsImport('../demo/server.ts', import.meta.url);
  try {
    return await startDemoServer({ port });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is in use; the demo console takes a free one.`);
    return startDemoServer({ port: 0 });
  }
}

async function interactive(harness, demo, lang) {
  await mkdir(PROFILE, { recursive: true });
  const session = await harness.launchExtension({
    extensionPath: EXTENSION,
    userDataDir: PROFILE,
    headless: false,
    locale: lang,
  });
  const { context, extensionId } = session;
  const index = context.pages()[0] ?? (await context.newPage());
  await index.goto(`${demo.url}/`);
  const enrol = await context.newPage();
  await enrol.goto(`${demo.url}/trend/enrol`);
  console.log(`
Sekimori is loaded (extension id ${extensionId}) in the browser window.
Demo console: ${demo.url}/
  1. Pin Sekimori from the puzzle-piece menu in the toolbar and click it: create a vault.
  2. On "Google認証システムアプリを設定する", click "QRコードを表示する" and enrol the account with Sekimori
     (or add it by hand with the secret key printed under the QR code).
  3. Open ${demo.url}/trend/login and log in with the code Sekimori shows.
The popup can also be opened in a tab: chrome-extension://${extensionId}/popup.html
Close the browser window (or press Ctrl+C) to stop.`);
  await new Promise((resolveClosed) => {
    context.on('close', resolveClosed);
    process.once('SIGINT', () => session.close().then(resolveClosed, resolveClosed));
  });
  console.log('Browser closed; stopping the demo console.');
}

async function screenshot(page, name, shots) {
  const path = join(OUTPUT, name);
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
  console.log(`  screenshot: ${path}`);
}

async function scripted(harness, demo, lang) {
  await mkdir(OUTPUT, { recursive: true });
  const shots = [];
  const session = await harness.launchExtension({ extensionPath: EXTENSION, locale: lang });
  let popup;
  try {
    const { context, extensionId } = session;
    console.log(`Extension ${extensionId} loaded in headless ${lang} Chromium.`);

    const consolePage = context.pages()[0] ?? (await context.newPage());
    await consolePage.goto(`${demo.url}/`);
    await screenshot(consolePage, '01-demo-console.png', shots);

    console.log('Popup: creating the vault.');
    popup = await session.openPopup();
    await popup.setViewportSize({ width: 400, height: 640 });
    // By element, not by label: the walk runs in either language.
    await popup.locator('#new-password').fill(DEMO_PASSWORD);
    await popup.locator('#confirm-password').fill(DEMO_PASSWORD);
    await popup.locator('form button[type=submit]').click();
    await popup.locator('.bar button.scan').waitFor();

    await popup.close();
    const messages = JSON.parse(
      await readFile(join(ROOT, 'public', '_locales', lang === 'ja' ? 'ja' : 'en', 'messages.json'), 'utf8'),
    );

    console.log('Console: showing the enrolment QR code; Sekimori: scanning it from the toolbar popup.');
    const enrol = await context.newPage();
    await enrol.goto(`${demo.url}/trend/enrol`);
    await enrol.getByRole('button', { name: 'QRコードを表示する' }).click();
    await enrol.locator('#qr-image').evaluate((img) => img.decode());
    const action = await harness.openActionPopup(context, extensionId, enrol);
    await action.clickButton(messages.button_scan.message);
    await action.waitClosed();
    console.log(`Page says: ${await harness.waitForAnnouncement(enrol, /Sekimori/)}`);
    await screenshot(enrol, '02-scanned-on-page.png', shots);

    popup = await session.openPopup();
    await popup.setViewportSize({ width: 400, height: 640 });
    const item = popup.getByRole('listitem').filter({ hasText: ACCOUNT });
    await item.waitFor();
    // A code about to expire is read again in the next period (the console allows ±30 s anyway).
    const left = 30 - ((Date.now() / 1000) % 30);
    if (left < 4) await sleep(left * 1000 + 500);
    await screenshot(popup, '03-popup-account.png', shots);
    const code = await harness.codeOf(item);
    if (!/^\d{6}$/.test(code))
      throw new Error(`the account's list item shows no 6-digit code: ${JSON.stringify(code)}`);
    console.log(`Popup shows code ${code} for ${ISSUER} / ${ACCOUNT}.`);

    console.log("Console: the login page; Sekimori: the toolbar popup's Fill puts the code into its field.");
    await popup.close();
    const login = await context.newPage();
    await login.goto(`${demo.url}/trend/login`);
    const fill = await harness.openActionPopup(context, extensionId, login);
    await fill.clickInRow(ACCOUNT, 'fill');
    await fill.waitClosed();
    const field = login.getByLabel('6桁のコード');
    // Evaluated in the page (a string: this file runs in Node).
    await login.waitForFunction(`/^\\d{6}$/.test(document.querySelector('#code')?.value ?? '')`);
    const filled = await field.inputValue();
    console.log(`Filled ${filled} into the console's field.`);
    await login.getByRole('button', { name: '送信' }).click();
    const result = login.locator('#result');
    await result.waitFor();
    const ok = (await result.getAttribute('data-ok')) === 'true';
    await screenshot(login, '04-console-login.png', shots);

    console.log(`
Summary
  demo console   ${demo.url}/  (secret ${demo.secret})
  extension      ${extensionId}
  code           ${code}
  login          ${ok ? 'ログインしました — accepted' : 'コードが正しくありません — REJECTED'}
  screenshots    ${shots.join('\n                 ')}`);
    return ok;
  } catch (error) {
    if (popup && !popup.isClosed()) {
      await screenshot(popup, 'error-popup.png', shots).catch(() => {});
    }
    throw error;
  } finally {
    await session.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const lang = option(args, '--lang') === 'ja' ? 'ja' : 'en-US';
  OUTPUT = join(OUTPUT_ROOT, lang === 'ja' ? 'ja' : 'en');
  const port = Number(option(args, '--port') ?? process.env.DEMO_PORT ?? 8787);

  const browser = findBrowser();
  if (!browser) {
    console.error(noBrowserMessage());
    return 1;
  }
  if (!args.includes('--no-build')) build();

  const demo = await startServer(port);
  console.log(`Demo console: ${demo.url}/   browser: ${browser}`);
  const harness = await tsImport('../test/e2e/harness/index.ts', import.meta.url);
  try {
    if (hasDisplay(args)) {
      await interactive(harness, demo, lang);
      return 0;
    }
    console.log('No display (or --headless / CI): running the scripted demo headless.');
    return (await scripted(harness, demo, lang)) ? 0 : 1;
  } finally {
    await demo.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`start: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      process.exit(1);
    },
  );
}
