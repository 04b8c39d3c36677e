/**
 * Every error code that reaches a page: the codes each layer throws, the router's and the client's own, and the
 * checks pages make before sending. A code travels as itself (`Result.code`, `RemoteError.code`), is shown with
 * the sentence `errorKey(code)` names in public/_locales/{en,ja}/messages.json, and says here what another try
 * can do — never by its spelling.
 */
import type { BackupErrorCode } from '../backup/backup-error';
import type { FormatErrorCode } from '../formats/format-error';
import type { KeeperErrorCode } from '../keeper/keeper-error';
import type { OtpErrorCode } from '../otp/errors';
import type { VaultErrorCode } from '../vault/errors';

/** The router's and the client's: a malformed request, a refused sender, an unexpected failure, no answer. */
export type TransportErrorCode = 'bad-request' | 'forbidden' | 'internal' | 'no-response';
/** Checks the pages make themselves before sending (two password fields that differ, an empty one). */
export type FormErrorCode = 'password-mismatch' | 'password-empty';
/**
 * The browser's passkey ceremony, as the page saw it: cancelled or timed out, an authenticator without the PRF
 * extension, no WebAuthn on this page, anything else.
 */
export type PasskeyCeremonyErrorCode =
  'passkey-cancelled' | 'passkey-no-prf' | 'passkey-unavailable' | 'passkey-failed';

export type ErrorCode =
  | KeeperErrorCode
  | VaultErrorCode
  | OtpErrorCode
  | FormatErrorCode
  | BackupErrorCode
  | TransportErrorCode
  | FormErrorCode
  | PasskeyCeremonyErrorCode;

export interface ErrorTraits {
  /**
   * The text read (a scanned or pasted code, the user's selection) is at fault, not the vault or the browser:
   * another code or another selection can succeed. The scan keeps asking instead of ending.
   */
  readonly retryable: boolean;
  /**
   * The same request can succeed later, unchanged: once the vault is unlocked or created, or once the
   * background answers. The page offers to try again.
   */
  readonly transient: boolean;
}

const INPUT: ErrorTraits = { retryable: true, transient: false };
const FINAL: ErrorTraits = { retryable: false, transient: false };
const LATER: ErrorTraits = { retryable: false, transient: true };

export const ERRORS: { readonly [C in ErrorCode]: ErrorTraits } = {
  // Keeper
  locked: LATER,
  'no-vault': LATER,
  'vault-exists': FINAL,
  'password-too-short': FINAL,
  'not-found': FINAL,
  duplicate: FINAL,
  'not-hotp': FINAL,
  'read-only': FINAL,
  'not-otp-link': INPUT,
  'not-otp-microsoft': INPUT,
  'not-otp-text': INPUT,
  'scan-not-allowed': FINAL,
  'scan-expired': FINAL,
  'capture-failed': FINAL,
  'fill-navigated': FINAL,
  'fill-not-allowed': FINAL,
  'autofill-hotp': FINAL,
  'autofill-insecure': FINAL,
  'import-expired': FINAL,
  'nothing-to-export': FINAL,
  'policy-forbids': FINAL,
  'clock-not-allowed': FINAL,
  'clock-unreachable': FINAL,
  'clock-no-date': FINAL,
  'too-many-passkeys': FINAL,
  'sync-unreadable': FINAL,
  // Vault
  'wrong-password': FINAL,
  'wrong-key': FINAL,
  corrupt: FINAL,
  'unsupported-version': INPUT,
  'kdf-too-weak': FINAL,
  'invalid-argument': FINAL,
  conflict: FINAL,
  'unknown-passkey': FINAL,
  'wrong-passkey': FINAL,
  // OTP (an otpauth URI read from a code): every one is the text's fault.
  'not-otpauth': INPUT,
  'malformed-uri': INPUT,
  'uri-too-long': INPUT,
  'duplicate-parameter': INPUT,
  'invalid-type': INPUT,
  'missing-secret': INPUT,
  'invalid-secret': INPUT,
  'secret-too-long': INPUT,
  'invalid-algorithm': INPUT,
  'invalid-digits': INPUT,
  'invalid-period': INPUT,
  'missing-counter': INPUT,
  'invalid-counter': INPUT,
  'invalid-label': INPUT,
  'label-too-long': INPUT,
  'invalid-time': INPUT,
  // Formats (a transfer code, an import file)
  'not-migration': INPUT,
  'malformed-migration': INPUT,
  'empty-migration': INPUT,
  /** More QR codes than any real export: that code is at fault, another can be added. */
  'migration-batch-too-large': INPUT,
  'unsupported-otp': INPUT,
  'too-long': INPUT,
  'password-required': FINAL,
  'corrupt-backup': FINAL,
  'kdf-too-costly': FINAL,
  'not-a-backup': FINAL,
  'empty-backup': INPUT,
  // Backup files
  'weak-backup-parameters': FINAL,
  'invalid-account': INPUT,
  'too-large': INPUT,
  // Transport
  'bad-request': INPUT,
  forbidden: FINAL,
  internal: FINAL,
  'no-response': LATER,
  // Forms
  'password-mismatch': FINAL,
  'password-empty': FINAL,
  // The passkey ceremony, as the page saw it (never a request to the background).
  'passkey-cancelled': FINAL,
  'passkey-no-prf': FINAL,
  'passkey-unavailable': FINAL,
  'passkey-failed': FINAL,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}

/** The message key of a code's sentence: `not-otp-link` → `error_not_otp_link`. */
export function errorKey(code: ErrorCode): string {
  return `error_${code.replace(/-/g, '_')}`;
}
