/** Renders QR codes as PNG images (uqr for the matrix, node:zlib for the PNG stream). */
import { deflateSync } from 'node:zlib';
import { encode } from 'uqr';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit greyscale PNG of a boolean matrix (`true` = dark), each module `scale` pixels square. */
export function matrixToPng(matrix: boolean[][], scale: number): Buffer {
  const modules = matrix.length;
  const size = modules * scale;
  const raw = Buffer.alloc((size + 1) * size, 0xff);
  for (let y = 0; y < size; y++) {
    const rowStart = y * (size + 1);
    raw[rowStart] = 0; // filter: none
    const row = matrix[Math.floor(y / scale)]!;
    for (let x = 0; x < size; x++) {
      if (row[Math.floor(x / scale)]) raw[rowStart + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A QR code for `text` as a PNG about `targetPx` pixels wide (whole pixels per module, 4-module margin). */
export function qrPng(text: string, targetPx = 200): { png: Buffer; size: number } {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  const scale = Math.max(1, Math.floor(targetPx / data.length));
  return { png: matrixToPng(data, scale), size: data.length * scale };
}
