/** Errors of the keeper layer (vault and OTP layers have their own). `code` picks the translated message. */
import { CodedError } from '../coded-error';
export type KeeperErrorCode =
  | 'locked'
  | 'no-vault'
  | 'vault-exists'
  | 'password-too-short'
  | 'not-found'
  | 'duplicate'
  | 'not-hotp'
  | 'forbidden'
  | 'bad-request'
  | 'read-only';

export class KeeperError extends CodedError<KeeperErrorCode> {
  override readonly name = 'KeeperError';

  constructor(code: KeeperErrorCode) {
    super(code, code);
  }
}
