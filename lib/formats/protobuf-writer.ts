/** Minimal protobuf wire-format writer: varints (64-bit, BigInt-safe) and length-delimited fields. */
import { ProtobufError } from './protobuf-error';
import { WIRE_LENGTH_DELIMITED, WIRE_VARINT } from './protobuf-reader';

const UINT64_LIMIT = 1n << 64n;
const INT64_MIN = -(1n << 63n);

export class ProtobufWriter {
  private readonly out: number[] = [];

  /**
   * A varint field. Negative values (int32/int64/enum) are written two's-complement on 64 bits, i.e. as 10 bytes,
   * which is how protobuf encodes a negative int32 such as Google Authenticator's `batch_id`.
   */
  varint(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(toUint64(value));
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.rawVarint(BigInt(value.length));
    for (const byte of value) this.out.push(byte);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, value: ProtobufWriter): this {
    return this.bytes(field, value.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private tag(field: number, wireType: number): void {
    if (!Number.isSafeInteger(field) || field < 1 || field > 2 ** 29 - 1)
      throw new ProtobufError('invalid-value');
    this.rawVarint((BigInt(field) << 3n) | BigInt(wireType));
  }

  private rawVarint(value: bigint): void {
    let rest = value;
    while (rest >= 0x80n) {
      this.out.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.out.push(Number(rest));
  }
}

function toUint64(value: number | bigint): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new ProtobufError('invalid-value');
  const big = BigInt(value);
  if (big < INT64_MIN || big >= UINT64_LIMIT) throw new ProtobufError('invalid-value');
  return BigInt.asUintN(64, big);
}
