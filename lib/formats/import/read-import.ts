/**
 * The import entry points. `detectImportFormat` recognises a backup without reading its accounts (so the UI asks for
 * a password only when one is needed); `readImport` reads it: validated accounts in the file's order, plus the
 * entries left out and why. Every failure is a FormatError whose message never contains the input.
 */
import { FormatError } from '../format-error';
import { readAegisEncrypted, readAegisPlain } from './aegis';
import { readAndOtpEncrypted, readAndOtpPlain } from './andotp';
import { readAuthenticatorJson } from './authenticator-json';
import { readBitwardenCsv } from './bitwarden-csv';
import { readBitwardenJson } from './bitwarden-json';
import type { Account } from '../../otp/account';
import type { ImportDetection, ImportInput, ImportOptions, ImportRead } from './import-types';
import { readUriLines } from './otpauth-lines';
import { ENCRYPTED_FORMATS, sniffImport } from './sniff-import';
import { readTwoFasEncrypted, readTwoFasPlain } from './two-fas';

/** Synchronous and cheap (one JSON.parse at most); throws the FormatError readImport would throw before decrypting. */
export function detectImportFormat(input: ImportInput): ImportDetection {
  const { format } = sniffImport(input);
  return { format, needsPassword: ENCRYPTED_FORMATS.has(format) };
}

/** Reads any supported backup or export. Throws FormatError only. */
export async function readImport(input: ImportInput, options: ImportOptions = {}): Promise<ImportRead> {
  const sniffed = sniffImport(input);
  switch (sniffed.format) {
    case 'otpauth-list':
    case 'google-migration':
    case 'authenticator-text':
      return readUriLines(sniffed.lines, sniffed.format);
    case 'aegis':
      return readAegisPlain(sniffed.json);
    case 'aegis-encrypted':
      return readAegisEncrypted(sniffed.json, passwordOf(options));
    case '2fas':
      return readTwoFasPlain(sniffed.json);
    case '2fas-encrypted':
      return readTwoFasEncrypted(sniffed.json, passwordOf(options));
    case 'andotp':
      return readAndOtpPlain(sniffed.entries);
    case 'andotp-encrypted':
    case 'andotp-encrypted-old':
      return readAndOtpEncrypted(sniffed.bytes, passwordOf(options), sniffed.format);
    case 'bitwarden-json':
      return readBitwardenJson(sniffed.json);
    case 'bitwarden-csv':
      return readBitwardenCsv(sniffed.text);
    case 'authenticator-json':
      return readAuthenticatorJson(sniffed.json);
  }
}

/** The accounts of `readImport`. */
export async function importAccounts(input: ImportInput, options: ImportOptions = {}): Promise<Account[]> {
  return (await readImport(input, options)).accounts;
}

function passwordOf(options: ImportOptions | undefined): string {
  const password: unknown = options?.password;
  if (typeof password !== 'string' || password === '') throw new FormatError('password-required');
  return password;
}
