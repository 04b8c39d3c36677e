/**
 * Minimal protobuf wire-format reader: varints (64-bit, as BigInt), length-delimited fields, and skipping of unknown
 * fields of every wire type. Every read is bounds-checked: malformed input throws ProtobufError, never reads past the
 * end and never loops forever (each step consumes at least one byte, group nesting is capped).
 */
import { ProtobufError } from './protobuf-error';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

const MAX_VARINT_BYTES = 10;
const MAX_FIELD_NUMBER = 2 ** 29 - 1;
const MAX_GROUP_DEPTH = 64;

export interface Tag {
  field: number;
  wireType: number;
}

export class ProtobufReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** True once every byte has been consumed. */
  done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Unsigned 64-bit varint. More than 10 bytes, or bits beyond 64, is 'overlong-varint'. */
  readVarint(): bigint {
    let result = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      const byte = this.bytes[this.pos];
      if (byte === undefined) throw new ProtobufError('truncated');
      this.pos++;
      if (i === MAX_VARINT_BYTES - 1 && byte > 1) throw new ProtobufError('overlong-varint');
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if (byte < 0x80) return result;
    }
    throw new ProtobufError('overlong-varint');
  }

  readTag(): Tag {
    const key = this.readVarint();
    const wireType = Number(key & 7n);
    const field = key >> 3n;
    if (field === 0n || field > BigInt(MAX_FIELD_NUMBER) || wireType > WIRE_FIXED32) {
      throw new ProtobufError('invalid-tag');
    }
    return { field: Number(field), wireType };
  }

  /** The payload of a length-delimited field (a view, not a copy). */
  readBytes(): Uint8Array {
    const length = this.readVarint();
    if (length > BigInt(this.bytes.length - this.pos)) throw new ProtobufError('truncated');
    const start = this.pos;
    this.pos += Number(length);
    return this.bytes.subarray(start, this.pos);
  }

  /** Skips the value of a field whose tag has just been read. */
  skip({ field, wireType }: Tag): void {
    if (wireType === WIRE_START_GROUP) {
      this.skipGroup(field);
      return;
    }
    if (wireType === WIRE_END_GROUP) throw new ProtobufError('invalid-group');
    this.skipScalar(wireType);
  }

  private skipScalar(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.readVarint();
        return;
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_LENGTH_DELIMITED:
        this.readBytes();
        return;
      case WIRE_FIXED32:
        this.advance(4);
        return;
      default:
        throw new ProtobufError('invalid-tag');
    }
  }

  /**
   * Skips up to the end-group matching `field`, iteratively (no recursion) with a nesting cap; an end-group for
   * another field number is 'invalid-group'.
   */
  private skipGroup(field: number): void {
    const open = [field];
    while (open.length > 0) {
      const tag = this.readTag();
      if (tag.wireType === WIRE_START_GROUP) {
        if (open.length >= MAX_GROUP_DEPTH) throw new ProtobufError('invalid-group');
        open.push(tag.field);
      } else if (tag.wireType === WIRE_END_GROUP) {
        if (open.pop() !== tag.field) throw new ProtobufError('invalid-group');
      } else {
        this.skipScalar(tag.wireType);
      }
    }
  }

  private advance(count: number): void {
    if (count > this.bytes.length - this.pos) throw new ProtobufError('truncated');
    this.pos += count;
  }
}
