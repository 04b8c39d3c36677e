/**
 * "Add from image" on the options page, in real Chromium: the browser's own image decoding and canvas, the
 * file picker and a pasted screenshot. The phone photo of a Google Authenticator transfer code must import;
 * PNG, JPEG, WebP, GIF and BMP read, chosen or pasted; a 48-megapixel photo with a small code reads (the
 * tiles of image-to-rgba.ts), and a file that is no image or an image without a code says so, in English and
 * in Japanese. Screenshots of the card go to .output/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jpeg from 'jpeg-js';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbaImage } from '@/lib/qr/rgba-image';
import { encodeBmp, encodeGif } from '../support/image-encoders';
import { drawQr } from '../support/qr-images';
import { photo } from '../support/qr-photos';
import { loadMessages } from '../support/translate';
import {
  askBackground,
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  listAccounts,
  type ExtensionSession,
} from './harness';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures/google-migration');
const PHOTO = resolve(FIXTURES, 'example_export.png');
const NOT_OTP = resolve(FIXTURES, 'qr_but_without_otp.png');
const SHOTS = resolve(__dirname, '../../.output/screenshots');

/** An otpauth link per test image, so each preview names the image it came from. */
const link = (name: string) =>
  `otpauth://totp/Formats:${name}@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Formats`;

const png = (image: RgbaImage) => {
  const out = new PNG({ width: image.width, height: image.height });
  out.data = Buffer.from(image.data);
  return PNG.sync.write(out);
};
const qrImage = (name: string) => drawQr(link(name), { modulePx: 4, margin: 24 });

/** The WebP of a PNG, written by Chromium itself (no WebP encoder among the devDependencies). */
async function webp(page: Page, pngBytes: Uint8Array): Promise<Buffer> {
  const base64 = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.9 });
    if (blob.type !== 'image/webp') throw new Error(`no WebP encoder: ${blob.type}`);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, Buffer.from(pngBytes).toString('base64'));
  return Buffer.from(base64, 'base64');
}

interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

async function formats(page: Page): Promise<Array<{ format: string; file: TestFile }>> {
  const file = (format: string, mimeType: string, bytes: Uint8Array) => ({
    format,
    file: { name: `qr.${format}`, mimeType, buffer: Buffer.from(bytes) },
  });
  return [
    file('png', 'image/png', png(qrImage('png'))),
    file(
      'jpeg',
      'image/jpeg',
      jpeg.encode({ ...qrImage('jpeg'), data: Buffer.from(qrImage('jpeg').data) }, 85).data,
    ),
    file('webp', 'image/webp', await webp(page, png(qrImage('webp')))),
    file('gif', 'image/gif', encodeGif(qrImage('gif'))),
    file('bmp', 'image/bmp', encodeBmp(qrImage('bmp'))),
  ];
}

const NOT_AN_IMAGE: TestFile = {
  name: 'notes.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('otpauth is not in here\n'),
};

/** A photo of a desk, 1600×1200, with no code in it. */
const noCodeFile = (): TestFile => {
  const image = photo(1600, 1200, 3);
  return {
    name: 'desk.jpg',
    mimeType: 'image/jpeg',
    buffer: jpeg.encode({ ...image, data: Buffer.from(image.data) }, 90).data,
  };
};

/**
 * The Add from image card, photographed for a person to look at: a clip of the page, not the element's own
 * screenshot, which waits for the card to hold still while the tiles are being read.
 */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('#add-from-image').boundingBox();
  if (!box) throw new Error('The Add from image card is not on the page.');
  const clip = { x: box.x, y: Math.max(0, box.y - 8), width: box.width, height: box.height + 16 };
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), clip, fullPage: true });
}

/** The file pasted on the page, as a screenshot from the clipboard arrives. */
async function paste(page: Page, file: TestFile): Promise<void> {
  await page.evaluate(
    async ({ name, mimeType, base64 }) => {
      const blob = await (await fetch(`data:${mimeType};base64,${base64}`)).blob();
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: mimeType }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    },
    { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
  );
}

/** The preview of the code's one account, then Cancel: nothing is saved. */
async function previewShows(page: Page, name: string): Promise<void> {
  await page.getByText(`${name}@example.com`, { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText(`${name}@example.com`, { exact: true }).waitFor({ state: 'detached' });
}

/**
 * A phone photo of 8000×6000 (48 megapixels, JPEG) drawn in the page: shading, soft shapes and sensor noise,
 * with a code of `modulePx` px modules at (x, y). Kept in the page (window.__photo): 48 megapixels do not
 * travel well over the DevTools protocol.
 */
async function makePhoto(page: Page, text: string | null, modulePx = 3, x = 0, y = 0): Promise<number> {
  const modules = text === null ? [] : encode(text, { ecc: 'M', border: 4 }).data;
  return page.evaluate(
    async ({ modules, modulePx, x, y }) => {
      const width = 8000;
      const height = 6000;
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      const light = ctx.createLinearGradient(0, 0, width, height);
      light.addColorStop(0, '#8a8478');
      light.addColorStop(1, '#c9c2b6');
      ctx.fillStyle = light;
      ctx.fillRect(0, 0, width, height);
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let i = 0; i < 14; i++) {
        const cx = random() * width;
        const cy = random() * height;
        const r = (0.05 + random() * 0.2) * height;
        const blob = ctx.createRadialGradient(cx, cy, 0, cx, cy, r);
        const v = Math.round(random() * 255);
        blob.addColorStop(0, `rgba(${v},${v},${v},0.7)`);
        blob.addColorStop(1, `rgba(${v},${v},${v},0)`);
        ctx.fillStyle = blob;
        ctx.fillRect(cx - r, cy - r, 2 * r, 2 * r);
      }
      ctx.fillStyle = '#f4f2ee';
      if (modules.length > 0) ctx.fillRect(x, y, modules.length * modulePx, modules.length * modulePx);
      ctx.fillStyle = '#1c1c1c';
      modules.forEach((row, my) =>
        row.forEach((dark, mx) => {
          if (dark) ctx.fillRect(x + mx * modulePx, y + my * modulePx, modulePx, modulePx);
        }),
      );
      // Sensor noise, in bands to keep the memory of the page small.
      for (let top = 0; top < height; top += 500) {
        const band = ctx.getImageData(0, top, width, 500);
        const d = band.data;
        for (let i = 0; i < d.length; i += 4) {
          const n = (random() - 0.5) * 24;
          for (let c = i; c < i + 3; c++) d[c] = d[c]! + n;
        }
        ctx.putImageData(band, 0, top);
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      (window as unknown as { __photo: File }).__photo = new File([blob], 'IMG_0001.jpg', {
        type: 'image/jpeg',
      });
      return blob.size;
    },
    { modules, modulePx, x, y },
  );
}

/** Gives the photo made by makePhoto to the file input, as the file picker does. */
async function choosePhoto(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const data = new DataTransfer();
    data.items.add((window as unknown as { __photo: File }).__photo);
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Add from image in Chromium', () => {
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchExtension({ extensionPath: E2E_EXTENSION });
    const popup = await session.openPopup();
    await createVaultInPopup(popup, 'add from image passphrase 2026');
    await popup.close();
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#add-from-image`);
    await options.getByRole('heading', { name: 'Add from image' }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('imports the accounts of a phone photo of a transfer code, chosen with the file picker', async () => {
    await options.locator('input[type=file]').setInputFiles(PHOTO);
    await options.getByText('Accounts in this QR code').waitFor({ timeout: 20_000 });
    for (const name of ['Test1', 'Test2', 'Test3']) await options.getByText(name, { exact: true }).waitFor();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Added to Sekimori (3):').waitFor();
    const accounts = await listAccounts(session);
    expect(accounts.map((a) => `${a.issuer}/${a.account}`).sort()).toEqual([
      'Test1/test1@example1.com',
      'Test2/test2@example2.com',
      'Test3/test3@example3.com',
    ]);
    expect(accounts.every((a) => a.origins.length === 0)).toBe(true); // not scanned on a site
  });

  it('a pasted screenshot of the same code: everything is already there', async () => {
    const bytes = readFileSync(PHOTO).toString('base64');
    await options.evaluate(async (base64) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const data = new DataTransfer();
      data.items.add(new File([blob], 'screenshot.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, bytes);
    await options.getByText('All of these accounts are already in Sekimori.').waitFor({ timeout: 20_000 });
  });

  it('a QR code that is not an authenticator key says what it is', async () => {
    await options.reload();
    await options.locator('input[type=file]').setInputFiles(NOT_OTP);
    await options.getByRole('alert').waitFor({ timeout: 20_000 });
    expect(await options.getByRole('alert').textContent()).not.toContain('error_');
    expect(await listAccounts(session)).toHaveLength(3);
  });

  it('reads a PNG, a JPEG, a WebP, a GIF and a BMP, each chosen with the file picker and pasted', async () => {
    await options.reload();
    for (const { format, file } of await formats(options)) {
      await options.locator('input[type=file]').setInputFiles(file);
      await previewShows(options, format);
      await paste(options, file);
      await previewShows(options, format);
    }
  });

  it('a 48-megapixel photo with a small code (3 px a module) in a corner reads, part by part', async () => {
    await options.reload();
    // Near the bottom right corner: found in the last of the nine tiles, the longest a code takes.
    await makePhoto(options, link('photo'), 3, 7700, 5750);
    const started = Date.now();
    await choosePhoto(options);
    await options.locator('.reading-parts').waitFor({ timeout: 30_000 });
    await shoot(options, 'add-from-image-reading-en');
    const outcome = await Promise.race([
      options
        .getByText('photo@example.com', { exact: true })
        .waitFor({ timeout: 90_000 })
        .then(() => 'read'),
      options
        .getByRole('alert')
        .waitFor({ timeout: 90_000 })
        .then(() => 'alert'),
    ]);
    console.log(`48 MP photo, code of 3 px modules in a corner: ${outcome} after ${Date.now() - started} ms`);
    expect(outcome).toBe('read');
    await options.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a file that is no image, and a photo without a code, say so', async () => {
    await options.reload();
    const en = loadMessages('en');
    await options.locator('input[type=file]').setInputFiles(NOT_AN_IMAGE);
    await expect.poll(() => options.getByRole('alert').textContent()).toBe(en.add_image_not_image!.message);
    await options.locator('input[type=file]').setInputFiles(noCodeFile());
    await expect
      .poll(() => options.getByRole('alert').textContent(), { timeout: 20_000 })
      .toBe(en.add_image_no_qr!.message);
    await shoot(options, 'add-from-image-no-code-en');
  });
});

describe('Add from image in Chromium, in Japanese', () => {
  let session: ExtensionSession;
  let options: Page;
  const ja = loadMessages('ja');

  beforeAll(async () => {
    session = await launchExtension({ extensionPath: E2E_EXTENSION, locale: 'ja' });
    await askBackground(session, 'vault.create', { password: 'add from image passphrase 2026' });
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#add-from-image`);
    await options.getByRole('heading', { name: ja.add_image_title!.message }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('a file that is no image, and a photo without a code, say so in Japanese', async () => {
    await options.locator('input[type=file]').setInputFiles(NOT_AN_IMAGE);
    await expect.poll(() => options.getByRole('alert').textContent()).toBe(ja.add_image_not_image!.message);
    await paste(options, noCodeFile());
    await expect
      .poll(() => options.getByRole('alert').textContent(), { timeout: 20_000 })
      .toBe(ja.add_image_no_qr!.message);
    await shoot(options, 'add-from-image-no-code-ja');
  });

  it('a 48-megapixel photo without a code: read part by part, then the closer-photo message', async () => {
    await options.reload();
    await makePhoto(options, null);
    const started = Date.now();
    await choosePhoto(options);
    await options.locator('.reading-parts').waitFor({ timeout: 30_000 });
    await shoot(options, 'add-from-image-reading-ja');
    await expect
      .poll(() => options.getByRole('alert').textContent(), { timeout: 60_000 })
      .toBe(ja.add_image_no_qr!.message);
    console.log(`48 MP photo without a code: the message after ${Date.now() - started} ms`);
  });
});
