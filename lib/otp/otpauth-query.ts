/** Reads the parameters of an otpauth URI's query string. */
import { OtpError, type OtpErrorCode } from './errors';
import { decodeQueryValue } from './percent-decoding';

const KNOWN_PARAMETERS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter'] as const;

export type OtpauthParameter = (typeof KNOWN_PARAMETERS)[number];

export type OtpauthParameters = ReadonlyMap<OtpauthParameter, string>;

function isKnown(name: string): name is OtpauthParameter {
  return (KNOWN_PARAMETERS as readonly string[]).includes(name);
}

/**
 * Splits `a=1&b=2` into decoded values of the known parameters. Names are matched case-insensitively; unknown
 * parameters are ignored without decoding their values; a known parameter given twice is 'duplicate-parameter'
 * (even with the same value: which one wins would be a guess). `name` alone counts as an empty value.
 */
export function readOtpauthParameters(query: string): OtpauthParameters {
  const parameters = new Map<OtpauthParameter, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeQueryValue(equals < 0 ? pair : pair.slice(0, equals)).toLowerCase();
    if (!isKnown(name)) continue;
    if (parameters.has(name)) throw new OtpError('duplicate-parameter');
    parameters.set(name, decodeQueryValue(equals < 0 ? '' : pair.slice(equals + 1)));
  }
  return parameters;
}

/** A whole decimal number (digits only: no sign, point, exponent or spaces), or `code` as an OtpError. */
export function readDecimal(
  parameters: OtpauthParameters,
  name: OtpauthParameter,
  code: OtpErrorCode,
): number | undefined {
  const text = parameters.get(name);
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text)) throw new OtpError(code);
  return Number(text);
}
