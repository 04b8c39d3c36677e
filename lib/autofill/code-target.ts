/** What the finder hands the filler: one field, or a row of one-character boxes. */

/** `grouped-3-3`: the field expects `123-456` (ServiceNow's `XXX-XXX` placeholder); `digits`: the code as is. */
export type CodeFormat = 'digits' | 'grouped-3-3';

/** Where the page says the code was sent to the user: a mailbox, or a phone by text message (SMS). */
export type SentTo = 'email' | 'sms';

/** `high`: fill without asking when the site is bound; `medium`: the field is a good guess, ask first. */
export type Confidence = 'high' | 'medium';

export type CodeTarget = (
  | { kind: 'single'; input: HTMLInputElement; format: CodeFormat; confidence: Confidence }
  | { kind: 'split'; inputs: HTMLInputElement[]; confidence: Confidence }
) &
  SentCode;

/**
 * `emailCode`: the page says the code was sent to the user, by e-mail or by text message (the name is older than
 * SMS pages): fill it only on the user's explicit choice. `sentTo` says which, for the question the user is asked.
 */
export type SentCode = { emailCode: false; sentTo?: undefined } | { emailCode: true; sentTo: SentTo };

/** A rectangle in CSS pixels, relative to the element's own viewport (as `getBoundingClientRect`). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where an element is drawn. Injected because geometry is the one thing a DOM without layout (happy-dom,
 * linkedom) cannot answer: there every rectangle is zero. Real pages use the default, `layoutBox`.
 */
export type Measure = (el: Element) => Box;

export interface FindOptions {
  /** The element that has focus (deepest, through shadow roots): ambiguous labels count for it. */
  focused?: Element | null;
  /** Geometry; defaults to `getBoundingClientRect`. */
  measure?: Measure;
}

/** Nothing typed in it yet (every box of a row empty). */
export const isEmptyTarget = (target: CodeTarget): boolean =>
  target.kind === 'single' ? target.input.value === '' : target.inputs.every((input) => input.value === '');

/** A field worth filling without a click: sure, empty, and not a page that e-mailed its code. */
export const isAutoFillable = (target: CodeTarget | null): boolean =>
  target !== null && target.confidence === 'high' && !target.emailCode && isEmptyTarget(target);
