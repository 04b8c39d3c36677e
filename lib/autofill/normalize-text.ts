/**
 * Text is compared after NFKC + lower-case, so full-width ＯＴＰ / ６桁 read as otp / 6桁. Nothing non-ASCII is
 * ever stripped: Japanese labels are half of what we match on.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The normalized text with separators removed, so `two-factor`, `two_factor`, `Two Factor` and `twofactor` are
 * one spelling. Keywords are compared squashed too. `|` (our join between attributes) is kept, so words from
 * two different attributes never run together.
 */
export function squash(text: string): string {
  return normalizeText(text).replace(/[\s_\-.:・／/]+/g, '');
}

/** Identifier-ish text split into words (`mfaCode` → `mfa code`, `otp_code` → `otp code`), for whole-word tests. */
export function toWords(text: string): string {
  const spaced = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return ` ${normalizeText(spaced).replace(/[\s_\-.:|/[\]()]+/g, ' ')} `;
}
