/**
 * Bitwarden's `login.totp` field, shared by its JSON and CSV exports: an `otpauth://` URI, `steam://<Base32>`, or
 * a bare Base32 secret (TOTP, SHA1, 6 digits, 30 s). The item name and username stand in for the issuer and
 * account when the field itself carries none (always for `steam://` and bare secrets).
 */
import { parseOtpauthUri } from '../../otp/parse-otpauth-uri';
import { validateAccount } from '../../otp/validate-account';
import { entryLabel, type ImportCollector } from './import-collector';

const OTPAUTH = /^otpauth:\/\//iu;
const STEAM = /^steam:\/\//iu;

/** `name` and `username` are strings ('' when absent) or, from damaged JSON, anything (then the entry is invalid). */
export function addBitwardenTotp(
  collector: ImportCollector,
  totp: string,
  name: unknown,
  username: unknown,
): void {
  const field = totp.trim();
  const label = entryLabel(name, username);
  if (OTPAUTH.test(field)) {
    collector.addParsed(
      () => {
        const parsed = parseOtpauthUri(field);
        const issuer = parsed.issuer !== '' ? parsed.issuer : name;
        const account = parsed.account !== '' ? parsed.account : username;
        return validateAccount({ ...parsed, issuer: issuer as string, account: account as string });
      },
      () => label,
    );
    return;
  }
  const steam = STEAM.test(field);
  collector.add(
    {
      type: steam ? 'steam' : 'totp',
      secret: steam ? field.replace(STEAM, '') : field,
      issuer: name,
      account: username,
    },
    label,
  );
}
