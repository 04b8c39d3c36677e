/**
 * Puts a code into the field the finder chose, the way a person's typing reaches the page, then reads back
 * what the field holds: only a field that holds the code counts as filled. A page that did not take it (a
 * widget that put the digits in the wrong boxes, a script that rejects or rewrites the value) is cleared again
 * rather than left holding a wrong code. Never submits: the user presses the page's own button.
 */
import { formatCode, isCodeLikeValue, withoutSeparators } from './code-format';
import type { CodeTarget } from './code-target';
import { eraseValue, focusAsUser, pasteInto, typeValue } from './native-input';

export interface FillOptions {
  /** How long a page gets to reformat or reset a value before we look again (ms). */
  settleMs?: number;
}

/**
 * `filled`: the field (every box) holds the code; `not-taken`: it was typed in but the page did not keep it
 * (cleared again); `skipped`: nothing was typed (not a code, the field holds other text, or the code does not
 * fit the boxes).
 */
export type FillCodeOutcome = 'filled' | 'not-taken' | 'skipped';

/** Long enough for a framework's next render or a formatter's timer, short enough not to be noticed. */
const SETTLE_MS = 50;
/** TOTP/HOTP digits, or Steam's five letters and digits. */
const CODE = /^[0-9A-Za-z]{4,10}$/;
/**
 * Turns of the microtask queue between one step of typing and the next: React 18+ and Preact apply a state
 * update made in a focus handler in a microtask, and a widget's input handler reads that state.
 */
const MICROTASK_TURNS = 3;

/** Whether the field(s) hold the code afterwards. */
export async function fillCode(target: CodeTarget, code: string, opts: FillOptions = {}): Promise<boolean> {
  return (await fillCodeOutcome(target, code, opts)) === 'filled';
}

/** Fills, then says what the page made of it. */
export async function fillCodeOutcome(
  target: CodeTarget,
  code: string,
  opts: FillOptions = {},
): Promise<FillCodeOutcome> {
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, opts.settleMs ?? SETTLE_MS));
  if (!CODE.test(code)) return 'skipped';
  return target.kind === 'single'
    ? fillSingle(target.input, formatCode(code, target.format, target.input.maxLength), code, settle)
    : fillSplit(target.inputs, code, settle);
}

/** Lets the page's pending microtasks (a framework's state updates) run. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < MICROTASK_TURNS; i++) await Promise.resolve();
}

/** Focus moved field by field as a person moves it, remembering where it was for the next field's blur. */
function typist() {
  let last: HTMLInputElement | null = null;
  const focus = async (input: HTMLInputElement) => {
    focusAsUser(input, last);
    last = input;
    await microtasks();
  };
  return {
    focus,
    async type(input: HTMLInputElement, value: string) {
      await focus(input);
      typeValue(input, value);
      await microtasks();
    },
    async erase(input: HTMLInputElement) {
      await focus(input);
      eraseValue(input);
      await microtasks();
    },
    async paste(input: HTMLInputElement, text: string) {
      await focus(input);
      pasteInto(input, text);
      await microtasks();
    },
  };
}

async function fillSingle(
  input: HTMLInputElement,
  value: string,
  code: string,
  settle: () => Promise<void>,
): Promise<FillCodeOutcome> {
  // The page may have changed since the field was found: never overwrite what the user typed there.
  if (!isCodeLikeValue(input.value)) return 'skipped';
  const holds = () => withoutSeparators(input.value).toUpperCase() === code.toUpperCase();
  const keys = typist();
  await keys.type(input, value);
  await settle();
  if (!input.isConnected) return 'filled'; // the page moved on with what was typed: nothing left to check
  if (!holds()) {
    await keys.type(input, value); // a framework put its old state back: once more, after its render
    await settle();
  }
  if (holds()) {
    input.focus();
    return 'filled';
  }
  // Rejected or rewritten: leave no half or wrong code behind (never text that is not a code).
  if (input.value !== '' && isCodeLikeValue(input.value)) await keys.erase(input);
  return 'not-taken';
}

async function fillSplit(
  boxes: readonly HTMLInputElement[],
  code: string,
  settle: () => Promise<void>,
): Promise<FillCodeOutcome> {
  const chars = [...code];
  const first = boxes[0];
  if (!first || chars.length !== boxes.length || !boxes.every((b) => isCodeLikeValue(b.value)))
    return 'skipped';
  const holds = () =>
    boxes.every((box, i) => withoutSeparators(box.value).toUpperCase() === chars[i]?.toUpperCase());
  const keys = typist();
  const clear = async () => {
    // From the last box back, as Backspace goes: a widget clears its own state box by box.
    for (const box of [...boxes].reverse()) await keys.erase(box);
  };
  for (const [i, box] of boxes.entries()) await keys.type(box, chars[i] ?? '');
  await settle();
  // A widget that submits on completion may replace its boxes at once: never paste the code again into that.
  if (!boxes.every((box) => box.isConnected)) return 'filled';
  if (!holds()) {
    await clear(); // the widget ignored per-box input or misplaced it: let it spread a paste itself
    await keys.paste(first, code);
    await settle();
  }
  if (holds()) {
    boxes[boxes.length - 1]?.focus();
    return 'filled';
  }
  await clear();
  return 'not-taken';
}
