/**
 * The text of a decoded QR code, rebuilt from its segments. jsQR reads byte segments as UTF-8 only (Japanese
 * codes in Shift-JIS come back empty or as a fragment) and ignores ECI; this follows ZXing instead: an ECI
 * designator names the character set of the segments after it, and a byte segment without one is UTF-8 when
 * it is valid UTF-8, Shift-JIS when it is valid Shift-JIS, else ISO-8859-1. Kanji segments are Shift-JIS
 * by definition. A segment that cannot be read in its declared character set makes the whole text null: a
 * miss, never a wrong text.
 */
import type { Chunks } from 'jsqr/dist/decoder/decodeData';

/** ECI assignment numbers (ISO/IEC 18004, AIM ECI) to WHATWG encoding labels; ISO-8859-1 is done by hand. */
const ECI_CHARSETS: Record<number, string> = {
  1: 'latin1',
  3: 'latin1',
  4: 'iso-8859-2',
  5: 'iso-8859-3',
  6: 'iso-8859-4',
  7: 'iso-8859-5',
  8: 'iso-8859-6',
  9: 'iso-8859-7',
  10: 'iso-8859-8',
  11: 'windows-1254',
  12: 'iso-8859-10',
  13: 'windows-874',
  15: 'iso-8859-13',
  16: 'iso-8859-14',
  17: 'iso-8859-15',
  18: 'iso-8859-16',
  20: 'shift_jis',
  21: 'windows-1250',
  22: 'windows-1251',
  23: 'windows-1252',
  24: 'windows-1256',
  25: 'utf-16be',
  26: 'utf-8',
  27: 'ascii',
  28: 'big5',
  29: 'gb18030',
  30: 'euc-kr',
  170: 'ascii',
};

/** Bytes as text in `charset` (a WHATWG label, 'latin1' or 'ascii'), or null when they are not valid in it. */
export function decodeBytes(bytes: readonly number[], charset: string): string | null {
  if (charset === 'latin1') return String.fromCharCode(...bytes);
  if (charset === 'ascii') return bytes.every((b) => b < 0x80) ? String.fromCharCode(...bytes) : null;
  try {
    return new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** A byte segment with no ECI before it: UTF-8 if valid, else Shift-JIS if valid, else ISO-8859-1. */
export function guessBytes(bytes: readonly number[]): string {
  return decodeBytes(bytes, 'utf-8') ?? decodeBytes(bytes, 'shift_jis') ?? decodeBytes(bytes, 'latin1')!;
}

/** The code's text from jsQR's segments, or null when a segment is unreadable (corrupt or unknown ECI). */
export function textFromChunks(chunks: Chunks): string | null {
  let charset: string | null = null;
  let text = '';
  for (const chunk of chunks) {
    if ('assignmentNumber' in chunk) {
      charset = ECI_CHARSETS[chunk.assignmentNumber] ?? null;
      if (charset === null) return null;
      continue;
    }
    if ('bytes' in chunk && chunk.type === 'kanji') {
      const kanji = decodeBytes(chunk.bytes, 'shift_jis');
      if (kanji === null) return null;
      text += kanji;
    } else if ('bytes' in chunk) {
      const part = charset === null ? guessBytes(chunk.bytes) : decodeBytes(chunk.bytes, charset);
      if (part === null) return null;
      text += part;
    } else {
      text += chunk.text;
    }
  }
  return text;
}
