/**
 * Why a vault operation failed. Each code asks for a different reaction from the caller:
 * - `wrong-password`: the password does not unwrap the vault key (or the KDF part of the header was altered).
 * - `wrong-key`: the vault key given to `openVault` does not authenticate this record (a key from another
 *   vault, or a record altered with a recomputed checksum). Lock and ask for the password.
 * - `corrupt`: the record is damaged or tampered with (checksum, structure, or authenticated data).
 * - `unsupported-version`: written with a cipher or KDF this code does not know (a newer Sekimori).
 * - `kdf-too-weak`: KDF parameters below the hard floor; refused before anything is derived.
 * - `read-only`: the record has a newer format version; it may be read but never rewritten.
 * - `invalid-argument`: the caller passed something unusable (bad key length, unserialisable payload...).
 * - `conflict`: storage changed since the caller read it; re-read and retry.
 * - `unknown-passkey`: no passkey slot of this vault belongs to the credential used (another vault's passkey).
 * - `wrong-passkey`: the credential's PRF output does not open its slot (a tampered slot, or another PRF input).
 */
import { CodedError } from '../coded-error';
export type VaultErrorCode =
  | 'wrong-password'
  | 'wrong-key'
  | 'corrupt'
  | 'unsupported-version'
  | 'kdf-too-weak'
  | 'read-only'
  | 'invalid-argument'
  | 'conflict'
  | 'unknown-passkey'
  | 'wrong-passkey';

const SUMMARIES: Record<VaultErrorCode, string> = {
  'wrong-password': 'The password does not open this vault',
  'wrong-key': 'The vault key does not open this record',
  corrupt: 'The vault record is damaged',
  'unsupported-version': 'The vault was written in a format this version does not understand',
  'kdf-too-weak': 'The vault key-derivation parameters are below the minimum',
  'read-only': 'The vault was written by a newer version and is read-only',
  'invalid-argument': 'Invalid argument to a vault operation',
  conflict: 'The stored vault changed since it was read',
  'unknown-passkey': 'No passkey slot of this vault belongs to that credential',
  'wrong-passkey': 'The passkey does not open its slot',
};

/** Typed vault failure. Messages never contain passwords, keys or payload data. */
export class VaultError extends CodedError<VaultErrorCode> {
  override readonly name = 'VaultError';

  /** `detail` must be a fixed, non-secret phrase (it is shown in logs). */
  constructor(code: VaultErrorCode, detail?: string) {
    super(code, detail === undefined ? SUMMARIES[code] : `${SUMMARIES[code]} (${detail})`);
  }
}

/** True when `error` is a VaultError, optionally with one of the given codes. */
export function isVaultError(error: unknown, ...codes: VaultErrorCode[]): error is VaultError {
  return error instanceof VaultError && (codes.length === 0 || codes.includes(error.code));
}
