/**
 * What an import sends to the background: a file's text as it is, a binary file (an encrypted andOTP `.bin`,
 * anything that is not UTF-8 text) in Base64, or the texts of every QR code found in images, one per line (the
 * several images of a Google Authenticator export make one batch). Nothing is parsed here.
 */
import { sharedQrDecoder } from '@/lib/qr/shared-decoder';
import type { ReadImage } from './image-to-rgba';
import { isImage } from './image-input';

export interface ImportData {
  data: string;
  encoding: 'text' | 'base64';
}

/** Larger than any real export (the background refuses more than 20 MB too), refused before reading. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** Why files cannot be read, for the section's messages. */
export class ImportInputError extends Error {
  constructor(
    readonly key: string,
    readonly detail = '',
  ) {
    super(key);
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** UTF-8 text (without a byte-order mark) when the bytes are valid text, else null. */
export function asText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

export async function fileToImportData(file: Blob): Promise<ImportData> {
  if (file.size > MAX_IMPORT_FILE_BYTES) throw new ImportInputError('import_too_large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = asText(bytes);
  return text === null
    ? { data: bytesToBase64(bytes), encoding: 'base64' }
    : { data: text, encoding: 'text' };
}

/** Every QR code of every image, in order, one per line; an image without one is named in the error. */
export async function imagesToImportData(files: readonly File[], readImage: ReadImage): Promise<ImportData> {
  const texts: string[] = [];
  for (const file of files) {
    let found: string[];
    try {
      found = sharedQrDecoder().decodeQrCodes(await readImage(file));
    } catch {
      throw new ImportInputError('import_image_unreadable', file.name);
    }
    if (found.length === 0) throw new ImportInputError('import_image_no_qr', file.name);
    texts.push(...found);
  }
  return { data: texts.join('\n'), encoding: 'text' };
}

/** Images go through the QR decoder; one other file is read as it is; anything else is a mix to refuse. */
export async function filesToImportData(files: readonly File[], readImage: ReadImage): Promise<ImportData> {
  if (files.length > 0 && files.every(isImage)) return imagesToImportData(files, readImage);
  if (files.length !== 1) throw new ImportInputError('import_one_file');
  return fileToImportData(files[0]!);
}
