/**
 * Gathers the accounts of one import. Each entry is validated on its own: an entry that cannot become an Account is
 * recorded in `skipped` (with its reason and a display label) and the import goes on. When nothing at all could be
 * imported the import fails: 'empty-backup' without entries, 'unsupported-otp' when any entry was of a kind Sekimori
 * cannot compute, otherwise 'corrupt-backup'. More than MAX_IMPORT_ENTRIES entries is 'too-long'.
 */
import type { Account } from '../../otp/account';
import { OtpError } from '../../otp/errors';
import { validateAccount, type AccountDraft } from '../../otp/validate-account';
import { FormatError } from '../format-error';
import { MAX_IMPORT_ENTRIES } from './import-limits';
import type { ImportFormat, ImportRead, SkippedEntry, SkipReason } from './import-types';

/** An entry as a format reads it: values still unchecked (validateAccount checks every field at run time). */
export interface EntryDraft {
  type?: unknown;
  secret: unknown;
  issuer?: unknown;
  account?: unknown;
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
}

const MAX_LABEL_CODE_POINTS = 64;

export class ImportCollector {
  private readonly accounts: Account[] = [];
  private readonly skipped: SkippedEntry[] = [];
  private entries = 0;

  /** Validates `draft`; a failure is recorded as skipped, never thrown. */
  add(draft: EntryDraft, label: string): void {
    this.count();
    try {
      this.accounts.push(validateAccount(draft as AccountDraft));
    } catch (error) {
      if (!(error instanceof OtpError)) throw error;
      this.record(isMalformedKind(error, draft) ? 'invalid' : skipReasonOf(error), label);
    }
  }

  /** An account already validated by another parser (e.g. parseMigrationUri). */
  addAccount(account: Account): void {
    this.count();
    this.accounts.push(account);
  }

  /** Runs a parser that returns an Account (e.g. parseOtpauthUri); its OtpError is recorded as skipped. */
  addParsed(parse: () => Account, label: () => string): void {
    this.count();
    try {
      this.accounts.push(parse());
    } catch (error) {
      if (!(error instanceof OtpError)) throw error;
      this.record(skipReasonOf(error), label());
    }
  }

  skip(reason: SkipReason, label: string): void {
    this.count();
    this.record(reason, label);
  }

  finish(format: ImportFormat): ImportRead {
    if (this.accounts.length === 0) {
      if (this.skipped.length === 0) throw new FormatError('empty-backup');
      const unsupported = this.skipped.some((entry) => entry.reason === 'unsupported-otp');
      throw new FormatError(unsupported ? 'unsupported-otp' : 'corrupt-backup');
    }
    return { format, accounts: this.accounts, skipped: this.skipped };
  }

  private count(): void {
    this.entries++;
    if (this.entries > MAX_IMPORT_ENTRIES) throw new FormatError('too-long');
  }

  private record(reason: SkipReason, label: string): void {
    this.skipped.push({ reason, label: displayLabel(label) });
  }
}

/** An unknown type, algorithm or digit count is a kind Sekimori cannot compute; anything else is invalid. */
export function skipReasonOf(error: OtpError): SkipReason {
  const code = error.code;
  return code === 'invalid-type' || code === 'invalid-algorithm' || code === 'invalid-digits'
    ? 'unsupported-otp'
    : 'invalid';
}

/** A type, algorithm or digit count that is not even a string or whole number is damage, not an unknown kind. */
function isMalformedKind(error: OtpError, draft: EntryDraft): boolean {
  if (error.code === 'invalid-type') return typeof draft.type !== 'string';
  if (error.code === 'invalid-algorithm') return typeof draft.algorithm !== 'string';
  if (error.code === 'invalid-digits') return !Number.isSafeInteger(draft.digits);
  return false;
}

/** `issuer: account` from whichever parts are non-empty strings. */
export function entryLabel(issuer: unknown, account: unknown): string {
  const parts = [issuer, account].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.map((part) => part.trim()).join(': ');
}

/** Control characters removed, unpaired surrogates replaced, at most 64 code points (then an ellipsis). */
function displayLabel(label: string): string {
  const clean = label
    .slice(0, MAX_LABEL_CODE_POINTS * 4)
    .toWellFormed()
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
  const codePoints = Array.from(clean);
  return codePoints.length > MAX_LABEL_CODE_POINTS
    ? `${codePoints.slice(0, MAX_LABEL_CODE_POINTS).join('')}…`
    : codePoints.join('');
}
