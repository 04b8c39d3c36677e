import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../lib/vault/base64';

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
