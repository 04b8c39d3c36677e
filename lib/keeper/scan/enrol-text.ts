/**
 * What a decoded QR code (or pasted text) holds: an otpauth key, a Google Authenticator transfer code, or
 * something else, which is refused with a code that says what it is. Errors never carry the text.
 */
import type { Account } from '../../otp/account';
import { parseOtpauthUri } from '../../otp/parse-otpauth-uri';
import { parseMigrationUri, type MigrationBatch } from '../../formats';
import { KeeperError } from '../keeper-error';

export interface EnrolText {
  kind: 'otpauth' | 'migration';
  accounts: Account[];
  /** Transfer-code entries that cannot be imported. */
  skipped: number;
  /** Transfer codes only. */
  batch?: MigrationBatch;
}

const OTPAUTH = /^otpauth:/iu;
const MIGRATION = /^otpauth-migration:/iu;
const WEB_LINK = /^(?:https?:\/\/|www\.)/iu;
/** Microsoft work or school account activation: `phonefactor://activate_account?code=…&url=…`. */
const MICROSOFT = /^phonefactor:\/\/[^]*activate_account/iu;

/** Throws OtpError / FormatError for a damaged key or transfer code, KeeperError('not-otp-…') for other text. */
export function readEnrolText(raw: string): EnrolText {
  const text = raw.trim();
  if (MIGRATION.test(text)) {
    const { accounts, skipped, batch } = parseMigrationUri(text);
    return { kind: 'migration', accounts, skipped, batch };
  }
  if (OTPAUTH.test(text)) return { kind: 'otpauth', accounts: [parseOtpauthUri(text)], skipped: 0 };
  if (WEB_LINK.test(text)) throw new KeeperError('not-otp-link');
  if (MICROSOFT.test(text)) throw new KeeperError('not-otp-microsoft');
  throw new KeeperError('not-otp-text');
}
