import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict, encodeBase64 } from '../../../lib/encoding/base64';
import { decodeCanonicalBase64 } from '../../../lib/backup/canonical-base64';

describe('decodeCanonicalBase64 (same contract as decodeBase64Strict, faster)', () => {
  it.each([
    '',
    'AA==',
    'AAA=',
    'AAAA',
    'AB==',
    'AAB=',
    'A===',
    'A',
    'AA=A',
    ' AAAA',
    'AAAA\n',
    'AA-_',
    'Zg==',
    'Zh==',
  ])('%j', (text) => {
    expect(decodeCanonicalBase64(text)).toEqual(decodeBase64Strict(text));
  });

  it('agrees with decodeBase64Strict on encoded bytes and on near-base64 strings (property)', () => {
    const nearBase64 = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n'),
      maxLength: 24,
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }).map(encodeBase64), nearBase64), (text) => {
        expect(decodeCanonicalBase64(text)).toEqual(decodeBase64Strict(text));
      }),
      { numRuns: 2000 },
    );
  });
});
