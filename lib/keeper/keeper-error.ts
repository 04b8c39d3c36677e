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
  | 'read-only'
  /** A scanned QR code holds a web link, not an authenticator key. */
  | 'not-otp-link'
  /** A Microsoft work or school account activation code (Microsoft Authenticator only). */
  | 'not-otp-microsoft'
  /** A scanned QR code holds something else that is not an authenticator key. */
  | 'not-otp-text'
  /** The page cannot be scanned (browser pages, the web store, the PDF viewer). */
  | 'scan-not-allowed'
  /** No scan is running on this tab (finished, cancelled or timed out). */
  | 'scan-expired'
  /** The browser did not give a screenshot of the tab. */
  | 'capture-failed'
  /** The page changed (navigated, reloaded) since the popup opened: nothing was filled. */
  | 'fill-navigated'
  /** The page cannot be filled (browser pages, the web store, the PDF viewer). */
  | 'fill-not-allowed'
  /** Automatic fill is not offered for HOTP: every page load would use up a code. */
  | 'autofill-hotp'
  /** Automatic fill is not offered on plain http (except this computer's loopback): the network can answer it. */
  | 'autofill-insecure'
  /** The read file's preview is older than its time (or another file was read since): read it again. */
  | 'import-expired'
  /** An export with no account in it. */
  | 'nothing-to-export'
  /** A vault holds MAX_PASSKEY_SLOTS passkeys at most. */
  | 'too-many-passkeys'
  /** The organisation's policy does not allow this (see docs/enterprise.md). */
  | 'policy-forbids'
  /** The clock check's server was not granted to Sekimori. */
  | 'clock-not-allowed'
  /** The clock check's server did not answer (offline, no such host, an error page without a date). */
  | 'clock-unreachable'
  /** The clock check's server answered without a usable Date header. */
  | 'clock-no-date'
  /** The synced record cannot be read: damaged, or written by a newer version. */
  | 'sync-unreadable';

export class KeeperError extends CodedError<KeeperErrorCode> {
  override readonly name = 'KeeperError';

  constructor(code: KeeperErrorCode) {
    super(code, code);
  }
}
