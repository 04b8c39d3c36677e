/** Normalises and checks an account, whether typed by hand, imported or parsed from a URI. */
import type { Account } from './account';
import { parseAlgorithm } from './algorithm';
import { decodeBase32, normalizeSecret } from './base32';
import { OtpError } from './errors';
import { MAX_PERIOD_S, MAX_SECRET_BASE32_LENGTH } from './limits';
import { parseOtpType } from './otp-type';
import { normalizeLabel } from './validate-label';

export type AccountDraft = Partial<Account> & { secret: string };

const STEAM_DIGITS = 5;
const DEFAULT_PERIOD_S = 30;

/**
 * Returns a fresh, canonical Account or throws OtpError. Checks run in a fixed order (type, secret, algorithm,
 * digits, period, counter, issuer, account) so the same bad input always gives the same code.
 * Defaults: totp, SHA1, 6 digits, 30 s, counter 0. Fields that do not apply are forced, not checked:
 * steam is always SHA1 / 5 digits / 30 s / counter 0, hotp keeps period 30, totp keeps counter 0.
 * Values arrive from imports as well as from typed code, so every field is checked at run time.
 */
export function validateAccount(draft: AccountDraft): Account {
  if (typeof draft !== 'object' || draft === null) throw new OtpError('missing-secret');
  const type = parseOtpType(draft.type ?? 'totp');
  const secret = validateSecret(draft.secret);
  const steam = type === 'steam';
  const algorithm = steam ? 'SHA1' : parseAlgorithm(draft.algorithm ?? 'SHA1');
  const digits = steam ? STEAM_DIGITS : validateDigits(draft.digits ?? 6);
  const period = type === 'totp' ? validatePeriod(draft.period ?? DEFAULT_PERIOD_S) : DEFAULT_PERIOD_S;
  const counter = type === 'hotp' ? validateCounter(draft.counter ?? 0) : 0;
  const issuer = normalizeLabel(draft.issuer ?? '');
  const account = normalizeLabel(draft.account ?? '');
  return { type, issuer, account, secret, algorithm, digits, period, counter };
}

/** Normalised Base32 of 1 to MAX_SECRET_BYTES bytes. */
function validateSecret(raw: unknown): string {
  if (raw === undefined || raw === null) throw new OtpError('missing-secret');
  if (typeof raw !== 'string') throw new OtpError('invalid-secret');
  const secret = normalizeSecret(raw);
  if (secret.length > MAX_SECRET_BASE32_LENGTH) throw new OtpError('secret-too-long');
  decodeBase32(secret); // rejects lengths that are not whole bytes
  return secret;
}

function validateDigits(value: unknown): number {
  if (!isIntegerIn(value, 6, 8)) throw new OtpError('invalid-digits');
  return value;
}

function validatePeriod(value: unknown): number {
  if (!isIntegerIn(value, 1, MAX_PERIOD_S)) throw new OtpError('invalid-period');
  return value;
}

function validateCounter(value: unknown): number {
  if (!isIntegerIn(value, 0, Number.MAX_SAFE_INTEGER)) throw new OtpError('invalid-counter');
  return value === 0 ? 0 : value; // -0 becomes 0
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}
