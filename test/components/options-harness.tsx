/**
 * Helpers of the options page's backup and import tests: the page mounted over the real background, the files
 * it downloads (the Blob behind each `<a download>` click), and the QR codes it draws, read back.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { PNG } from 'pngjs';
import { vi } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import type { ReadImage } from '@/components/image-to-rgba';
import { App } from '@/entrypoints/options/App';
import type { AccountDraft, Client } from '@/lib/messages';
import type { Account } from '@/lib/otp/account';
import { decodeQr } from '@/lib/qr/decode-qr';
import { decodeQrCodes } from '@/lib/qr/decode-qr-codes';
import { createImage, type RgbaImage } from '@/lib/qr/rgba-image';
import { installQrDecoder } from '@/lib/qr/shared-decoder';
import { realClient } from '../support/real-client';
import { translator } from '../support/translate';

// What options.html does with its qr-decoder.js script tag.
installQrDecoder({ decodeQr, decodeQrCodes });

export const PASSWORD = 'two unrelated words 7';

export type Lang = 'en' | 'ja';
export const tr = (lang: Lang, key: string, ...subs: string[]) => translator(lang)(key, subs);

/** PNG bytes -> RGBA, as the canvas does in the browser. */
export const readPng: ReadImage = async (file) => {
  const png = PNG.sync.read(Buffer.from(await file.arrayBuffer()));
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
};

export function pngFile(image: RgbaImage, name: string): File {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return new File([new Uint8Array(PNG.sync.write(png))], name, { type: 'image/png' });
}

export const draftOf = (a: Account): AccountDraft => ({ ...a });

/** A fresh background whose vault holds `accounts`. */
/** A vault holding `accounts`; `clock`: the background's time, which the test can move (default the real one). */
export async function vaultWith(accounts: readonly Account[] = [], clock?: { now: number }) {
  const background = realClient(clock ? { now: () => clock.now } : {});
  await background.client.call('vault.create', { password: PASSWORD });
  for (const a of accounts) await background.client.call('account.add', { draft: draftOf(a) });
  return background;
}

export function mountOptions(client: Client, lang: Lang = 'en') {
  document.documentElement.lang = lang;
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={client}>
        <App readImage={readPng} />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

export interface Download {
  name: string;
  type: string;
  text: () => Promise<string>;
}

/** Files the page saves: the name and Blob behind each `<a download>` click (no real download happens). */
export function captureDownloads(): Download[] {
  const saved: Download[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:sekimori-test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) saved.push({ name: this.download, type: blob.type, text: () => blob.text() });
  });
  return saved;
}

export const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });

/** The card (form or section) headed `title`. */
export function card(title: string): HTMLElement {
  const heading = screen.getByRole('heading', { name: new RegExp(`^${escape(title)}`) });
  return heading.closest('.options-card') as HTMLElement;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Clicks the import section's "Choose file…" and picks `files` in the picker it opens. */
export function chooseImportFiles(buttonName: string, files: File[]) {
  fireEvent.click(screen.getByRole('button', { name: buttonName }));
  const inputs = document.querySelectorAll<HTMLInputElement>('input[type=file][multiple]');
  fireEvent.change(inputs[inputs.length - 1]!, { target: { files } });
}

/** A QR code the page drew (an SVG path of module runs), painted back to pixels and decoded. */
export function readQrSvg(svg: Element): string | null {
  const modules = Number(svg.getAttribute('data-modules'));
  const d = svg.querySelector('path')!.getAttribute('d')!;
  const px = 4;
  const image = createImage(modules * px, modules * px);
  image.data.fill(255);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let row = Number(y) * px; row < (Number(y) + 1) * px; row++)
      for (let col = Number(x) * px; col < (Number(x) + Number(w)) * px; col++) {
        const i = (row * image.width + col) * 4;
        image.data[i] = image.data[i + 1] = image.data[i + 2] = 0;
      }
  }
  return decodeQr(image);
}
