/**
 * Reading any file Sekimori imports: its own encrypted backup (lib/backup) and every other app's format
 * (lib/formats/import). The public `importAccounts` of lib/index.ts.
 */
import { BackupError, isSekimoriBackup, openBackup, type BackupAccount } from '../backup';
import { readImport } from './import';
import type { ImportFormat, ImportInput, ImportOptions, SkippedEntry } from './import';

export type AnyImportFormat = ImportFormat | 'sekimori-backup';

export interface AnyImportRead {
  format: AnyImportFormat;
  /** Our own backups also carry each account's sites (`origins`) and `createdAt`. */
  accounts: BackupAccount[];
  skipped: SkippedEntry[];
}

const asText = (input: ImportInput): string | null => {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return null;
  }
};

/** Detects the format and reads it. Errors carry a string `code` (FormatError, BackupError). */
export async function readAnyImport(input: ImportInput, options: ImportOptions = {}): Promise<AnyImportRead> {
  const text = asText(input);
  if (text !== null && isSekimoriBackup(text)) {
    if (!options.password) throw new BackupError('password-required');
    const { accounts } = await openBackup(text, options.password);
    return { format: 'sekimori-backup', accounts, skipped: [] };
  }
  return readImport(input, options);
}

/**
 * The accounts of any supported backup or export: Sekimori backups, otpauth lists, Google Authenticator transfer
 * URIs (all the accounts of the codes given), Aegis, 2FAS, andOTP, Bitwarden, the Authenticator extension.
 * `password` is used only by encrypted formats; without it they reject with code `password-required`.
 */
export async function importAccounts(
  input: ImportInput,
  options: ImportOptions = {},
): Promise<BackupAccount[]> {
  return (await readAnyImport(input, options)).accounts;
}
