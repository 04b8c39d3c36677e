/** The LABEL part of an otpauth URI: `account` or `issuer:account`. */

export interface LabelParts {
  issuer: string;
  account: string;
}

/**
 * Splits a percent-decoded label (where `%3A` and `:` are the same character). When the issuer parameter is set it
 * wins: a label starting with `<issuer>:` gives the rest, colons included, as the account; otherwise the account is
 * what follows the label's first colon (a differing prefix is dropped), or the whole label. Without an issuer
 * parameter the first colon separates issuer and account, so `:a:b` is an empty issuer with account `a:b`.
 * Spaces around the parts are left for validation to trim.
 */
export function splitLabel(label: string, issuerParameter: string | undefined): LabelParts {
  const issuer = issuerParameter?.trim() ?? '';
  if (issuer !== '' && label.startsWith(`${issuer}:`)) {
    return { issuer, account: label.slice(issuer.length + 1) };
  }
  const colon = label.indexOf(':');
  const account = colon < 0 ? label : label.slice(colon + 1);
  if (issuer !== '') return { issuer, account };
  return { issuer: colon < 0 ? '' : label.slice(0, colon), account };
}

/** The label `formatOtpauthUri` writes, built so that `splitLabel` gives back exactly these parts. */
export function joinLabel({ issuer, account }: LabelParts): string {
  const encodedAccount = encodeURIComponent(account);
  if (issuer !== '') return `${encodeURIComponent(issuer)}:${encodedAccount}`;
  // An empty issuer with a colon in the account needs an explicit empty prefix, or the colon would split it.
  return account.includes(':') ? `:${encodedAccount}` : encodedAccount;
}
