/** Rules for the free-text issuer and account names. */
import { OtpError } from './errors';
import { MAX_LABEL_LENGTH } from './limits';

/** C0 and C1 control characters (NUL, tab, newline, ESC, ...). */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * Trims the name and checks it: at most MAX_LABEL_LENGTH code points ('label-too-long'); no control characters and
 * no unpaired UTF-16 surrogates, which cannot be percent-encoded ('invalid-label'). Any other Unicode is kept,
 * including Japanese, emoji, `:` and `%`. Bidi and invisible characters are kept too: stripping them is a display
 * concern, and rejecting them would refuse real QR codes.
 */
export function normalizeLabel(value: unknown): string {
  if (typeof value !== 'string') throw new OtpError('invalid-label');
  const trimmed = value.trim();
  if (trimmed.length > MAX_LABEL_LENGTH * 2 || countCodePoints(trimmed) > MAX_LABEL_LENGTH) {
    throw new OtpError('label-too-long');
  }
  if (!trimmed.isWellFormed() || CONTROL_CHARACTER.test(trimmed)) throw new OtpError('invalid-label');
  return trimmed;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    count++;
  }
  return count;
}
