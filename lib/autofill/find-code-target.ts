/**
 * Finds the one-time-code field on a page, whether or not the user has clicked into it: every visible,
 * editable input (shadow roots and same-origin frames included) is scored, rows of boxes as one; the best
 * wins if it scores enough. Reads the DOM, changes nothing.
 */
import { detectFormat, isCodeLikeValue } from './code-format';
import type { CodeTarget, Confidence, FindOptions, SentCode } from './code-target';
import { collectInputs } from './collect-inputs';
import { isShown, type VisibilityCache } from './is-shown';
import { layoutBox } from './layout-box';
import { pageFacts } from './page-facts';
import { codeSentTo } from './sent-code';
import { CLOSE_RACE, HIGH, MEDIUM } from './score';
import { scoreSingleField } from './score-single-field';
import { scoreSplitRow } from './score-split-row';
import { findSplitRows } from './split-rows';

/** Peers' minimum for a single code field, a little lower: a narrow 6-digit field is still a field. */
const MIN_SINGLE = { width: 40, height: 12 };
const TEXT_LIKE_TYPES = new Set(['text', 'tel', 'number', 'password']);

interface Scored {
  points: number;
  target: (confidence: Confidence) => CodeTarget;
}

export function findCodeTarget(doc: Document, opts: FindOptions = {}): CodeTarget | null {
  const measure = opts.measure ?? layoutBox;
  const all = collectInputs(doc, measure);
  const usable = all.filter(isEditable);
  const visibility: VisibilityCache = new Map();
  const page = pageFacts({ all, editable: usable, measure, focused: opts.focused ?? null, visibility });
  const scored: Scored[] = [];

  const rows = findSplitRows(usable, measure, visibility);
  for (const inputs of rows) {
    const points = scoreSplitRow(inputs, page);
    const first = inputs[0];
    if (points === null || !first) continue;
    scored.push({
      points,
      target: (confidence) => ({ kind: 'split', inputs, confidence, ...sentCode(first) }),
    });
  }
  const inRow = new Set(rows.flat());
  for (const input of usable) {
    if (inRow.has(input) || !isShown(input, measure, MIN_SINGLE, visibility)) continue;
    const points = scoreSingleField(input, page);
    if (points === null) continue;
    scored.push({
      points,
      target: (confidence) => ({
        kind: 'single',
        input,
        format: detectFormat(input),
        confidence,
        ...sentCode(input),
      }),
    });
  }
  return pickBest(scored);
}

/** Whether (and where) the page says this field's code was sent to the user. */
function sentCode(field: HTMLInputElement): SentCode {
  const sentTo = codeSentTo(field);
  return sentTo ? { emailCode: true, sentTo } : { emailCode: false };
}

/** The best candidate over the bar; a near tie leaves it a guess (medium). */
function pickBest(scored: Scored[]): CodeTarget | null {
  const ranked = scored.filter((s) => s.points >= MEDIUM).sort((a, b) => b.points - a.points);
  const [best, runnerUp] = ranked;
  if (!best) return null;
  const contested = runnerUp !== undefined && best.points - runnerUp.points < CLOSE_RACE;
  return best.target(best.points >= HIGH && !contested ? 'high' : 'medium');
}

/** An input a user could type a code into right now, holding nothing but (part of) a code. */
function isEditable(input: HTMLInputElement): boolean {
  if (!TEXT_LIKE_TYPES.has(input.type)) return false;
  if (input.disabled || input.readOnly || inDisabledFieldset(input)) return false;
  return isCodeLikeValue(input.value);
}

/** `<fieldset disabled>` disables its fields, except those in its first legend (as `:disabled` would say). */
function inDisabledFieldset(input: HTMLInputElement): boolean {
  const fieldset = input.closest('fieldset[disabled]');
  if (!fieldset) return false;
  const legend = fieldset.querySelector(':scope > legend');
  return !legend?.contains(input);
}
