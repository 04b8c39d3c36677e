/**
 * Confirmation labels for enrolled accounts: "Issuer (account)", the issuer alone or the account alone.
 * Labels come from QR codes made by others and may be shown outside Sekimori's pages (the scan overlay), so
 * direction-override and invisible characters are written as [U+XXXX], by the same rule as the UI's displayText
 * (components/display-text.ts; the enroller tests check both agree).
 */
import type { Account } from '../otp/account';

const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/gu;

function visible(label: string): string {
  return label.replace(
    INVISIBLE,
    (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

export function enrolLabel(account: Pick<Account, 'issuer' | 'account'>): string {
  const issuer = visible(account.issuer);
  const name = visible(account.account);
  if (issuer && name) return `${issuer} (${name})`;
  return issuer || name;
}
