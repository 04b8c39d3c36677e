/**
 * Confirmation labels for enrolled accounts: "Issuer (account)", the issuer alone or the account alone.
 * Labels come from QR codes made by others and are shown outside Sekimori's pages too (the confirmation on
 * the scanned page), so they go through the same displayText rule as every label in the UI.
 */
import type { Account } from '../../otp/account';
import { displayText } from '../../otp/display-text';

export function enrolLabel(account: Pick<Account, 'issuer' | 'account'>): string {
  const issuer = displayText(account.issuer);
  const name = displayText(account.account);
  if (issuer && name) return `${issuer} (${name})`;
  return issuer || name;
}
