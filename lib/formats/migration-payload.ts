/**
 * Google Authenticator's `MigrationPayload` protobuf <-> plain records. Values are kept raw (enums and counter as
 * BigInt, secret as bytes): deciding what they mean is google-migration.ts's job.
 *
 *   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2; int32 batch_size = 3;
 *                      int32 batch_index = 4; int32 batch_id = 5; }
 *   OtpParameters    { bytes secret = 1; string name = 2; string issuer = 3; Algorithm algorithm = 4;
 *                      DigitCount digits = 5; OtpType type = 6; int64 counter = 7; }
 *
 * Unknown fields, and known fields with an unexpected wire type, are skipped (as protobuf itself does); the last
 * occurrence of a scalar field wins.
 */
import { ProtobufReader, WIRE_LENGTH_DELIMITED, WIRE_VARINT, type Tag } from './protobuf-reader';
import { ProtobufWriter } from './protobuf-writer';

export interface OtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  /** 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
  algorithm: bigint;
  /** 0 unspecified, 1 six, 2 eight. */
  digits: bigint;
  /** 0 unspecified, 1 HOTP, 2 TOTP. */
  type: bigint;
  /** Unsigned 64-bit as read; the signed int64 is `BigInt.asIntN(64, counter)`. */
  counter: bigint;
}

export interface MigrationPayload {
  otpParameters: OtpParameters[];
  /** int32 fields; undefined when absent. */
  version?: number;
  batchSize?: number;
  batchIndex?: number;
  batchId?: number;
}

const utf8 = new TextDecoder('utf-8'); // invalid UTF-8 becomes U+FFFD, as protobuf runtimes do

/** Throws ProtobufError on malformed wire format. */
export function decodeMigrationPayload(bytes: Uint8Array): MigrationPayload {
  const reader = new ProtobufReader(bytes);
  const payload: MigrationPayload = { otpParameters: [] };
  while (!reader.done()) {
    const tag = reader.readTag();
    if (tag.field === 1 && tag.wireType === WIRE_LENGTH_DELIMITED) {
      payload.otpParameters.push(decodeOtpParameters(reader.readBytes()));
    } else if (tag.field >= 2 && tag.field <= 5 && tag.wireType === WIRE_VARINT) {
      const value = Number(BigInt.asIntN(32, reader.readVarint()));
      if (tag.field === 2) payload.version = value;
      else if (tag.field === 3) payload.batchSize = value;
      else if (tag.field === 4) payload.batchIndex = value;
      else payload.batchId = value;
    } else {
      reader.skip(tag);
    }
  }
  return payload;
}

function decodeOtpParameters(bytes: Uint8Array): OtpParameters {
  const reader = new ProtobufReader(bytes);
  const params: OtpParameters = {
    secret: new Uint8Array(0),
    name: '',
    issuer: '',
    algorithm: 0n,
    digits: 0n,
    type: 0n,
    counter: 0n,
  };
  while (!reader.done()) {
    const tag = reader.readTag();
    if (!readOtpField(reader, tag, params)) reader.skip(tag);
  }
  return params;
}

/** Reads a known field into `params`; false if the field is unknown or has the wrong wire type. */
function readOtpField(reader: ProtobufReader, { field, wireType }: Tag, params: OtpParameters): boolean {
  if (wireType === WIRE_LENGTH_DELIMITED) {
    if (field === 1) params.secret = reader.readBytes().slice();
    else if (field === 2) params.name = utf8.decode(reader.readBytes());
    else if (field === 3) params.issuer = utf8.decode(reader.readBytes());
    else return false;
    return true;
  }
  if (wireType === WIRE_VARINT) {
    if (field === 4) params.algorithm = reader.readVarint();
    else if (field === 5) params.digits = reader.readVarint();
    else if (field === 6) params.type = reader.readVarint();
    else if (field === 7) params.counter = reader.readVarint();
    else return false;
    return true;
  }
  return false;
}

export function encodeMigrationPayload(payload: MigrationPayload): Uint8Array {
  const writer = new ProtobufWriter();
  for (const params of payload.otpParameters) {
    const entry = new ProtobufWriter()
      .bytes(1, params.secret)
      .string(2, params.name)
      .string(3, params.issuer)
      .varint(4, params.algorithm)
      .varint(5, params.digits)
      .varint(6, params.type);
    if (params.counter !== 0n) entry.varint(7, params.counter);
    writer.message(1, entry);
  }
  if (payload.version !== undefined) writer.varint(2, payload.version);
  if (payload.batchSize !== undefined) writer.varint(3, payload.batchSize);
  if (payload.batchIndex !== undefined) writer.varint(4, payload.batchIndex);
  if (payload.batchId !== undefined) writer.varint(5, payload.batchId);
  return writer.finish();
}
