/**
 * The QR decoder (jsQR and our locator, most of the extension's weight) ships once: as the classic script
 * `qr-decoder.js`, injected before the scan content script and loaded by the options page, which both find it
 * here. Bundling it into each of them would double the package.
 */
import type { RgbaImage } from './rgba-image';

export interface QrDecoder {
  /** The one QR code in the image (see decode-qr.ts), or null. */
  decodeQr(image: RgbaImage): string | null;
  /** Every QR code in the image (see decode-qr-codes.ts). */
  decodeQrCodes(image: RgbaImage): string[];
}

const GLOBAL = '__sekimoriQrDecoder';

export function installQrDecoder(decoder: QrDecoder): void {
  (globalThis as unknown as Record<string, unknown>)[GLOBAL] = Object.freeze({ ...decoder });
}

/** The decoder qr-decoder.js installed; throws when the page forgot to load it. */
export function sharedQrDecoder(): QrDecoder {
  const decoder = (globalThis as unknown as Record<string, QrDecoder | undefined>)[GLOBAL];
  if (!decoder) throw new Error('qr-decoder.js is not loaded');
  return decoder;
}
