/** Scores one field as the place for the whole code; null when it is surely something else. */
import { fieldSignals } from './field-signals';
import { type PageFacts, shapePoints, WEIGHTS } from './score';

/** A single field shorter than 6 cannot take a 6-digit code. */
const MIN_MAX_LENGTH = 6;
/**
 * Longer than this is room for text, which counts against the field but does not rule it out: many sign-in pages
 * give their code field a generous maxlength (`id="auth-mfa-otpcode" maxlength="20"`, "Enter OTP").
 */
const MAX_CODE_LENGTH = 10;

export function scoreSingleField(input: HTMLInputElement, page: PageFacts): number | null {
  const s = fieldSignals(input);
  if (s.foreign) return null;
  if (input.type === 'password' && !s.oneTimeCode && !s.strongIdentifier) return null;
  const named = s.oneTimeCode || s.exactName || s.keyword;
  if (s.identity && !named) return null;

  const maxLength = input.hasAttribute('maxlength') ? Number(input.getAttribute('maxlength')) : NaN;
  if (maxLength < MIN_MAX_LENGTH) return null;

  const verifyPage = page.isVerifyPage(input);
  const trustedAmbiguous = (s.ambiguousExactName || s.ambiguousWord) && page.mayTrustAmbiguous(input);
  // Shape alone (numeric, six long) also fits PINs and postal codes: some word must speak of a code.
  if (!named && !trustedAmbiguous && !verifyPage) return null;

  let points = shapePoints(input);
  if (s.oneTimeCode) points += WEIGHTS.oneTimeCode;
  if (s.exactName) points += WEIGHTS.exactName;
  if (s.keyword) points += WEIGHTS.keyword;
  if (!s.exactName && !s.keyword && trustedAmbiguous) points += WEIGHTS.ambiguous;
  if (maxLength >= 6 && maxLength <= 8) points += WEIGHTS.codeMaxLength;
  if (maxLength > MAX_CODE_LENGTH) points -= WEIGHTS.longMaxLength;
  if (verifyPage) points += WEIGHTS.verifyPage;
  if (page.isSoleField(input)) points += WEIGHTS.soleField;
  if (page.isFocused(input)) points += WEIGHTS.focused;
  return points;
}
