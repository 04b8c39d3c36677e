/**
 * Segmented code fields: 4–8 one-character boxes side by side in one container. Filling them as one field is
 * the bug every peer has; here they are found as a row, in DOM order, and filled box by box.
 */
import type { Box, Measure } from './code-target';
import { isShown, type VisibilityCache } from './is-shown';

export const MIN_BOXES = 4;
export const MAX_BOXES = 8;
/** Wider than this is a field, not a box. */
const MAX_BOX_WIDTH = 100;
const MIN_BOX = { width: 10, height: 10 };
/** Each box may sit in a wrapper or two of its own; the row's container is at most this far up. */
const MAX_CONTAINER_HOPS = 3;

interface Placed {
  input: HTMLInputElement;
  box: Box;
}

/** Rows of boxes among the page's usable inputs (given in DOM order); an input that is not a box ends a row. */
export function findSplitRows(
  inputs: readonly HTMLInputElement[],
  measure: Measure,
  visibility?: VisibilityCache,
): HTMLInputElement[][] {
  const rows: HTMLInputElement[][] = [];
  let row: Placed[] = [];
  let container: Element | null = null;
  const close = () => {
    if (row.length >= MIN_BOXES && row.length <= MAX_BOXES) rows.push(row.map((p) => p.input));
    row = [];
    container = null;
  };
  for (const input of inputs) {
    if (!isShown(input, measure, MIN_BOX, visibility)) continue; // a hidden helper input does not split a row
    const placed = { input, box: measure(input) };
    if (!isBoxLike(input, placed.box)) {
      close();
      continue;
    }
    const first = row[0];
    const last = row[row.length - 1];
    if (first && last) {
      const shared = continuesRow(last, placed) ? containerOf(first.input, input) : null;
      if (shared && (container === null || shared === container)) container = shared;
      else close();
    }
    row.push(placed);
  }
  close();
  return rows;
}

function isBoxLike(input: HTMLInputElement, box: Box): boolean {
  const maxLength = input.getAttribute('maxlength');
  return (maxLength === null || maxLength === '1') && input.value.length <= 1 && box.width < MAX_BOX_WIDTH;
}

/** Same kind, same tree, level with the previous box and to its right. */
function continuesRow(prev: Placed, next: Placed): boolean {
  if (prev.input.type !== next.input.type) return false;
  if (prev.input.getRootNode() !== next.input.getRootNode()) return false;
  const prevMiddle = prev.box.y + prev.box.height / 2;
  const nextMiddle = next.box.y + next.box.height / 2;
  const level = Math.abs(prevMiddle - nextMiddle) < Math.max(prev.box.height, next.box.height) / 2;
  return level && next.box.x > prev.box.x;
}

/** The nearest element holding both, if it is close to each (a few wrappers up). */
function containerOf(a: Element, b: Element): Element | null {
  let up: Element | null = a.parentElement;
  for (let hops = 0; up && hops < MAX_CONTAINER_HOPS; hops++, up = up.parentElement) {
    if (up.contains(b) && depthBetween(up, b) <= MAX_CONTAINER_HOPS) return up;
  }
  return null;
}

function depthBetween(ancestor: Element, el: Element): number {
  let depth = 0;
  for (let up = el.parentElement; up && up !== ancestor; up = up.parentElement) depth++;
  return depth;
}

/** The element holding the row. */
export function rowContainer(row: readonly HTMLInputElement[]): Element | null {
  const [first, second] = row;
  return first && second ? containerOf(first, second) : null;
}
