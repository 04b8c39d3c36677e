/**
 * The single error type of Sekimori backup files. `code` is stable and meant for the UI to translate; `message` is
 * a fixed English sentence per code and never contains the file, the password or any account data.
 */
import { CodedError } from '../coded-error';

export type BackupErrorCode =
  /** No password (or an empty one) was given. */
  | 'password-required'
  /** Sealing: the new password is shorter than MIN_BACKUP_PASSWORD_LENGTH. */
  | 'password-too-short'
  /** The password does not open the backup (or the header was altered and its checksum recomputed). */
  | 'wrong-password'
  /** A Sekimori backup, but damaged: truncated, bit-flipped, malformed or with invalid content. */
  | 'corrupt-backup'
  /** A newer version, an unknown KDF or cipher, or KDF parameters above what this version accepts. */
  | 'unsupported-version'
  /** KDF parameters below the hard floor (too few iterations, too short a salt), on write or on read. */
  | 'weak-backup-parameters'
  /** Not a Sekimori backup at all (another file, another format, junk). */
  | 'not-a-backup'
  /** Sealing: an account, its origins or its creation time is invalid. */
  | 'invalid-account'
  /** More accounts, or a longer file, than any backup may hold. */
  | 'too-large';

const MESSAGES: Readonly<Record<BackupErrorCode, string>> = {
  'password-required': 'A password is required.',
  'password-too-short': 'The backup password is too short.',
  'wrong-password': 'The password does not open this backup.',
  'corrupt-backup': 'The backup file is damaged or incomplete.',
  'unsupported-version':
    'The backup was written by a newer version or with settings this version does not support.',
  'weak-backup-parameters': 'The backup key-derivation parameters are below the minimum.',
  'not-a-backup': 'This is not a Sekimori backup file.',
  'invalid-account': 'An account cannot be written to a backup.',
  'too-large': 'The backup is too large.',
};

export class BackupError extends CodedError<BackupErrorCode> {
  override readonly name = 'BackupError';

  constructor(code: BackupErrorCode) {
    super(code, MESSAGES[code]);
  }
}

/** True when `error` is a BackupError, optionally with one of the given codes. */
export function isBackupError(error: unknown, ...codes: BackupErrorCode[]): error is BackupError {
  return error instanceof BackupError && (codes.length === 0 || codes.includes(error.code));
}
