/** Scores a row of boxes as the place for the code; null when its words say it is something else. */
import { fieldSignals } from './field-signals';
import { readableText } from './readable-text';
import { type PageFacts, shapePoints, WEIGHTS } from './score';
import { rowContainer } from './split-rows';

/** Longer container text is a page section, not the row's label. */
const MAX_LABEL_TEXT = 200;
/** `aria-label="Digit 1"`, 「1桁目」: the boxes announce themselves as digits of one code. */
const DIGIT_LABEL = /digit|桁目|character|文字目/i;

export function scoreSplitRow(row: readonly HTMLInputElement[], page: PageFacts): number | null {
  const first = row[0];
  if (!first) return null;
  const label = rowLabel(row);
  const signals = row.map((input) => fieldSignals(input, label));
  if (signals.some((s) => s.foreign)) return null;
  if (row.some((input) => input.type === 'password') && !signals.some((s) => s.strongIdentifier)) return null;
  const named = signals.some((s) => s.oneTimeCode || s.exactName || s.keyword);
  if (!named && signals.some((s) => s.identity)) return null;

  let points = WEIGHTS.splitRow + shapePoints(first);
  if (signals.some((s) => s.oneTimeCode)) points += WEIGHTS.oneTimeCode;
  if (named) points += WEIGHTS.keyword;
  else if (signals.some((s) => s.ambiguousWord) && row.some((i) => page.mayTrustAmbiguous(i))) {
    points += WEIGHTS.ambiguous;
  }
  if (row.every((input) => DIGIT_LABEL.test(input.getAttribute('aria-label') ?? ''))) {
    points += WEIGHTS.digitLabels;
  }
  if (page.isVerifyPage(first)) points += WEIGHTS.verifyPage;
  if (row.some((input) => page.isFocused(input))) points += WEIGHTS.focused;
  return points;
}

/** The words naming the row as a whole: its container's label, or a short text around it. */
function rowLabel(row: readonly HTMLInputElement[]): string {
  const container = rowContainer(row);
  if (!container) return '';
  const parts = [
    container.getAttribute('aria-label') ?? '',
    container.id,
    container.getAttribute('class') ?? '',
  ];
  const before = container.previousElementSibling;
  if (before) parts.push(readableText(before).slice(0, MAX_LABEL_TEXT));
  const own = readableText(container);
  if (own.length <= MAX_LABEL_TEXT) parts.push(own);
  return parts.join(' | ');
}
