import { encodeBase64 } from '../encoding/base64';
import { secureRandomBytes, takeRandomBytes } from '../vault/random-bytes';
import { openBytes } from '../vault/seal';
import { toBackupAccount, isTimestamp, type BackupAccount } from './backup-account';
import {
  BACKUP_DEFAULT_ITERATIONS,
  BACKUP_NONCE_BYTES,
  BACKUP_SALT_BYTES,
  MAX_BACKUP_ACCOUNTS,
  MAX_BACKUP_TEXT_LENGTH,
} from './backup-constants';
import { BackupError } from './backup-error';
import { backupAad, buildHeader, parseBackupFile, writeBackupFile } from './backup-file';
import { checkNewIterations, checkNewPassword, deriveBackupKey } from './backup-key';
import { encodeBackupPayload } from './backup-payload';

export interface SealBackupOptions {
  /** PBKDF2 iterations, BACKUP_MIN_ITERATIONS (600 000) to BACKUP_MAX_ITERATIONS; default 800 000. */
  iterations?: number;
  /** The `createdAt` written in the header, ms since the epoch; default `Date.now()`. */
  now?: number;
}

/**
 * Writes accounts to a new backup file text under `password`: fresh random salt and nonce, AES-256-GCM with the
 * header as AAD. Only the Account members, `origins` and `createdAt` are written (an `id` or `deletedAt` is not;
 * leave deleted accounts out before calling). The file is parsed and decrypted again before it is returned.
 *
 * Throws BackupError: 'password-required', 'password-too-short', 'weak-backup-parameters' (iterations below the
 * floor), 'invalid-account' (an account, origin list or createdAt that is invalid), 'too-large' (more than
 * MAX_BACKUP_ACCOUNTS accounts). A non-integer or too large iteration count, or a bad `now`, is a RangeError.
 */
export async function sealBackup(
  accounts: readonly BackupAccount[],
  password: string,
  options: SealBackupOptions = {},
): Promise<string> {
  checkNewPassword(password);
  const iterations = options.iterations ?? BACKUP_DEFAULT_ITERATIONS;
  checkNewIterations(iterations);
  const createdAt = options.now ?? Date.now();
  if (!isTimestamp(createdAt))
    throw new RangeError('now must be a non-negative integer (ms since the epoch).');
  if (!Array.isArray(accounts)) throw new BackupError('invalid-account');
  if (accounts.length > MAX_BACKUP_ACCOUNTS) throw new BackupError('too-large');
  const clean = accounts.map((account: unknown) => {
    const checked = toBackupAccount(account, false);
    if (checked === null) throw new BackupError('invalid-account');
    return checked;
  });
  const plaintext = encodeBackupPayload(clean);
  const salt = takeRandomBytes(secureRandomBytes, BACKUP_SALT_BYTES);
  const nonce = takeRandomBytes(secureRandomBytes, BACKUP_NONCE_BYTES);
  const key = await deriveBackupKey(password, salt, iterations);
  const header = buildHeader({
    createdAt,
    accountCount: clean.length,
    iterations,
    salt: encodeBase64(salt),
    nonce: encodeBase64(nonce),
  });
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: backupAad(header), tagLength: 128 },
    key,
    plaintext,
  );
  const text = await writeBackupFile(header, encodeBase64(new Uint8Array(ciphertext)));
  if (text.length > MAX_BACKUP_TEXT_LENGTH) throw new BackupError('too-large');
  await checkReadBack(text, key, plaintext);
  return text;
}

/** A backup is returned only once it provably parses and decrypts to the same bytes. */
async function checkReadBack(text: string, key: CryptoKey, plaintext: Uint8Array): Promise<void> {
  const parsed = await parseBackupFile(text);
  const reopened = await openBytes(key, parsed, parsed.aad);
  if (
    reopened === null ||
    reopened.length !== plaintext.length ||
    reopened.some((b, i) => b !== plaintext[i])
  ) {
    throw new Error('backup failed its read-back check');
  }
}
