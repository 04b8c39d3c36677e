/**
 * The signals one field gives about itself, read once: what its autocomplete says, whether its words name a
 * one-time code, name something else, or name only an identity.
 */
import { fieldText } from './field-text';
import {
  AMBIGUOUS_EXACT_NAMES,
  AMBIGUOUS_JA,
  AMBIGUOUS_WORDS,
  CODE_KEYWORDS,
  containsAny,
  EXACT_NAMES,
  FOREIGN_AUTOCOMPLETE,
  FOREIGN_AUTOCOMPLETE_PREFIXES,
  FOREIGN_CODE_KEYWORDS,
  IDENTITY_EXACT_NAMES,
  IDENTITY_KEYWORDS,
} from './keywords';
import { squash, toWords } from './normalize-text';

/** Identifier keywords strong enough to trust a `type=password` field as a code field. */
const STRONG_ID_KEYWORDS = ['otp', 'mfa', '2fa', 'tfa', 'two-factor', 'one-time', 'passcode', 'authcode'];

export interface FieldSignals {
  oneTimeCode: boolean;
  /** The autocomplete token or the words say this is another kind of field (or another kind of code). */
  foreign: boolean;
  exactName: boolean;
  ambiguousExactName: boolean;
  keyword: boolean;
  ambiguousWord: boolean;
  identity: boolean;
  strongIdentifier: boolean;
}

export function fieldSignals(input: HTMLInputElement, extraText = ''): FieldSignals {
  const tokens = (input.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const text = fieldText(input);
  const all = squash(`${text.all} | ${extraText}`);
  const names = [input.id, input.name].map(squash).filter(Boolean);
  const isName = (list: readonly string[]) => names.some((n) => list.some((w) => squash(w) === n));
  const words = toWords(`${text.all} | ${extraText}`);
  const exactName = isName(EXACT_NAMES);
  return {
    oneTimeCode: tokens.includes('one-time-code'),
    foreign:
      tokens.some(
        (t) => FOREIGN_AUTOCOMPLETE.includes(t) || FOREIGN_AUTOCOMPLETE_PREFIXES.some((p) => t.startsWith(p)),
      ) || containsAny(all, FOREIGN_CODE_KEYWORDS),
    exactName,
    ambiguousExactName: isName(AMBIGUOUS_EXACT_NAMES),
    keyword: containsAny(all, CODE_KEYWORDS),
    ambiguousWord: AMBIGUOUS_WORDS.some((w) => words.includes(` ${w} `)) || containsAny(all, AMBIGUOUS_JA),
    identity: containsAny(all, IDENTITY_KEYWORDS) || isName(IDENTITY_EXACT_NAMES),
    strongIdentifier: exactName || containsAny(squash(text.identifiers), STRONG_ID_KEYWORDS),
  };
}
