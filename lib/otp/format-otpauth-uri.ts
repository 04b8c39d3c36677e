/** Writes accounts as canonical Key URIs, the inverse of `parseOtpauthUri`. */
import type { Account } from './account';
import { joinLabel } from './otpauth-label';
import { validateAccount } from './validate-account';

/**
 * `otpauth://totp/Issuer:account?secret=S&issuer=Issuer&algorithm=SHA1&digits=6&period=30`; hotp writes `counter`
 * instead of `period`; steam writes only `secret` and `issuer`. Issuer and account are percent-encoded as UTF-8
 * (`:` inside them becomes `%3A`), the issuer parameter is written whenever there is an issuer. The account is
 * validated first (OtpError if invalid), and `parseOtpauthUri(formatOtpauthUri(a))` deep-equals `validateAccount(a)`.
 */
export function formatOtpauthUri(account: Account): string {
  const valid = validateAccount(account);
  const parameters = [`secret=${valid.secret}`];
  if (valid.issuer !== '') parameters.push(`issuer=${encodeURIComponent(valid.issuer)}`);
  if (valid.type !== 'steam') {
    parameters.push(`algorithm=${valid.algorithm}`, `digits=${valid.digits}`);
    parameters.push(valid.type === 'hotp' ? `counter=${valid.counter}` : `period=${valid.period}`);
  }
  return `otpauth://${valid.type}/${joinLabel(valid)}?${parameters.join('&')}`;
}
