/**
 * Why a sync record could not be sealed or opened. Each code asks for a different reaction:
 * - `wrong-password`: the password does not unwrap the record's vault key. Ask again.
 * - `key-changed`: the record is sealed under another vault key than this device's: the password was changed on
 *   another browser (a password change makes a new vault key). Keep working locally, pause sync, and ask for the
 *   new password at the next unlock (docs/sync-format.md, "Password changes").
 * - `corrupt`: the record is damaged or was altered (structure, wrapped key, header or body fail authentication).
 * - `unsupported-version`: written by a newer Sekimori (format version, cipher, KDF or compression unknown): pause
 *   sync and never write over it.
 * - `kdf-too-weak`: the KDF parameters are below the vault's floor; refused before anything is derived.
 * - `invalid-argument`: the caller passed something unusable (key length, revision, wrapping).
 */
import { CodedError } from '../coded-error';

export type SyncRecordErrorCode =
  'wrong-password' | 'key-changed' | 'corrupt' | 'unsupported-version' | 'kdf-too-weak' | 'invalid-argument';

const SUMMARIES: Record<SyncRecordErrorCode, string> = {
  'wrong-password': 'The password does not open the synced vault',
  'key-changed': 'The synced vault was re-keyed on another device: its new password is needed',
  corrupt: 'The synced vault record is damaged',
  'unsupported-version': 'The synced vault was written by a newer version',
  'kdf-too-weak': 'The synced vault key-derivation parameters are below the minimum',
  'invalid-argument': 'Invalid argument to a sync record operation',
};

/** Typed sync-record failure. Messages never contain passwords, keys or plaintext. */
export class SyncRecordError extends CodedError<SyncRecordErrorCode> {
  override readonly name = 'SyncRecordError';

  /** `detail` must be a fixed, non-secret phrase. */
  constructor(code: SyncRecordErrorCode, detail?: string) {
    super(code, detail === undefined ? SUMMARIES[code] : `${SUMMARIES[code]} (${detail})`);
  }
}

/** True when `error` is a SyncRecordError, optionally with one of the given codes. */
export function isSyncRecordError(error: unknown, ...codes: SyncRecordErrorCode[]): error is SyncRecordError {
  return error instanceof SyncRecordError && (codes.length === 0 || codes.includes(error.code));
}
