/** The plaintext inside a backup: `{"accounts":[…]}` as compact UTF-8 JSON. */
import { utf8Decode, utf8Encode } from '../vault/utf8';
import { toBackupAccount, type BackupAccount } from './backup-account';
import { BackupError } from './backup-error';

/** The plaintext bytes of already checked, canonical accounts. */
export function encodeBackupPayload(accounts: readonly BackupAccount[]): Uint8Array<ArrayBuffer> {
  return utf8Encode(JSON.stringify({ accounts }));
}

/**
 * Decodes and checks decrypted bytes: strict UTF-8, one JSON object whose only member is `accounts`, an array of
 * exactly `accountCount` valid accounts (each with exactly the known members). Anything else is 'corrupt-backup'.
 */
export function decodeBackupPayload(plaintext: Uint8Array, accountCount: number): BackupAccount[] {
  let value: unknown;
  try {
    value = JSON.parse(utf8Decode(plaintext));
  } catch {
    throw new BackupError('corrupt-backup');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BackupError('corrupt-backup');
  const payload = value as Record<string, unknown>;
  const list = payload.accounts;
  if (Object.keys(payload).join() !== 'accounts' || !Array.isArray(list) || list.length !== accountCount) {
    throw new BackupError('corrupt-backup');
  }
  return list.map((item: unknown) => {
    const account = toBackupAccount(item, true);
    if (account === null) throw new BackupError('corrupt-backup');
    return account;
  });
}
