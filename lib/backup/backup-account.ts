/** What one account looks like inside a backup, and the check both sealing and opening apply to it. */
import type { Account } from '../otp/account';
import { OtpError } from '../otp/errors';
import { validateAccount } from '../otp/validate-account';
import { MAX_BACKUP_ORIGINS } from './backup-constants';
import { isWebOrigin } from '../web-origin';

/**
 * An account as a backup carries it: the OTP parameters, the sites it is bound to (exact web origins, distinct,
 * at most 32), when it was added (ms since the epoch) and, when the user pinned it, `pinned: true`. The accounts'
 * order in the file is the list's. A StoredAccount fits; its other members are not written.
 */
export type BackupAccount = Account & { origins?: string[]; createdAt?: number; pinned?: true };

const ACCOUNT_MEMBERS = ['type', 'issuer', 'account', 'secret', 'algorithm', 'digits', 'period', 'counter'];
const OPTIONAL_MEMBERS = ['origins', 'createdAt', 'pinned'];

/**
 * A fresh, canonical copy of `value` (members in the order above; `validateAccount` normalises the OTP part),
 * or null when it is not a valid backup account. With `exactMembers`, every Account member must be present and
 * no other member is allowed (used on read: `__proto__` or any unknown key makes the account invalid).
 */
export function toBackupAccount(value: unknown, exactMembers: boolean): BackupAccount | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const draft = value as Record<string, unknown>;
  if (exactMembers && !hasExactMembers(draft)) return null;
  let account: BackupAccount;
  try {
    account = validateAccount(draft as unknown as Account);
  } catch (error) {
    if (error instanceof OtpError) return null;
    throw error;
  }
  const { origins, createdAt, pinned } = draft;
  if (origins !== undefined) {
    if (!isOriginList(origins)) return null;
    account.origins = [...origins];
  }
  if (createdAt !== undefined) {
    if (!isTimestamp(createdAt)) return null;
    account.createdAt = createdAt === 0 ? 0 : createdAt; // -0 becomes 0
  }
  if (pinned !== undefined) {
    if (pinned !== true) return null;
    account.pinned = true;
  }
  return account;
}

function hasExactMembers(draft: Record<string, unknown>): boolean {
  const names = Object.keys(draft);
  return (
    ACCOUNT_MEMBERS.every((name) => names.includes(name)) &&
    names.every((name) => ACCOUNT_MEMBERS.includes(name) || OPTIONAL_MEMBERS.includes(name))
  );
}

function isOriginList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_BACKUP_ORIGINS &&
    value.every(isWebOrigin) &&
    new Set(value).size === value.length
  );
}

/** Milliseconds since the epoch: a non-negative safe integer. */
export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
