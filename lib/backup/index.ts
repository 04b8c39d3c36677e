/** Sekimori's own encrypted backup file. Pure: WebCrypto only. Format: docs/backup-format.md. */
export { BackupError, isBackupError, type BackupErrorCode } from './backup-error';
export type { BackupAccount } from './backup-account';
export {
  BACKUP_DEFAULT_ITERATIONS,
  BACKUP_FORMAT,
  BACKUP_MAX_ITERATIONS,
  BACKUP_MIN_ITERATIONS,
  BACKUP_VERSION,
  MAX_BACKUP_ACCOUNTS,
  MIN_BACKUP_PASSWORD_LENGTH,
} from './backup-constants';
export { sealBackup, type SealBackupOptions } from './seal-backup';
export { openBackup, readBackupSummary, type BackupSummary, type OpenedBackup } from './open-backup';
export { isSekimoriBackup } from './is-sekimori-backup';
