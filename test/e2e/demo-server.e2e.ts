// The demo console in plain Chromium (no extension): the pages work as a person uses them, the QR code
// carries the secret the page prints, and the server accepts exactly the right TOTP codes.
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { totp as demoTotp } from '../../demo/totp';
import { launchBrowser } from './harness';

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

  it('serves its secret at /api/state: 16 Base32 characters', async () => {
    const state = (await (await fetch(`${demo.url}/api/state`)).json()) as { secret: string };
    expect(state.secret).toBe(demo.secret);
    expect(demo.secret).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('links every page from the index', async () => {
    await page.goto(`${demo.url}/`);
    await expect.poll(() => page.title()).toContain('デモコンソール');
    for (const href of ['/trend/enrol', '/trend/login']) {
      await expect(page.locator(`a[href="${href}"]`).count()).resolves.toBe(1);
    }
    await page.screenshot({ path: join(shots, 'index.png'), fullPage: true });
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

    // The QR image decodes to the otpauth URI of the same secret.
    const pixels = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('#qr-image')!;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return { width: data.width, height: data.height, rgba: Array.from(data.data) };
    });
    const decoded = jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height);
    expect(decoded?.data).toBe(
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
    const now = Date.now();
    const valid = new Set([-30_000, 0, 30_000].map((delta) => totp(demo.secret, now + delta)));
    let wrong = totp(demo.secret, now);
    while (valid.has(wrong)) wrong = String((Number(wrong) + 123_457) % 1_000_000).padStart(6, '0');

    await page.goto(`${demo.url}/trend/login`);
    await page.getByLabel('6桁のコード').fill(wrong);
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
});
