import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64Lenient,
  decodeBase64Strict as decodeBase64,
  encodeBase64,
} from '../../../lib/encoding/base64';

describe('base64', () => {
  it('round-trips any bytes and matches node Buffer encoding (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('encodes large inputs (chunked)', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });

  it.each(['AB==', 'AAB=', 'AA', 'AA=', 'AA==\n', ' AA==', 'AA-_', 'A===', '====', 'AA==AA=='])(
    'rejects the non-canonical form %j',
    (text) => {
      expect(decodeBase64(text)).toBeNull();
    },
  );
});

describe('lenient base64 (what QR readers produce)', () => {
  it.each([
    ['padded standard', 'aGk/Pw==', [0x68, 0x69, 0x3f, 0x3f]],
    ['unpadded', 'aGk/Pw', [0x68, 0x69, 0x3f, 0x3f]],
    ['URL-safe', 'aGk_Pw', [0x68, 0x69, 0x3f, 0x3f]],
  ])('decodes %s', (_name, text, bytes) => {
    expect(decodeBase64Lenient(text)).toEqual(new Uint8Array(bytes));
  });

  it.each(['a', 'aG=k', 'aGk!', 'aGk/P w=='])('refuses %j', (text) => {
    expect(decodeBase64Lenient(text)).toBeNull();
  });
});
