// @vitest-environment happy-dom
/**
 * "Add from image" over the real background (keeper, router, vault on an in-memory store). happy-dom cannot
 * decode images, so the image -> RGBA step is the component's injected reader, here a PNG decoder (pngjs) fed
 * with the real fixture images and with QR codes drawn from the real export texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { AddFromImage } from '@/components/AddFromImage';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { fitWithin, openedPixels, type ReadImage } from '@/components/image-to-rgba';
import { App } from '@/entrypoints/options/App';
import { formatMigrationUris } from '@/lib/formats';
import type { Client } from '@/lib/messages';
import { decodeQr, MAX_PIXELS } from '@/lib/qr/decode-qr';
import { decodeQrCodes } from '@/lib/qr/decode-qr-codes';
import { installQrDecoder } from '@/lib/qr/shared-decoder';
import type { RgbaImage } from '@/lib/qr/rgba-image';
import { validateAccount } from '@/lib/otp/validate-account';
import { drawQr } from '../support/qr-images';
import { paste, photo } from '../support/qr-photos';
import { realClient } from '../support/real-client';
import { loadMessages, translator } from '../support/translate';

// What options.html does with its qr-decoder.js script tag.
installQrDecoder({ decodeQr, decodeQrCodes });

const PASSWORD = 'two unrelated words 7';
const FIXTURES = join(__dirname, '../../../shared/fixtures/google-migration');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const en = loadMessages('en');
// Decoding the real phone photo takes a while on a busy machine: wait longer than the default second.
configure({ asyncUtilTimeout: 5000 });
const ja = loadMessages('ja');

/** The injected reader: PNG bytes -> RGBA, as the canvas does in the browser. */
const readPng: ReadImage = async (file) => {
  const png = PNG.sync.read(Buffer.from(await file.arrayBuffer()));
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
};

function pngFile(bytes: Uint8Array, name = 'qr.png'): File {
  return new File([new Uint8Array(bytes)], name, { type: 'image/png' });
}

function toPng(image: RgbaImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png);
}

/** A screenshot of a QR code holding `text`. */
const qrFile = (text: string, name = 'screenshot.png') =>
  pngFile(toPng(drawQr(text, { modulePx: 4, margin: 24 })), name);

async function setup(lang: 'en' | 'ja' = 'en', withApp = false) {
  const background = realClient();
  await background.client.call('vault.create', { password: PASSWORD });
  mount(background.client, lang, withApp);
  await screen.findByRole('button', { name: t(lang, 'add_image_choose') });
  return background;
}

function mount(client: Client, lang: 'en' | 'ja', withApp: boolean) {
  render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={client}>
        {withApp ? <App readImage={readPng} /> : <AddFromImage readImage={readPng} />}
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

const t = (lang: 'en' | 'ja', key: string, ...subs: string[]) => translator(lang)(key, subs);

function chooseFile(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  fireEvent.change(input, { target: { files: [file] } });
}

/** What a browser's DataTransfer offers for a dropped or pasted file (or text). */
function transfer(file: File | null, text = '') {
  return {
    files: file ? [file] : [],
    items: file ? [{ kind: 'file', type: file.type, getAsFile: () => file }] : [],
    types: file ? ['Files'] : ['text/plain'],
    getData: (type: string) => (type === 'text/plain' ? text : ''),
  };
}

/** A drag event carrying files (built by hand: happy-dom has no DragEvent to fire). */
function drag(
  target: Element,
  type: string,
  data: ReturnType<typeof transfer>,
  relatedTarget: Node | null = null,
) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperties(event, { dataTransfer: { value: data }, relatedTarget: { value: relatedTarget } });
  target.dispatchEvent(event);
  return event;
}

async function previewItems() {
  const card = await screen.findByRole('heading', { name: en.enrol_preview_title!.message });
  return within(card.parentElement!).getAllByRole('listitem');
}

async function stored(client: Client) {
  const { accounts } = await client.call('codes.list', {});
  return accounts.map((a) => ({ issuer: a.issuer, account: a.account, type: a.type }));
}

afterEach(cleanup);

describe('Add from image', () => {
  it('imports the real photo of a Google Authenticator export: preview, save, confirmation', async () => {
    const { client } = await setup();
    chooseFile(pngFile(fixture('example_export.png'), 'example_export.png'));
    const items = await previewItems();
    expect(items.map((li) => li.textContent)).toEqual([
      'Test1test1@example1.comTime-based (TOTP) · 6 digits · every 30 s · SHA1',
      'Test2test2@example2.comTime-based (TOTP) · 6 digits · every 30 s · SHA1',
      'Test3test3@example3.comTime-based (TOTP) · 6 digits · every 30 s · SHA1',
    ]);
    expect(screen.getByText('New: 3 · Already in Sekimori: 0')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Accounts in this QR code'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const status = await screen.findByText('Added to Sekimori (3):');
    const done = status.parentElement!;
    expect(
      within(done)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Test1 (test1@example1.com)', 'Test2 (test2@example2.com)', 'Test3 (test3@example3.com)']);
    expect(screen.queryByRole('heading', { name: 'Accounts in this QR code' })).toBeNull();
    const choose = screen.getByRole('button', { name: 'Choose image…' });
    await waitFor(() => expect(document.activeElement).toBe(choose));
    expect(await stored(client)).toEqual([
      { issuer: 'Test1', account: 'test1@example1.com', type: 'totp' },
      { issuer: 'Test2', account: 'test2@example2.com', type: 'totp' },
      { issuer: 'Test3', account: 'test3@example3.com', type: 'totp' },
    ]);

    // The same image again: everything is marked, nothing is added twice.
    chooseFile(pngFile(fixture('example_export.png')));
    const again = await previewItems();
    expect(again.every((li) => li.textContent!.endsWith('Already added'))).toBe(true);
    expect(screen.getByText('All of these accounts are already in Sekimori.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Nothing new was added.')).toBeTruthy();
    expect(screen.getByText('Already in Sekimori, not added again: 3')).toBeTruthy();
    expect(await stored(client)).toHaveLength(3);
  });

  it('imports every account of the real export texts (example_output.json), each once', async () => {
    const { client } = await setup();
    const lines = readFileSync(join(FIXTURES, 'example_export.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('otpauth-migration:'));
    for (const line of lines) {
      chooseFile(qrFile(line));
      await previewItems();
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      await screen.findByText(/^(Added to Sekimori|Nothing new was added)/);
    }
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'example_output.json'), 'utf8')) as {
      name: string;
      issuer: string;
      type: string;
    }[];
    const unique = [
      ...new Set(expected.map((e) => JSON.stringify({ issuer: e.issuer, account: e.name, type: e.type }))),
    ];
    expect((await stored(client)).map((a) => JSON.stringify(a))).toEqual(unique);
  });

  it('a transfer export in two QR codes says what is still missing, then that it is complete', async () => {
    const { client } = await setup();
    const twelve = Array.from({ length: 12 }, (_, i) =>
      validateAccount({
        issuer: `Console ${i + 1}`,
        account: `admin${i + 1}@example.jp`,
        secret: `JBSWY3DPEHPK3P${'ABCDEFGHIJKL'[i]}Q`,
      }),
    );
    const [first, second] = formatMigrationUris(twelve, { perBatch: 10 });
    chooseFile(qrFile(first!, 'part1.png'));
    expect(await previewItems()).toHaveLength(10);
    const missing = 'QR code 1 of 2 — 1 still missing: scan or add the next image.';
    expect(screen.getByText(missing)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Added to Sekimori (10):');
    expect(screen.getByText(missing)).toBeTruthy();

    chooseFile(qrFile(second!, 'part2.png'));
    expect(await previewItems()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Added to Sekimori (2):');
    expect(screen.getByText('QR code 2 of 2 — every QR code of this export has been read.')).toBeTruthy();
    expect(await stored(client)).toHaveLength(12);
  });

  it('a QR code that is not an authenticator key says what it is, in both languages', async () => {
    for (const lang of ['en', 'ja'] as const) {
      await setup(lang);
      chooseFile(pngFile(fixture('qr_but_without_otp.png')));
      expect((await screen.findByRole('alert')).textContent).toBe(t(lang, 'error_not_otp_text'));
      cleanup();
    }
  });

  it.each([
    ['https://example.com/welcome', 'error_not_otp_link'],
    [
      'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/1/WEU',
      'error_not_otp_microsoft',
    ],
    ['otpauth://totp/x?secret=0189', 'error_invalid_secret'],
    ['otpauth-migration://offline?data=XXXX', 'error_malformed_migration'],
  ])('refuses %s with its own message, in en and ja', async (text, key) => {
    for (const lang of ['en', 'ja'] as const) {
      const { local } = await setup(lang);
      const writes = local.writes.length;
      chooseFile(qrFile(text));
      expect((await screen.findByRole('alert')).textContent).toBe(t(lang, key));
      expect(screen.queryByRole('button', { name: t(lang, 'button_save') })).toBeNull();
      expect(local.writes.length).toBe(writes);
      cleanup();
    }
  });

  it('says clearly when an image has no QR code, or a file is not an image', async () => {
    await setup();
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    chooseFile(pngFile(toPng(blank)));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'No QR code could be read in this image. Take a closer photo, so the QR code fills more of it, or use a sharper screenshot, or crop it closer to the QR code.',
    );
    chooseFile(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.add_image_not_image!.message);
    chooseFile(new File([new Uint8Array([1, 2, 3])], 'broken.png', { type: 'image/png' }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.add_image_unreadable!.message);
  });

  it('asks for a closer photo when a photo holds no readable code, in both languages', async () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    for (const lang of ['en', 'ja'] as const) {
      await setup(lang);
      chooseFile(pngFile(toPng(blank)));
      const alert = (await screen.findByRole('alert')).textContent;
      expect(alert).toBe(t(lang, 'add_image_no_qr'));
      expect(alert).toMatch(lang === 'en' ? /closer photo/ : /近づいて撮り直す/);
      cleanup();
    }
  });

  it('shows progress while the image is read', async () => {
    await setup();
    let finish!: (image: RgbaImage) => void;
    cleanup();
    const { client } = realClient();
    await client.call('vault.create', { password: PASSWORD });
    render(
      <I18nContext.Provider value={translator('en')}>
        <ClientContext.Provider value={client}>
          <AddFromImage readImage={() => new Promise((resolve) => (finish = resolve))} />
        </ClientContext.Provider>
      </I18nContext.Provider>,
    );
    chooseFile(qrFile('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP'));
    expect(await screen.findByText('Reading the image…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose image…' })).toHaveProperty('disabled', true);
    finish(drawQr('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', { modulePx: 4, margin: 24 }));
    expect(await previewItems()).toHaveLength(1);
    expect(screen.queryByText('Reading the image…')).toBeNull();
  });

  it('a locked vault: asks to unlock in the toolbar popup, then retries', async () => {
    const { client } = await setup();
    await client.call('vault.lock', {});
    chooseFile(pngFile(fixture('example_export.png')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Unlock Sekimori in the toolbar popup first');
    await client.call('vault.unlock', { password: PASSWORD });
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await previewItems()).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();

    // Locked between preview and save: the save is retried, not lost.
    await client.call('vault.lock', {});
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const again = await screen.findByRole('alert');
    expect(again.textContent).toBe(en.add_image_locked!.message + 'Try again');
    await client.call('vault.unlock', { password: PASSWORD });
    fireEvent.click(within(again).getByRole('button', { name: 'Try again' }));
    await screen.findByText('Added to Sekimori (3):');
    expect(await stored(client)).toHaveLength(3);
  });

  it('takes a screenshot pasted anywhere on the page (and the text of a key link)', async () => {
    const { client } = await setup();
    fireEvent.paste(document.body, { clipboardData: transfer(pngFile(fixture('example_export.png'))) });
    expect(await previewItems()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'Accounts in this QR code' })).toBeNull();
    expect(await stored(client)).toEqual([]);

    const uri = 'otpauth://totp/ACME:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
    fireEvent.paste(document.body, { clipboardData: transfer(null, uri) });
    const [item] = await previewItems();
    expect(item!.textContent).toContain('ACMEalice@example.com');

    fireEvent.paste(document.body, { clipboardData: transfer(null, '') });
    expect((await screen.findByRole('alert')).textContent).toBe(en.add_image_nothing_pasted!.message);
  });

  it('leaves a paste into a text field alone', async () => {
    await setup();
    const field = document.createElement('input');
    document.body.append(field);
    fireEvent.paste(field, { clipboardData: transfer(pngFile(fixture('example_export.png'))) });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText('Reading the image…')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Accounts in this QR code' })).toBeNull();
    field.remove();
  });

  it('takes an image dropped on the drop zone, highlighting the zone while a file is over it', async () => {
    await setup();
    const zone = document.querySelector('.drop-zone')!;
    const file = pngFile(fixture('example_export.png'));
    const over = () => zone.classList.contains('over');
    drag(zone, 'dragenter', transfer(file));
    await waitFor(() => expect(over()).toBe(true));
    // Moving onto the button inside the zone is not leaving it; leaving for the page is.
    drag(zone, 'dragleave', transfer(file), zone.querySelector('button'));
    drag(zone, 'dragleave', transfer(file), document.body);
    await waitFor(() => expect(over()).toBe(false));
    expect(drag(zone, 'dragover', transfer(file)).defaultPrevented).toBe(true);
    await waitFor(() => expect(over()).toBe(true));
    expect(drag(zone, 'drop', transfer(file)).defaultPrevented).toBe(true);
    await waitFor(() => expect(over()).toBe(false));
    expect(await previewItems()).toHaveLength(3);
  });

  it('is keyboard-first: a labelled button opens the hidden file picker', async () => {
    await setup();
    const button = screen.getByRole('button', { name: 'Choose image…' });
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.hidden).toBe(true);
    expect(input.tabIndex).toBe(-1);
    expect(input.accept).toBe('image/*');
    let opened = 0;
    input.addEventListener('click', () => opened++);
    fireEvent.click(button);
    expect(opened).toBe(1);
  });

  it('reads a small code in a large phone photo part by part, saying how far it has come', async () => {
    const background = realClient();
    await background.client.call('vault.create', { password: PASSWORD });
    // 12 megapixels, a code of 3 px modules near a corner: lost by the whole-image pass, read from a tile.
    const code = drawQr('otpauth://totp/Photo:alice@example.com?secret=JBSWY3DPEHPK3PXP', { modulePx: 3 });
    const image = paste(photo(4000, 3000, 5), code, 3700, 2750);
    render(
      <I18nContext.Provider value={translator('en')}>
        <ClientContext.Provider value={background.client}>
          <AddFromImage openImage={async () => openedPixels(image)} />
        </ClientContext.Provider>
      </I18nContext.Provider>,
    );
    chooseFile(new File([new Uint8Array(8)], 'IMG_0001.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByText(en.add_image_reading_closer!.message)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: en.add_image_reading_closer!.message })).toBeTruthy();
    expect(screen.getByText(/^Part [12] of 2$/)).toBeTruthy();
    await screen.findByText(en.enrol_preview_title!.message, {}, { timeout: 15_000 });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('alice@example.com')).toBeTruthy();
  });

  it('the options page shows the section under its id, in Japanese too', async () => {
    await setup('ja', true);
    const section = document.getElementById('add-from-image')!;
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe(ja.add_image_title!.message);
    expect(screen.getByText(ja.options_title!.message)).toBeTruthy();
    chooseFile(pngFile(fixture('example_export.png')));
    await screen.findByText(ja.enrol_preview_title!.message);
    expect(screen.getAllByText(ja.type_totp!.message, { exact: false })).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: ja.button_save!.message }));
    expect(await screen.findByText('Sekimoriに追加しました（3件）：')).toBeTruthy();
  });
});

describe('fitWithin (the canvas size an image is drawn at)', () => {
  it('keeps images within MAX_PIXELS as they are and scales larger ones down to fit', () => {
    expect(fitWithin(1920, 1080)).toEqual({ width: 1920, height: 1080 });
    const { width, height } = fitWithin(8000, 6000);
    expect(width * height).toBeLessThanOrEqual(MAX_PIXELS);
    expect(width * height).toBeGreaterThan(MAX_PIXELS * 0.99);
    expect(width / height).toBeCloseTo(8000 / 6000, 2);
  });
});
