/**
 * Points for how surely something is the one-time-code field. `autocomplete=one-time-code` alone is enough;
 * a keyword plus either the field's shape or the page's context is high; a keyword alone is a guess.
 */
export const WEIGHTS = {
  oneTimeCode: 100,
  exactName: 50,
  keyword: 40,
  /** `code`, `token`, `pin`, コード: only when focused or no password field is on the page. */
  ambiguous: 20,
  inputmodeNumeric: 10,
  digitPattern: 10,
  codeMaxLength: 10,
  /** Subtracted: a single field whose maxlength (over 10) leaves room for text. */
  longMaxLength: 15,
  minLengthSix: 5,
  autofocus: 5,
  verifyPage: 15,
  /** The only field the user could type into: a login step asking for nothing but this. */
  soleField: 10,
  focused: 20,
  /** A row of 4–8 aligned one-character boxes is itself a strong sign. */
  splitRow: 35,
  digitLabels: 10,
} as const;

export const HIGH = 60;
export const MEDIUM = 35;
/** Two candidates this close are a toss-up: the winner is only a guess. */
export const CLOSE_RACE = 10;

/** What scoring needs to know about the page around a field. */
export interface PageFacts {
  isVerifyPage(input: HTMLInputElement): boolean;
  /** The field has focus, or no password field is on the page: ambiguous words may count. */
  mayTrustAmbiguous(input: HTMLInputElement): boolean;
  isFocused(input: HTMLInputElement): boolean;
  isSoleField(input: HTMLInputElement): boolean;
}

/** Points for `inputmode`, `pattern`, `minlength` and `autofocus`, shared by single fields and boxes. */
export function shapePoints(input: HTMLInputElement): number {
  let points = 0;
  if (['numeric', 'decimal'].includes((input.getAttribute('inputmode') ?? '').toLowerCase())) {
    points += WEIGHTS.inputmodeNumeric;
  }
  const pattern = input.getAttribute('pattern') ?? '';
  if (/\\d|\[0-9\]/.test(pattern) && !/[a-z]-[a-z]/i.test(pattern)) points += WEIGHTS.digitPattern;
  if (Number(input.getAttribute('minlength')) === 6) points += WEIGHTS.minLengthSix;
  if (input.hasAttribute('autofocus')) points += WEIGHTS.autofocus;
  return points;
}
