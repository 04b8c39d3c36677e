import { openBytes } from '../vault/seal';
import type { BackupAccount } from './backup-account';
import { BackupError } from './backup-error';
import { parseBackupFile } from './backup-file';
import { deriveBackupKey, requirePassword } from './backup-key';
import { decodeBackupPayload } from './backup-payload';

export interface OpenedBackup {
  accounts: BackupAccount[];
  /** When the backup was written (ms since the epoch), from the authenticated header. */
  createdAt: number;
}

/** What can be read without the password (all of it authenticated once the password is given). */
export interface BackupSummary {
  version: number;
  createdAt: number;
  accountCount: number;
  iterations: number;
}

/**
 * Opens a backup file text. The file is checked before the password is used, so a damaged or foreign file is
 * reported as such ('not-a-backup', 'corrupt-backup', 'unsupported-version', 'weak-backup-parameters',
 * 'too-large') without a key derivation; then 'password-required' for an empty password, 'wrong-password' when
 * AES-GCM does not authenticate, and 'corrupt-backup' when the decrypted accounts are invalid. Any password is
 * tried, however short (the minimum applies to new backups). Throws BackupError only.
 */
export async function openBackup(text: string, password: string): Promise<OpenedBackup> {
  const parsed = await parseBackupFile(text);
  requirePassword(password);
  const { header } = parsed;
  const key = await deriveBackupKey(password, parsed.salt, header.kdf.iterations);
  const plaintext = await openBytes(key, parsed, parsed.aad);
  if (plaintext === null) throw new BackupError('wrong-password');
  return { accounts: decodeBackupPayload(plaintext, header.accountCount), createdAt: header.createdAt };
}

/** The header of a backup that passes every check needing no password (same errors as openBackup). */
export async function readBackupSummary(text: string): Promise<BackupSummary> {
  const { header } = await parseBackupFile(text);
  return {
    version: header.version,
    createdAt: header.createdAt,
    accountCount: header.accountCount,
    iterations: header.kdf.iterations,
  };
}
