/** Parses Key URIs (`otpauth://TYPE/LABEL?PARAMS`) into validated accounts. */
import type { Account } from './account';
import { parseAlgorithm } from './algorithm';
import { OtpError } from './errors';
import { MAX_URI_LENGTH } from './limits';
import { splitLabel } from './otpauth-label';
import { readDecimal, readOtpauthParameters } from './otpauth-query';
import { parseOtpType } from './otp-type';
import { decodePercent } from './percent-decoding';
import { validateAccount } from './validate-account';

const SCHEME = 'otpauth://';

/**
 * Parses one otpauth URI; throws only OtpError. Surrounding whitespace is ignored; scheme, type, parameter names
 * and the algorithm are case-insensitive; a `#fragment` is not part of the URI. The label is percent-decoded as
 * UTF-8 with `+` kept literally (accounts like `user+tag@example.com`), query values also read `+` as a space.
 * Every known parameter that is present must be well-formed, even one the type ignores (e.g. `period` of hotp);
 * ranges and defaults are those of `validateAccount`. hotp requires `counter`. Secrets are Base32 only.
 */
export function parseOtpauthUri(uri: string): Account {
  if (typeof uri !== 'string') throw new OtpError('not-otpauth');
  if (uri.length > MAX_URI_LENGTH) throw new OtpError('uri-too-long');
  const text = uri.trim();
  if (text.slice(0, SCHEME.length).toLowerCase() !== SCHEME) throw new OtpError('not-otpauth');

  const hash = text.indexOf('#');
  const rest = text.slice(SCHEME.length, hash < 0 ? text.length : hash);
  const question = rest.indexOf('?');
  const path = question < 0 ? rest : rest.slice(0, question);
  const slash = path.indexOf('/');

  const type = parseOtpType(slash < 0 ? path : path.slice(0, slash));
  const parameters = readOtpauthParameters(question < 0 ? '' : rest.slice(question + 1));
  const label = decodePercent(slash < 0 ? '' : path.slice(slash + 1));

  const secret = parameters.get('secret');
  if (secret === undefined) throw new OtpError('missing-secret');
  if (type === 'hotp' && !parameters.has('counter')) throw new OtpError('missing-counter');
  const algorithm = parameters.get('algorithm');
  const { issuer, account } = splitLabel(label, parameters.get('issuer'));

  return validateAccount({
    type,
    secret,
    issuer,
    account,
    algorithm: algorithm === undefined ? undefined : parseAlgorithm(algorithm),
    digits: readDecimal(parameters, 'digits', 'invalid-digits'),
    period: readDecimal(parameters, 'period', 'invalid-period'),
    counter: readDecimal(parameters, 'counter', 'invalid-counter'),
  });
}
