/** The password rules and the key derivation of backups (the vault's PBKDF2, with the backup's own limits). */
import { deriveKeyEncryptionKey } from '../vault/derive-key';
import { BackupError } from './backup-error';
import {
  BACKUP_MAX_ITERATIONS,
  BACKUP_MIN_ITERATIONS,
  BACKUP_SALT_BYTES,
  MIN_BACKUP_PASSWORD_LENGTH,
} from './backup-constants';

/** Throws 'password-required' unless `password` is a non-empty string. */
export function requirePassword(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length === 0) throw new BackupError('password-required');
}

/** A password for a new backup: non-empty, and at least MIN_BACKUP_PASSWORD_LENGTH code points after NFC. */
export function checkNewPassword(password: unknown): asserts password is string {
  requirePassword(password);
  if ([...password.normalize('NFC')].length < MIN_BACKUP_PASSWORD_LENGTH) {
    throw new BackupError('password-too-short');
  }
}

/**
 * Iterations for a new backup: an integer up to BACKUP_MAX_ITERATIONS (else RangeError, a programming error) and
 * not below the floor ('weak-backup-parameters').
 */
export function checkNewIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > BACKUP_MAX_ITERATIONS) {
    throw new RangeError(`iterations must be an integer from 1 to ${BACKUP_MAX_ITERATIONS}.`);
  }
  if (iterations < BACKUP_MIN_ITERATIONS) throw new BackupError('weak-backup-parameters');
}

/**
 * PBKDF2-HMAC-SHA256(UTF-8(NFC(password)), salt, iterations, 32 bytes) as a non-extractable AES-256-GCM key.
 * The caller has checked the parameters; they are checked again so no path can derive below the floor.
 */
export async function deriveBackupKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  if (iterations < BACKUP_MIN_ITERATIONS || salt.length < BACKUP_SALT_BYTES) {
    throw new BackupError('weak-backup-parameters');
  }
  if (iterations > BACKUP_MAX_ITERATIONS) throw new BackupError('unsupported-version');
  return deriveKeyEncryptionKey(password, { iterations, salt });
}
