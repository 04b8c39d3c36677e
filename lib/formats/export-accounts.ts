/** Writes accounts in every format Sekimori exports. */
import type { BackupAccount } from '../backup/backup-account';
import { BackupError } from '../backup/backup-error';
import { sealBackup } from '../backup/seal-backup';
import { formatOtpauthUri } from '../otp/format-otpauth-uri';
import { formatMigrationUris } from './google-migration';

export type ExportFormat = 'sekimori-backup' | 'otpauth-list' | 'google-migration';

export interface ExportOptions {
  /** The backup password; required for 'sekimori-backup', ignored otherwise. */
  password?: string;
}

/**
 * Exports accounts:
 * - `'sekimori-backup'`: the encrypted backup file text (sealBackup; default iterations). The only format that
 *   keeps `origins` and `createdAt`. BackupError 'password-required' without a password.
 * - `'otpauth-list'`: plain text, one `otpauth://` URI per line (formatOtpauthUri; Steam as `otpauth://steam/…`),
 *   each line ending in `\n`; '' for no accounts. Secrets in the clear. OtpError for an invalid account.
 * - `'google-migration'`: one `otpauth-migration://offline?data=…` URI per QR code, 10 accounts per code
 *   (formatMigrationUris). All or nothing: if any account cannot be represented (Steam, a period other than
 *   30 s, 7 digits) the call rejects with FormatError('unsupported-otp') — nothing secret, and nothing is dropped
 *   silently. The caller finds those accounts with `migrationProblem`, tells the user, and exports the rest.
 *   FormatError 'empty-migration' for an empty list.
 */
export function exportAccounts(
  accounts: readonly BackupAccount[],
  format: 'google-migration',
  options?: ExportOptions,
): Promise<string[]>;
export function exportAccounts(
  accounts: readonly BackupAccount[],
  format: 'sekimori-backup' | 'otpauth-list',
  options?: ExportOptions,
): Promise<string>;
export function exportAccounts(
  accounts: readonly BackupAccount[],
  format: ExportFormat,
  options?: ExportOptions,
): Promise<string | string[]>;
export async function exportAccounts(
  accounts: readonly BackupAccount[],
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<string | string[]> {
  switch (format) {
    case 'sekimori-backup':
      if (options.password === undefined) throw new BackupError('password-required');
      return sealBackup(accounts, options.password);
    case 'otpauth-list':
      return accounts.map((account) => `${formatOtpauthUri(account)}\n`).join('');
    case 'google-migration':
      return formatMigrationUris(accounts);
    default:
      throw new RangeError('Unknown export format.');
  }
}
