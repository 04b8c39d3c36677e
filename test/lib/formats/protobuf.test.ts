import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtobufError } from '../../../lib/formats/protobuf-error';
import { ProtobufReader } from '../../../lib/formats/protobuf-reader';
import { ProtobufWriter } from '../../../lib/formats/protobuf-writer';

const bytes = (...values: number[]) => Uint8Array.from(values);

function protobufCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ProtobufError ? error.code : `foreign error: ${String(error)}`;
  }
  return undefined;
}

/** Reads every top-level field, skipping all of them; returns how many there were. */
function skipAll(input: Uint8Array): number {
  const reader = new ProtobufReader(input);
  let count = 0;
  while (!reader.done()) {
    reader.skip(reader.readTag());
    count++;
  }
  return count;
}

describe('varints', () => {
  it('decodes a negative int32 written as a 10-byte varint (Google Authenticator batch_id)', () => {
    const encoded = new ProtobufWriter().varint(5, -1).finish();
    expect(encoded).toEqual(bytes(0x28, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01));
    const reader = new ProtobufReader(encoded);
    expect(reader.readTag()).toEqual({ field: 5, wireType: 0 });
    expect(BigInt.asIntN(32, reader.readVarint())).toBe(-1n);
    expect(reader.done()).toBe(true);
  });

  it('round-trips the full unsigned 64-bit range and negative int64', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }), (value) => {
        const reader = new ProtobufReader(new ProtobufWriter().varint(1, value).finish());
        reader.readTag();
        expect(reader.readVarint()).toBe(BigInt.asUintN(64, value));
      }),
    );
  });

  it.each<[string, Uint8Array, string]>([
    ['empty input', bytes(), 'truncated'],
    ['a continuation bit at the end', bytes(0x80), 'truncated'],
    ['11 bytes', bytes(...Array<number>(10).fill(0x80), 0x00), 'overlong-varint'],
    ['a 10th byte with bits beyond 64', bytes(...Array<number>(9).fill(0xff), 0x02), 'overlong-varint'],
  ])('rejects %s', (_, input, code) => {
    expect(protobufCode(() => new ProtobufReader(input).readVarint())).toBe(code);
  });
});

describe('fields', () => {
  it('reads length-delimited fields as views and refuses lengths past the end', () => {
    const reader = new ProtobufReader(bytes(0x0a, 0x02, 0x41, 0x42));
    reader.readTag();
    expect(reader.readBytes()).toEqual(bytes(0x41, 0x42));
    expect(protobufCode(() => new ProtobufReader(bytes(0x03, 0x41)).readBytes())).toBe('truncated');
    const huge = new ProtobufWriter()
      .varint(1, (1n << 64n) - 1n)
      .finish()
      .subarray(1);
    expect(protobufCode(() => new ProtobufReader(huge).readBytes())).toBe('truncated');
  });

  it('skips unknown fields of every wire type, nested groups included', () => {
    const input = bytes(
      ...[0x08, 0x96, 0x01], // field 1 varint 150
      ...[0x11, 1, 2, 3, 4, 5, 6, 7, 8], // field 2 fixed64
      ...[0x1a, 0x01, 0x00], // field 3 length-delimited
      ...[0x23, 0x2b, 0x08, 0x01, 0x2c, 0x24], // field 4 group { field 5 group { field 1 varint } }
      ...[0x35, 1, 2, 3, 4], // field 6 fixed32
    );
    expect(skipAll(input)).toBe(5);
  });

  it.each<[string, Uint8Array, string]>([
    ['field number 0', bytes(0x00, 0x00), 'invalid-tag'],
    ['wire type 6', bytes(0x0e), 'invalid-tag'],
    ['wire type 7', bytes(0x0f), 'invalid-tag'],
    ['a truncated fixed64', bytes(0x09, 1, 2, 3), 'truncated'],
    ['a truncated fixed32', bytes(0x0d, 1, 2, 3), 'truncated'],
    ['an end-group without a start', bytes(0x0c), 'invalid-group'],
    ['a group that never ends', bytes(0x0b, 0x08, 0x01), 'truncated'],
    ['an end-group for another field', bytes(0x0b, 0x14), 'invalid-group'],
    [
      'groups nested 100 deep',
      bytes(...Array<number>(100).fill(0x0b), ...Array<number>(100).fill(0x0c)),
      'invalid-group',
    ],
  ])('rejects %s', (_, input, code) => {
    expect(protobufCode(() => skipAll(input))).toBe(code);
  });

  it('never throws anything but ProtobufError and always terminates on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (input) => {
        const code = protobufCode(() => skipAll(input));
        expect(code === undefined || !code.startsWith('foreign')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the writer refuses values outside the 64-bit range and bad field numbers', () => {
    expect(protobufCode(() => new ProtobufWriter().varint(1, 1n << 64n))).toBe('invalid-value');
    expect(protobufCode(() => new ProtobufWriter().varint(1, 0.5))).toBe('invalid-value');
    expect(protobufCode(() => new ProtobufWriter().varint(0, 1))).toBe('invalid-value');
  });
});
