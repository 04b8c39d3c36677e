// The demo console in plain Chromium (no extension): the pages work as a person uses them, every QR code
// carries the text /api/state names, and the server accepts exactly the right TOTP codes.
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNIN_PAGES, signinPath } from '../../demo/pages/fixtures/signin/index';
import { startDemoServer } from '../../demo/server';
import type { PublicState } from '../../demo/state';
import type { Submission } from '../../demo/submissions';
import { totp as demoTotp } from '../../demo/totp';
import { parseMigrationUri } from '../../lib/formats';
import { launchBrowser } from './harness';

const PAGES = [
  '/trend/enrol',
  '/trend/login',
  '/trend/emergency',
  '/webroot/2fa',
  '/google/transfer',
  '/portal/admins',
  '/app/download',
  '/microsoft/activate',
  '/webroot/login',
  '/servicenow/mfa',
  '/servicenow/email-code',
  '/fixtures/split',
  '/fixtures/react-otp',
  '/fixtures/controlled',
  '/fixtures/shadow',
  '/fixtures/iframe',
  '/fixtures/cross-frame',
];

interface Pixels {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** Decodes a served PNG, optionally cropped to `region`. */
function readPng(bytes: Buffer, region?: { x: number; y: number; width: number; height: number }): Pixels {
  const png = PNG.sync.read(bytes);
  if (!region) return { width: png.width, height: png.height, rgba: Uint8ClampedArray.from(png.data) };
  const crop = new PNG({ width: region.width, height: region.height });
  PNG.bitblt(png, crop, region.x, region.y, region.width, region.height, 0, 0);
  return { width: crop.width, height: crop.height, rgba: Uint8ClampedArray.from(crop.data) };
}

/** Stretches the grey levels to the full 0–255 range (a washed-out QR code is too faint for jsQR as is). */
function stretchContrast({ width, height, rgba }: Pixels): Pixels {
  let lo = 255;
  let hi = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    lo = Math.min(lo, rgba[i]!);
    hi = Math.max(hi, rgba[i]!);
  }
  const out = new Uint8ClampedArray(rgba.length);
  for (let i = 0; i < rgba.length; i++) out[i] = i % 4 === 3 ? 255 : ((rgba[i]! - lo) * 255) / (hi - lo || 1);
  return { width, height, rgba: out };
}

function invert({ width, height, rgba }: Pixels): Pixels {
  return { width, height, rgba: rgba.map((value, i) => (i % 4 === 3 ? value : 255 - value)) };
}

function decode(pixels: Pixels, inversionAttempts: 'attemptBoth' | 'dontInvert' = 'attemptBoth') {
  return jsQR(pixels.rgba, pixels.width, pixels.height, { inversionAttempts })?.data;
}

/** The pixels of a loaded <img> as the browser decoded them. */
async function imagePixels(page: Page, selector: string): Promise<Pixels> {
  await page.waitForFunction((sel) => {
    const img = document.querySelector<HTMLImageElement>(sel);
    return !!img && img.complete && img.naturalWidth > 0;
  }, selector);
  const dataUrl = await page.evaluate((sel) => {
    const img = document.querySelector<HTMLImageElement>(sel)!;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d')!.drawImage(img, 0, 0);
    return canvas.toDataURL('image/png');
  }, selector);
  return readPng(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
}

/** A six-digit code that is none of the previous, current or next codes of `secret`. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-30_000, 0, 30_000].map((delta) => totp(secret, now + delta)));
  let wrong = totp(secret, now);
  while (valid.has(wrong)) wrong = String((Number(wrong) + 123_457) % 1_000_000).padStart(6, '0');
  return wrong;
}

/** A second, minimal TOTP (RFC 6238, SHA-1, 6 digits) so the test does not trust the server's own. */
function totp(secret: string, timeMs = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[19]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

describe('demo TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors (last six digits)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ];
    for (const [seconds, code] of vectors) {
      expect(demoTotp(secret, seconds * 1000)).toBe(code);
      expect(totp(secret, seconds * 1000)).toBe(code);
    }
  });
});

describe('demo console in Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  let shots: string;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    browser = await launchBrowser({ locale: 'ja' });
    page = await browser.newPage({ viewport: { width: 1024, height: 820 } });
    shots = process.env.E2E_SCREENSHOTS ?? (await mkdtemp(join(tmpdir(), 'sekimori-demo-shots-')));
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    if (shots) console.log(`demo console screenshots: ${shots}`);
  });

  async function apiState(): Promise<PublicState> {
    return (await (await fetch(`${demo.url}/api/state`)).json()) as PublicState;
  }

  it('serves its secrets at /api/state: 16 Base32 characters, different for each console', async () => {
    const state = await apiState();
    expect(state.secret).toBe(demo.secret);
    expect(demo.secret).toMatch(/^[A-Z2-7]{16}$/);
    expect(state.webroot.secret).toBe(demo.webrootSecret);
    expect(demo.webrootSecret).toMatch(/^[A-Z2-7]{16}$/);
    expect(demo.webrootSecret).not.toBe(demo.secret);
    expect(state.servicenow.secret).toBe(demo.servicenowSecret);
    expect(demo.servicenowSecret).toMatch(/^[A-Z2-7]{16}$/);
    expect(new Set([demo.secret, demo.webrootSecret, demo.servicenowSecret]).size).toBe(3);
    expect(state.servicenow.emailCode).toMatch(/^\d{6}$/);
    expect(state.otherUrl).toBe(demo.otherUrl);
    expect(new URL(demo.otherUrl).origin).not.toBe(new URL(demo.url).origin);
    expect(state).toEqual(demo.state());
  });

  it('links every page from the index', async () => {
    await page.goto(`${demo.url}/`);
    await expect.poll(() => page.title()).toContain('デモコンソール');
    for (const href of [...PAGES, `${demo.otherUrl}/trend/login`]) {
      await expect(page.locator(`a[href="${href}"]`).count(), href).resolves.toBe(1);
    }
    await page.screenshot({ path: join(shots, 'index.png'), fullPage: true });
  });

  it('serves QR images that decode to the texts /api/state names', async () => {
    const { qrCodes } = await apiState();
    expect(new Set(qrCodes.map((qr) => qr.page))).toEqual(
      new Set([
        '/trend/enrol',
        '/webroot/2fa',
        '/google/transfer',
        '/portal/admins',
        '/app/download',
        '/microsoft/activate',
      ]),
    );
    for (const qr of qrCodes) {
      const response = await fetch(`${demo.url}${qr.image}`);
      expect(response.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await response.arrayBuffer());
      const whole = readPng(bytes);
      if (qr.region) {
        // Embedded in a wide illustration: only the region around the QR code, contrast stretched, reads.
        expect(whole.width).toBeGreaterThan(2 * whole.height);
        expect(decode(stretchContrast(readPng(bytes, qr.region))), qr.image).toBe(qr.text);
      } else {
        expect(whole.width, qr.image).toBe(whole.height);
        expect(decode(whole), qr.image).toBe(qr.text);
      }
    }
  });

  it('pages fit at 1280x800 and at 150 % zoom without horizontal scrolling', async () => {
    for (const viewport of [
      { width: 1280, height: 800, deviceScaleFactor: 1 },
      { width: 853, height: 533, deviceScaleFactor: 1.5 },
    ]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.deviceScaleFactor });
      const zoomed = await context.newPage();
      for (const path of PAGES) {
        await zoomed.goto(`${demo.url}${path}`);
        const overflow = await zoomed.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${viewport.width}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  });

  it('hides the enrolment QR code until the button is clicked, then shows the secret it carries', async () => {
    await page.goto(`${demo.url}/trend/enrol`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect(
      page.getByRole('heading', { name: 'Google認証システムアプリを設定する' }).count(),
    ).resolves.toBe(1);
    const qr = page.getByRole('img', { name: 'QRコード' });
    expect(await qr.isVisible()).toBe(false);
    await page.screenshot({ path: join(shots, 'enrol-before.png'), fullPage: true });

    await page.getByRole('button', { name: 'QRコードを表示する' }).click();
    await qr.waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#qr-image');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(150);
    expect(box?.width).toBeLessThanOrEqual(260);

    const secretText = (await page.locator('#secret-key').textContent()) ?? '';
    expect(secretText).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
    expect(secretText.replace(/\s/g, '')).toBe(demo.secret);
    await expect(
      page.getByText('QRコードを読み取れない場合は次のキーを入力してください').count(),
    ).resolves.toBe(1);

    // The QR image decodes to the otpauth URI of the same secret, dark on light.
    expect(decode(await imagePixels(page, '#qr-image'), 'dontInvert')).toBe(
      `otpauth://totp/abc%40example.co.jp?secret=${demo.secret}&issuer=Trend%20Micro%20SaaS%20Account`,
    );
    await page.screenshot({ path: join(shots, 'enrol-qr.png'), fullPage: true });

    await page.getByPlaceholder('6桁のコード').fill(totp(secretText.replace(/\s/g, '')));
    await page.getByRole('button', { name: '2要素認証を有効にする' }).click();
    await expect(page.locator('#result').getAttribute('data-ok')).resolves.toBe('true');
    expect(await page.locator('#status').textContent()).toBe('有効');
    expect(await page.locator('#method').textContent()).toBe('Google認証システムアプリ');
    await page.screenshot({ path: join(shots, 'enrol-done.png'), fullPage: true });
  });

  it('logs in with the current code', async () => {
    await page.goto(`${demo.url}/trend/login`);
    await expect(
      page
        .getByText(
          'お使いのモバイルデバイスからGoogle認証システムアプリを使用して確認コードを取得し、入力してください。',
        )
        .count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('link', { name: '緊急アクセスコードをメールで送信' }).count()).resolves.toBe(
      1,
    );
    const input = page.getByLabel('6桁のコード');
    expect(await input.getAttribute('placeholder')).toBe('6桁のコード');
    expect(await input.getAttribute('autocomplete')).toBe('off');
    await page.screenshot({ path: join(shots, 'login.png'), fullPage: true });

    await input.fill(totp(demo.secret));
    await page.getByRole('button', { name: '送信' }).click();
    const result = page.locator('#result');
    await expect(result.getAttribute('data-ok')).resolves.toBe('true');
    expect(await result.textContent()).toContain('ログインしました');
    await page.screenshot({ path: join(shots, 'login-ok.png'), fullPage: true });
  });

  it('refuses a wrong code, and a TOTP typed as the e-mailed emergency code', async () => {
    await page.goto(`${demo.url}/trend/login`);
    await page.getByLabel('6桁のコード').fill(wrongCode(demo.secret));
    await page.getByRole('button', { name: '送信' }).click();
    const result = page.locator('#result');
    await expect(result.getAttribute('data-ok')).resolves.toBe('false');
    expect(await result.textContent()).toContain('コードが正しくありません');
    await page.screenshot({ path: join(shots, 'login-wrong.png'), fullPage: true });

    await page.getByRole('link', { name: '緊急アクセスコードをメールで送信' }).click();
    await page.getByLabel('緊急アクセスコード').fill(totp(demo.secret));
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.locator('#result').getAttribute('data-ok')).resolves.toBe('false');
  });

  it('follows dark mode on the enrolment page: a dark page and a light-on-dark QR code', async () => {
    const dark = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    try {
      await dark.goto(`${demo.url}/trend/enrol`);
      const background = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
      expect(r + g + b).toBeLessThan(3 * 64);
      await dark.getByRole('button', { name: 'QRコードを表示する' }).click();
      await dark.getByRole('img', { name: 'QRコード' }).waitFor({ state: 'visible' });
      expect(await dark.locator('#qr-image').getAttribute('src')).toContain('theme=dark');
      const pixels = await imagePixels(dark, '#qr-image');
      expect(pixels.rgba[0]! + pixels.rgba[1]! + pixels.rgba[2]!).toBeLessThan(3 * 64); // dark quiet zone
      const uri = (await apiState()).qrCodes.find((qr) => qr.image.includes('theme=dark'))?.text;
      expect(uri).toContain(`secret=${demo.secret}`);
      // Light modules on dark: read as is, nothing; with the colours inverted, the URI.
      expect(decode(pixels, 'dontInvert')).toBeUndefined();
      expect(decode(invert(pixels), 'dontInvert')).toBe(uri);
      await dark.screenshot({ path: join(shots, 'enrol-dark.png'), fullPage: true });
    } finally {
      await dark.close();
    }
  });

  it('Webroot-like setup: the QR code is inside a wide setup card, and step 4 checks the code', async () => {
    const { webroot } = await apiState();
    expect(webroot.uri).toBe(
      `otpauth://totp/Webroot:admin%40example.co.jp?secret=${demo.webrootSecret}&issuer=Webroot`,
    );
    await page.goto(`${demo.url}/webroot/2fa`);
    await expect(page.getByRole('heading', { name: 'ステップ 3: QRコードをスキャン' }).count()).resolves.toBe(
      1,
    );
    expect(await page.locator('img').count()).toBe(1);
    const card = await imagePixels(page, '#setup-card');
    expect(card).toMatchObject(webroot.card);
    expect(card.width).toBeGreaterThan(2 * card.height);
    const box = await page.locator('#setup-card').boundingBox();
    expect(box?.width).toBe(webroot.card.width);
    await page.screenshot({ path: join(shots, 'webroot-setup.png'), fullPage: true });

    await page.getByLabel('認証アプリに表示された認証コード').fill(wrongCode(demo.webrootSecret));
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    await expect(page.locator('#result').getAttribute('data-ok')).resolves.toBe('false');
    expect(await page.locator('#result').textContent()).toContain('認証コードが正しくありません');

    // The Trend-like console's code is not this console's code.
    await page.getByLabel('認証アプリに表示された認証コード').fill(totp(demo.secret));
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    await expect(page.locator('#result').getAttribute('data-ok')).resolves.toBe('false');

    await page.getByLabel('認証アプリに表示された認証コード').fill(totp(demo.webrootSecret));
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    await expect(page.locator('#result').getAttribute('data-ok')).resolves.toBe('true');
    expect(await page.locator('#result').textContent()).toContain('認証コードを確認しました');
    await page.getByRole('button', { name: '設定を完了する' }).click();
    await expect(page.getByRole('link', { name: 'コンソールに進む' }).count()).resolves.toBe(1);
    expect((await apiState()).webroot).toMatchObject({ verified: true, completed: true });
    await page.screenshot({ path: join(shots, 'webroot-done.png'), fullPage: true });
  });

  it('transfer export: 12 accounts in two QR codes, "次へ" shows the second', async () => {
    const { transfer } = await apiState();
    expect(transfer.uris).toHaveLength(2);
    expect(transfer.accounts).toHaveLength(12);
    expect(transfer.accounts).toContainEqual(
      expect.objectContaining({ issuer: 'トレンドマイクロ', account: '管理者@example.co.jp' }),
    );
    const eightDigit = transfer.accounts.filter((a) => a.digits === 8);
    expect(eightDigit).toEqual([expect.objectContaining({ type: 'totp', algorithm: 'SHA256' })]);
    const hotp = transfer.accounts.filter((a) => a.type === 'hotp');
    expect(hotp).toEqual([expect.objectContaining({ counter: 5, algorithm: 'SHA1', digits: 6 })]);
    const plain = transfer.accounts.filter((a) => a.digits !== 8 && a.type !== 'hotp');
    expect(plain.every((a) => a.type === 'totp' && a.algorithm === 'SHA1' && a.period === 30)).toBe(true);
    // The QR texts carry exactly these accounts, 10 then 2, in one batch.
    const parts = transfer.uris.map((uri) => parseMigrationUri(uri));
    expect(parts.map((part) => part.batch)).toEqual([
      { size: 2, index: 0, id: transfer.batchId },
      { size: 2, index: 1, id: transfer.batchId },
    ]);
    expect(parts.flatMap((part) => part.accounts)).toEqual(transfer.accounts);
    expect(parts[0]?.accounts).toHaveLength(10);

    await page.goto(`${demo.url}/google/transfer`);
    await expect(page.getByRole('heading', { name: 'アカウントをエクスポート' }).count()).resolves.toBe(1);
    expect(await page.locator('#transfer-counter').textContent()).toBe('QRコード 1/2');
    expect(await page.locator('img').count()).toBe(1);
    const first = await imagePixels(page, '#transfer-qr');
    expect(first.width).toBe(first.height);
    expect(decode(first)).toBe(transfer.uris[0]);
    await page.screenshot({ path: join(shots, 'transfer-1.png'), fullPage: true });

    await page.getByRole('button', { name: '次へ' }).click();
    expect(await page.locator('#transfer-counter').textContent()).toBe('QRコード 2/2');
    await page.waitForFunction(() => document.querySelector('img')?.getAttribute('src')?.endsWith('part=2'));
    const second = await imagePixels(page, '#transfer-qr');
    expect(second.width).toBe(second.height);
    expect(decode(second)).toBe(transfer.uris[1]);
    expect(await page.getByRole('button', { name: '次へ' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: '完了' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'transfer-2.png'), fullPage: true });
  });

  it('shows two different enrolment QR codes side by side', async () => {
    const { admins } = await apiState();
    expect(admins).toHaveLength(2);
    expect(admins[0]?.secret).not.toBe(admins[1]?.secret);
    await page.goto(`${demo.url}/portal/admins`);
    expect(await page.locator('img').count()).toBe(2);
    const [left, right] = await Promise.all([
      page.locator('#admin-qr-1').boundingBox(),
      page.locator('#admin-qr-2').boundingBox(),
    ]);
    expect(Math.abs((left?.y ?? 0) - (right?.y ?? 1))).toBeLessThan(2);
    expect((right?.x ?? 0) - (left?.x ?? 0)).toBeGreaterThan(left?.width ?? 0);
    for (const [i, admin] of admins.entries()) {
      expect(admin.uri).toContain(`secret=${admin.secret}`);
      expect(decode(await imagePixels(page, `#admin-qr-${i + 1}`))).toBe(admin.uri);
    }
    await page.screenshot({ path: join(shots, 'admins.png'), fullPage: true });
  });

  it('shows one non-OTP QR code per page: a web link, a Microsoft work-account activation', async () => {
    const state = await apiState();
    expect(state.appLink).toBe('https://example.co.jp/app/download');
    expect(state.workAccount).toBe(
      'phonefactor://activate_account?code=123456789&url=https%3a%2f%2fmobileappcommunicator.auth.microsoft.com%2factivate%2f123456789%2fJPE',
    );
    for (const [path, selector, text, shot] of [
      ['/app/download', '#download-qr', state.appLink, 'app-download.png'],
      ['/microsoft/activate', '#activation-qr', state.workAccount, 'microsoft-activate.png'],
    ] as const) {
      await page.goto(`${demo.url}${path}`);
      expect(await page.locator('img').count()).toBe(1);
      const pixels = await imagePixels(page, selector);
      expect(pixels.width).toBe(pixels.height);
      expect(decode(pixels)).toBe(text);
      await page.screenshot({ path: join(shots, shot), fullPage: true });
    }
  });
});

describe('login pages in Chromium: codes typed by keyboard, checked and recorded by the server', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shots: string;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    browser = await launchBrowser({ locale: 'ja' });
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    shots = process.env.E2E_SCREENSHOTS ?? (await mkdtemp(join(tmpdir(), 'sekimori-login-shots-')));
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function submissions(path: string): Promise<Submission[]> {
    const { logins } = (await (await fetch(`${demo.url}/api/state`)).json()) as PublicState;
    return logins[path]?.submissions ?? [];
  }

  // `[data-ok]`: a page that answers by script (the shadow-root one) shows #result before it has an answer.
  async function expectAccepted(frame: Page | FrameLocator = page): Promise<void> {
    await expect(frame.locator('#result[data-ok]').getAttribute('data-ok')).resolves.toBe('true');
  }

  async function expectRejected(frame: Page | FrameLocator = page): Promise<void> {
    await expect(frame.locator('#result[data-ok]').getAttribute('data-ok')).resolves.toBe('false');
  }

  it('names every login page in /api/state with the secret it checks, nothing sent yet', async () => {
    const { logins } = (await (await fetch(`${demo.url}/api/state`)).json()) as PublicState;
    expect(Object.fromEntries(Object.entries(logins).map(([path, login]) => [path, login.secret]))).toEqual({
      '/trend/login': demo.secret,
      '/trend/emergency': null,
      '/webroot/login': demo.webrootSecret,
      '/servicenow/mfa': demo.servicenowSecret,
      '/servicenow/email-code': null,
      '/fixtures/split': demo.secret,
      '/fixtures/react-otp': demo.secret,
      '/fixtures/controlled': demo.secret,
      '/fixtures/shadow': demo.secret,
      '/fixtures/iframe/inner': demo.secret,
      '/fixtures/trap-inner': null,
      // The sign-in fixtures (test/e2e/signin-fixtures.e2e.ts): a TOTP where they expect a fill, else none.
      ...Object.fromEntries(
        SIGNIN_PAGES.flatMap((p) =>
          p.expect.result === 'none'
            ? []
            : [[signinPath(p.slug), p.expect.result === 'fill' ? demo.secret : null]],
        ),
      ),
    });
    expect(Object.values(logins).every((login) => login.submissions.length === 0)).toBe(true);
  });

  it('Trend-like and Webroot-like logins take their own console’s code, and record both', async () => {
    await page.goto(`${demo.url}/trend/login`);
    const foreign = totp(demo.webrootSecret); // computed once: the same code typed and expected
    await page.getByLabel('6桁のコード').pressSequentially(foreign);
    await page.getByRole('button', { name: '送信' }).click();
    await expectRejected();
    const trend = totp(demo.secret);
    await page.getByLabel('6桁のコード').pressSequentially(trend);
    await page.getByRole('button', { name: '送信' }).click();
    await expectAccepted();
    expect((await submissions('/trend/login')).map(({ code, ok }) => ({ code, ok }))).toEqual([
      { code: foreign, ok: false },
      { code: trend, ok: true },
    ]);

    await page.goto(`${demo.url}/webroot/login`);
    await expect(
      page.getByText('認証アプリのコードを入力してください', { exact: true }).count(),
    ).resolves.toBe(1);
    await page.screenshot({ path: join(shots, 'webroot-login.png'), fullPage: true });
    const code = totp(demo.webrootSecret);
    await page.getByLabel('認証コード').pressSequentially(code);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expectAccepted();
    expect(await submissions('/webroot/login')).toEqual([{ code, ok: true, origin: demo.url, via: 'form' }]);
  });

  it('ServiceNow-like verify page: placeholder XXX-XXX, maxlength 7, takes 123-456 and 123456', async () => {
    await page.goto(`${demo.url}/servicenow/mfa`);
    await expect(page.getByRole('heading', { name: '本人確認を行う' }).count()).resolves.toBe(1);
    await expect(page.getByText('認証アプリに表示されたコードを入力します').count()).resolves.toBe(1);
    await expect(
      page.getByLabel('今後8時間、このブラウザのMFAを試さないでください').getAttribute('type'),
    ).resolves.toBe('checkbox');
    await expect(page.getByRole('link', { name: '別の確認方法をお試しください' }).count()).resolves.toBe(1);
    const input = page.getByLabel('6桁の検証コード');
    expect(await input.getAttribute('placeholder')).toBe('XXX-XXX');
    expect(await input.getAttribute('maxlength')).toBe('7');
    await page.screenshot({ path: join(shots, 'servicenow-mfa.png'), fullPage: true });

    const code = totp(demo.servicenowSecret);
    const dashed = `${code.slice(0, 3)}-${code.slice(3)}`;
    await input.pressSequentially(dashed);
    await page.getByRole('button', { name: '検証' }).click();
    await expectAccepted();
    await page.goto(`${demo.url}/servicenow/mfa`);
    await page.getByLabel('6桁の検証コード').pressSequentially(code);
    await page.getByRole('button', { name: '検証' }).click();
    await expectAccepted();
    await page.goto(`${demo.url}/servicenow/mfa`);
    // Computed once: typed and expected must be the same code even across a 30 s step boundary.
    const trendCode = totp(demo.secret);
    await page.getByLabel('6桁の検証コード').pressSequentially(trendCode);
    await page.getByRole('button', { name: '検証' }).click();
    await expectRejected();
    expect((await submissions('/servicenow/mfa')).map(({ code, ok }) => ({ code, ok }))).toEqual([
      { code: dashed, ok: true },
      { code, ok: true },
      { code: trendCode, ok: false },
    ]);
  });

  it('ServiceNow-like e-mail page rejects a TOTP and takes the e-mailed code', async () => {
    const { servicenow } = (await (await fetch(`${demo.url}/api/state`)).json()) as PublicState;
    expect(servicenow.email).toBe('a***@example.co.jp');
    await page.goto(`${demo.url}/servicenow/email-code`);
    await expect(page.getByText('メールに送信されたコードを入力します').count()).resolves.toBe(1);
    await expect(page.getByText('a***@example.co.jp').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'コードを再送信' }).isDisabled()).resolves.toBe(true);
    expect(await page.locator('#resend-left').textContent()).toMatch(/^2\d秒以内$/);
    const input = page.getByLabel('6桁の認証コード');
    expect(await input.getAttribute('placeholder')).toBe('XXXXXX');
    await page.screenshot({ path: join(shots, 'servicenow-email.png'), fullPage: true });
    expect(await submissions('/servicenow/email-code')).toEqual([]);

    const totpCode = totp(demo.servicenowSecret); // computed once: the same code typed and expected
    await input.pressSequentially(totpCode);
    await page.getByRole('button', { name: '検証' }).click();
    await expectRejected();
    await page.getByLabel('6桁の認証コード').pressSequentially(servicenow.emailCode);
    await page.getByRole('button', { name: '検証' }).click();
    await expectAccepted();
    expect((await submissions('/servicenow/email-code')).map(({ code, ok }) => ({ code, ok }))).toEqual([
      { code: totpCode, ok: false },
      { code: servicenow.emailCode, ok: true },
    ]);
  });

  it('split boxes: typing moves from box to box, pasting six digits fills them all', async () => {
    await page.goto(`${demo.url}/fixtures/split`);
    const boxes = page.locator('#split-digits input');
    await expect(boxes.count()).resolves.toBe(6);
    for (let i = 0; i < 6; i++) {
      const box = page.getByLabel(`${i + 1}桁目`);
      expect(await box.getAttribute('maxlength')).toBe('1');
      expect(await box.getAttribute('inputmode')).toBe('numeric');
    }
    await page.screenshot({ path: join(shots, 'split.png'), fullPage: true });
    const typed = totp(demo.secret);
    await page.getByLabel('1桁目').click();
    await page.keyboard.type(typed);
    expect(await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      ...typed,
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('6桁目');
    await page.screenshot({ path: join(shots, 'split-typed.png'), fullPage: true });
    await page.getByRole('button', { name: '確認' }).click();
    await expectAccepted();

    await page.goto(`${demo.url}/fixtures/split`);
    const pasted = totp(demo.secret);
    await page.evaluate(
      (text) => navigator.clipboard.writeText(text),
      `${pasted.slice(0, 3)} ${pasted.slice(3)}`,
    );
    await page.getByLabel('1桁目').click();
    await page.keyboard.press('Control+V');
    expect(await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      ...pasted,
    ]);
    await page.getByRole('button', { name: '確認' }).click();
    await expectAccepted();
    expect(await submissions('/fixtures/split')).toEqual([
      { code: typed, ok: true, origin: demo.url, via: 'form' },
      { code: pasted, ok: true, origin: demo.url, via: 'form' },
    ]);
  });

  it('controlled field: typing works, a value set without an input event is lost on submit', async () => {
    await page.goto(`${demo.url}/fixtures/controlled`);
    await page.screenshot({ path: join(shots, 'controlled.png'), fullPage: true });
    const code = totp(demo.secret);
    await page.getByLabel('確認コード').pressSequentially(code);
    await page.getByRole('button', { name: '続ける' }).click();
    await expectAccepted();

    await page.goto(`${demo.url}/fixtures/controlled`);
    await page.evaluate((value) => {
      const input = document.querySelector<HTMLInputElement>('#controlled-code')!;
      input.value = value;
      input.form!.requestSubmit();
    }, code);
    await expectRejected();
    expect((await submissions('/fixtures/controlled')).map(({ code, ok }) => ({ code, ok }))).toEqual([
      { code, ok: true },
      { code: '', ok: false },
    ]);
  });

  it('shadow root: the field is in an open shadow root and the element sends the code', async () => {
    await page.goto(`${demo.url}/fixtures/shadow`);
    expect(await page.evaluate(() => document.querySelector('input'))).toBeNull();
    expect(
      await page.evaluate(() => !!document.querySelector('code-prompt')?.shadowRoot?.querySelector('input')),
    ).toBe(true);
    await page.screenshot({ path: join(shots, 'shadow.png'), fullPage: true });
    const code = totp(demo.secret);
    await page.getByLabel('確認コード').pressSequentially(code);
    await page.getByRole('button', { name: '確認' }).click();
    await expectAccepted();
    expect(await submissions('/fixtures/shadow')).toEqual([
      { code, ok: true, origin: demo.url, via: 'form' },
    ]);
    await page.screenshot({ path: join(shots, 'shadow-ok.png'), fullPage: true });
  });

  it('same-origin iframe: the form inside takes the code', async () => {
    await page.goto(`${demo.url}/fixtures/iframe`);
    expect(await page.evaluate(() => !!document.querySelector('iframe')?.contentDocument)).toBe(true);
    const frame = page.frameLocator('#signin-frame');
    await frame.getByLabel('認証コード').waitFor();
    await page.screenshot({ path: join(shots, 'iframe.png'), fullPage: true });
    const code = totp(demo.secret);
    await frame.getByLabel('認証コード').pressSequentially(code);
    await frame.getByRole('button', { name: '確認' }).click();
    await expectAccepted(frame);
    expect(await submissions('/fixtures/iframe/inner')).toEqual([
      { code, ok: true, origin: demo.url, via: 'form' },
    ]);
  });

  it('cross-origin trap: the frame comes from the other origin and records whatever reaches it', async () => {
    await page.goto(`${demo.url}/fixtures/cross-frame`);
    expect(await page.locator('#trap-frame').getAttribute('src')).toBe(
      `${demo.otherUrl}/fixtures/trap-inner`,
    );
    expect(await page.evaluate(() => document.querySelector('iframe')?.contentDocument)).toBeNull();
    const frame = page.frameLocator('#trap-frame');
    await frame.getByLabel('確認コード').waitFor();
    await page.screenshot({ path: join(shots, 'cross-frame.png'), fullPage: true });
    expect(await submissions('/fixtures/trap-inner')).toEqual([]);

    const code = totp(demo.secret);
    await frame.getByLabel('確認コード').pressSequentially(code);
    await expect.poll(() => submissions('/fixtures/trap-inner')).toHaveLength(1);
    await frame.getByRole('button', { name: '送信' }).click();
    await expectRejected(frame);
    expect(await submissions('/fixtures/trap-inner')).toEqual([
      { code, ok: false, origin: demo.otherUrl, via: 'script' },
      { code, ok: false, origin: demo.otherUrl, via: 'form' },
    ]);
  });

  it('lookalike origins serve the same login: the other listener, and localhost for 127.0.0.1', async () => {
    const localhost = `http://localhost:${demo.port}`;
    for (const origin of [demo.otherUrl, localhost]) {
      await page.goto(`${origin}/trend/login`);
      expect(await page.evaluate(() => location.origin)).toBe(origin);
      await expect(page.getByLabel('6桁のコード').count()).resolves.toBe(1);
      await page.getByLabel('6桁のコード').pressSequentially(totp(demo.secret));
      await page.getByRole('button', { name: '送信' }).click();
      await expectAccepted();
    }
    const origins = (await submissions('/trend/login')).map((s) => s.origin);
    expect(origins.slice(-2)).toEqual([demo.otherUrl, localhost]);
  });
});
