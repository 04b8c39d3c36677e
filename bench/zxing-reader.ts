/**
 * zxing-cpp (zxing-wasm), the field's reference decoder, for measurement only: a devDependency that never
 * reaches a bundle. Its wasm is read from node_modules — by default the package fetches it from a CDN.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { RgbaImage } from '../lib/qr/rgba-image';

let prepared: Promise<unknown> | null = null;

function prepare(): Promise<unknown> {
  if (!prepared) {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasmBinary = readFileSync(wasmPath);
    prepared = prepareZXingModule({
      overrides: {
        wasmBinary: wasmBinary.buffer.slice(
          wasmBinary.byteOffset,
          wasmBinary.byteOffset + wasmBinary.byteLength,
        ),
        // the package's default points at a CDN; ours at the local file (the binary above is used)
        locateFile: () => wasmPath,
      },
      fireImmediately: true,
    });
  }
  return prepared;
}

/**
 * The first QR code zxing-cpp reads in the image, with its defaults (try harder, rotate, invert, downscale)
 * and plain text (its default writes control characters as `<SOH>`): as ../shared/fixtures/qr-public measured.
 */
export async function zxingRead(image: RgbaImage, maxCodes = 1): Promise<string[]> {
  await prepare();
  const results = await readBarcodes(
    { data: image.data, width: image.width, height: image.height, colorSpace: 'srgb' } as ImageData,
    { formats: ['QRCode'], maxNumberOfSymbols: maxCodes, textMode: 'Plain' },
  );
  return results.filter((r) => r.isValid).map((r) => r.text);
}
