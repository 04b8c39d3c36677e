/** Errors of the keeper layer (vault and OTP layers have their own). `code` picks the translated message. */
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

export class KeeperError extends Error {
  constructor(readonly code: KeeperErrorCode) {
    super(code);
    this.name = 'KeeperError';
  }
}
