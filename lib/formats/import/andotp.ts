/**
 * andOTP backups. Plain: a JSON array of `{secret (Base32, padded), issuer, label, digits, type: TOTP | HOTP |
 * STEAM | MOTP, algorithm, period | counter}`. Encrypted (`.json.aes`): the same array sealed with AES-256-GCM
 * (andotp-unlock.ts). `label` is the account; when `issuer` is empty and the label holds `issuer:account` (old
 * andOTP versions stored the whole otpauth label there) it is split at the first colon.
 */
import { FormatError } from '../format-error';
import { unlockAndOtp } from './andotp-unlock';
import { decodeUtf8 } from './bytes';
import { entryLabel, ImportCollector } from './import-collector';
import type { ImportRead } from './import-types';
import { isJsonObject, nameField, own, parseJson } from './json-value';

/** Whether a JSON array is shaped like an andOTP backup: some element is an object with a `secret`. */
export function looksLikeAndOtp(json: readonly unknown[]): boolean {
  return json.some((entry) => isJsonObject(entry) && Object.hasOwn(entry, 'secret'));
}

export function readAndOtpPlain(entries: readonly unknown[]): ImportRead {
  return readEntries(entries, 'andotp');
}

export async function readAndOtpEncrypted(
  bytes: Uint8Array,
  password: string,
  format: 'andotp-encrypted' | 'andotp-encrypted-old',
): Promise<ImportRead> {
  const text = decodeUtf8(await unlockAndOtp(bytes, password, format));
  const entries = text === null ? undefined : parseJson(text.replace(/^\uFEFF/u, ''));
  if (!Array.isArray(entries)) throw new FormatError('corrupt-backup');
  return readEntries(entries, format);
}

function readEntries(entries: readonly unknown[], format: ImportRead['format']): ImportRead {
  const collector = new ImportCollector();
  for (const entry of entries) {
    if (!isJsonObject(entry)) {
      collector.skip('invalid', '');
      continue;
    }
    let issuer = nameField(entry, 'issuer');
    let account = nameField(entry, 'label');
    if (issuer === '' && typeof account === 'string' && account.includes(':')) {
      const colon = account.indexOf(':');
      [issuer, account] = [account.slice(0, colon), account.slice(colon + 1)];
    }
    collector.add(
      {
        type: own(entry, 'type'),
        secret: own(entry, 'secret'),
        issuer,
        account,
        algorithm: own(entry, 'algorithm'),
        digits: own(entry, 'digits'),
        period: own(entry, 'period'),
        counter: own(entry, 'counter'),
      },
      entryLabel(issuer, account),
    );
  }
  return collector.finish(format);
}
