/**
 * The public QR corpus: the ZXing project's blackbox photographs (qrcode-1 … qrcode-6, Apache License 2.0),
 * each with the text it holds (../shared/fixtures/qr-public/README.md). Real photos, scans and screenshots:
 * shirts, screens, curved labels, Japanese text in Shift-JIS.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { RgbaImage } from '@/lib/qr/rgba-image';

export const QR_PUBLIC_FIXTURES = fileURLToPath(
  new URL('../../../shared/fixtures/qr-public/zxing-blackbox', import.meta.url),
);

export interface PublicQrCase {
  /** 'qrcode-2' */
  folder: string;
  /** '16.png' */
  name: string;
  image: RgbaImage;
  /** Every text a decode may rightly return (exact: CR LF and trailing spaces count). */
  texts: string[];
}

/**
 * qrcode-2/16.png holds a code inside a code ("double QR"); its .txt gives the outer one ([外側QRコード]),
 * this is the inner one ([内側QRコード], as zxing-cpp reads it too). Either is a right reading.
 */
const ALSO_RIGHT: Record<string, string[]> = {
  'qrcode-2/16.png': ['[内側QRコード]\r\n\r\n*ダブルQR*\r\nhttp://d-qr.net/ex/'],
};

export function publicQrFolders(): string[] {
  return readdirSync(QR_PUBLIC_FIXTURES)
    .filter((f) => f.startsWith('qrcode-'))
    .sort();
}

export function publicQrCases(folders = publicQrFolders()): PublicQrCase[] {
  return folders.flatMap((folder) =>
    readdirSync(join(QR_PUBLIC_FIXTURES, folder))
      .filter((f) => f.endsWith('.png'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((name) => {
        const png = PNG.sync.read(readFileSync(join(QR_PUBLIC_FIXTURES, folder, name)));
        const textFile = join(QR_PUBLIC_FIXTURES, folder, name.replace(/\.png$/, '.txt'));
        const texts = existsSync(textFile) ? [readFileSync(textFile, 'utf8')] : [];
        const image = { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
        return { folder, name, image, texts: [...texts, ...(ALSO_RIGHT[`${folder}/${name}`] ?? [])] };
      }),
  );
}

/** 'right' when the decode is one of the case's texts, 'missed' when nothing was read, else 'wrong'. */
export function judge(c: PublicQrCase, decoded: string | null): 'right' | 'missed' | 'wrong' {
  if (decoded === null) return 'missed';
  return c.texts.includes(decoded) ? 'right' : 'wrong';
}
