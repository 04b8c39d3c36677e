import { createCipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { isBackupError, type BackupErrorCode } from '../../../lib/backup';

/** The lowest allowed cost keeps tests fast; the default cost is exercised by the example file and the timing test. */
export const TEST_ITERATIONS = 600_000;
export const TEST_PASSWORD = 'correct horse battery staple';

export type JsonObject = Record<string, unknown>;

/** The BackupError code a promise rejects with (fails the test if it resolves or throws anything else). */
export async function rejectionCode(promise: Promise<unknown>): Promise<BackupErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (isBackupError(error)) return error.code;
    throw error;
  }
  expect.fail('expected a BackupError, but the operation succeeded');
}

/** The checksum rule of docs/backup-format.md: SHA-256 of the compact JSON of every other member, in file order. */
export function withChecksum(body: JsonObject): string {
  const checksum = createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex');
  return `${JSON.stringify({ ...body, checksum }, null, 2)}\n`;
}

/** Edits the parsed members of a file and recomputes the checksum: a deliberate tamper the checksum cannot see. */
export function tamper(text: string, edit: (file: JsonObject) => void): string {
  const { checksum: _checksum, ...body } = JSON.parse(text) as JsonObject;
  edit(body);
  return withChecksum(body);
}

/** The object at `path` inside a parsed file (e.g. 'kdf'). */
export function member(file: JsonObject, name: string): JsonObject {
  return file[name] as JsonObject;
}

/**
 * A backup file built with node:crypto alone, following docs/backup-format.md: any plaintext bytes and any header,
 * encrypted properly under `password`. Lets tests reach the checks that come after decryption.
 */
export function handSeal(
  plaintext: string | Uint8Array,
  options: { password?: string; iterations?: number; header?: (header: JsonObject) => void } = {},
): string {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const iterations = options.iterations ?? TEST_ITERATIONS;
  const password = (options.password ?? TEST_PASSWORD).normalize('NFC');
  const key = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext);
  const header: JsonObject = {
    format: 'sekimori-backup',
    version: 1,
    createdAt: 1_767_312_000_000,
    accountCount: 1,
    kdf: { name: 'pbkdf2-sha256', iterations, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64') },
  };
  options.header?.(header);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(JSON.stringify(header), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
  return withChecksum({ ...header, ciphertext: ciphertext.toString('base64') });
}
