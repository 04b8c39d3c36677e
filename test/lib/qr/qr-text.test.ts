import fc from 'fast-check';
import type { Chunks } from 'jsqr/dist/decoder/decodeData';
import { describe, expect, it } from 'vitest';
import { decodeBytes, guessBytes, textFromChunks } from '@/lib/qr/qr-text';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

/** Shift-JIS bytes of every character TextDecoder('shift_jis') reads from one or two bytes. */
const SHIFT_JIS = (() => {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const add = (bytes: number[]) => {
    try {
      const c = decoder.decode(Uint8Array.from(bytes));
      if ([...c].length === 1 && !table.has(c)) table.set(c, bytes);
    } catch {
      // not a character
    }
  };
  for (let b = 0xa1; b <= 0xdf; b++) add([b]);
  for (let lead = 0x81; lead <= 0xef; lead++)
    for (let trail = 0x40; trail <= 0xfc; trail++) add([lead, trail]);
  return table;
})();
const sjis = (text: string) => [...text].flatMap((c) => SHIFT_JIS.get(c) ?? [c.charCodeAt(0)]);

const byte = (bytes: number[]) => ({ type: 'byte', bytes, text: '' }) as Chunks[number];
const eci = (assignmentNumber: number) => ({ type: 'eci', assignmentNumber }) as Chunks[number];
const kanji = (bytes: number[]) => ({ type: 'kanji', bytes, text: '' }) as Chunks[number];
const alnum = (text: string) => ({ type: 'alphanumeric', text }) as Chunks[number];

/** Japanese as QR codes from Japanese phones carry it: kana, kanji, half-width katakana, ASCII. */
const japanese = fc
  .array(fc.constantFrom(...'あいうアイウ漢字表示外側内側コードﾀﾞﾌﾞﾙ阿QR:/ -*[]0123456789'), {
    minLength: 1,
    maxLength: 40,
  })
  .map((cs) => cs.join(''));

describe('textFromChunks', () => {
  it('reads a byte segment as UTF-8 when it is valid UTF-8', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => textFromChunks([byte(utf8(s))]) === s));
  });

  it('reads a byte segment as Shift-JIS when it is not UTF-8 (Japanese phones)', () => {
    fc.assert(
      fc.property(japanese, (s) => {
        const bytes = sjis(s);
        fc.pre(decodeBytes(bytes, 'utf-8') === null);
        return textFromChunks([byte(bytes)]) === s;
      }),
    );
    expect(textFromChunks([byte(sjis('[外側QRコード]\r\n'))])).toBe('[外側QRコード]\r\n');
  });

  it('falls back to ISO-8859-1 for bytes that are neither UTF-8 nor Shift-JIS', () => {
    expect(guessBytes([0x63, 0x61, 0x66, 0xe9, 0x20])).toBe('café ');
  });

  it('follows ECI designators: Shift_JIS (20), UTF-8 (26), ISO-8859-1 (3), per segment after them', () => {
    const text = 'コード';
    expect(textFromChunks([eci(20), byte(sjis(text))])).toBe(text);
    expect(textFromChunks([eci(26), byte(utf8(text))])).toBe(text);
    // Latin-1 bytes that happen to be valid UTF-8 are still Latin-1 under ECI 3
    expect(textFromChunks([eci(3), byte([0xc3, 0xa9])])).toBe('Ã©');
    expect(textFromChunks([alnum('A'), eci(26), byte(utf8('é')), eci(3), byte([0xe9])])).toBe('Aéé');
  });

  it('reads kanji segments as Shift-JIS', () => {
    expect(textFromChunks([kanji(sjis('漢字')), alnum('1')])).toBe('漢字1');
  });

  it('refuses a segment its declared character set cannot read, and unknown or corrupt ECI: a miss, never a wrong text', () => {
    expect(textFromChunks([eci(26), byte([0xff, 0xfe])])).toBeNull();
    expect(textFromChunks([eci(20), byte([0x81])])).toBeNull();
    expect(textFromChunks([eci(-1), byte(utf8('a'))])).toBeNull();
    expect(textFromChunks([eci(899), byte(utf8('a'))])).toBeNull();
    expect(textFromChunks([eci(27), byte([0x80])])).toBeNull();
  });
});
