/** Errors of the minimal protobuf wire-format reader and writer. Callers translate them into their own error type. */
import { CodedError } from '../coded-error';
export type ProtobufErrorCode =
  /** A varint, length or fixed-width value runs past the end of the input. */
  | 'truncated'
  /** A varint longer than 10 bytes, or whose 10th byte sets bits beyond 64. */
  | 'overlong-varint'
  /** Field number 0, a field number beyond 2^29 - 1, or wire type 6/7. */
  | 'invalid-tag'
  /** A start-group without its end-group, an end-group without a start, or groups nested absurdly deep. */
  | 'invalid-group'
  /** The writer was given a value its wire type cannot hold. */
  | 'invalid-value';

export class ProtobufError extends CodedError<ProtobufErrorCode> {
  override readonly name = 'ProtobufError';

  constructor(code: ProtobufErrorCode) {
    super(code, `Protobuf: ${code}.`);
  }
}
