/** Spellings of the HMAC algorithm accepted from URIs, imports and forms. */
import type { OtpAlgorithm } from './account';
import { OtpError } from './errors';

/**
 * Case-insensitive `SHA1` / `SHA256` / `SHA512`. The hyphenated `SHA-1` / `SHA-256` / `SHA-512` are not valid in
 * the Key URI format but are common in the wild and unambiguous, so they are accepted as the same algorithms.
 * Anything else (MD5, `SHA224`, surrounding spaces, ...) is 'invalid-algorithm'.
 */
export function parseAlgorithm(value: unknown): OtpAlgorithm {
  if (typeof value !== 'string') throw new OtpError('invalid-algorithm');
  switch (value.toUpperCase()) {
    case 'SHA1':
    case 'SHA-1':
      return 'SHA1';
    case 'SHA256':
    case 'SHA-256':
      return 'SHA256';
    case 'SHA512':
    case 'SHA-512':
      return 'SHA512';
    default:
      throw new OtpError('invalid-algorithm');
  }
}
