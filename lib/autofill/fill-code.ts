/**
 * Puts a code into the field the finder chose, and checks it stayed there. Never submits: the user presses
 * the page's own button.
 */
import { formatCode, isCodeLikeValue, withoutSeparators } from './code-format';
import type { CodeTarget } from './code-target';
import { pasteInto, typeValue } from './native-input';

export interface FillOptions {
  /** How long a page gets to reformat or reset a value before we look again (ms). */
  settleMs?: number;
}

/** Long enough for a framework's next render or a formatter's timer, short enough not to be noticed. */
const SETTLE_MS = 50;
/** TOTP/HOTP digits, or Steam's five letters and digits. */
const CODE = /^[0-9A-Za-z]{4,10}$/;

/** Whether the field(s) hold the code afterwards. */
export async function fillCode(target: CodeTarget, code: string, opts: FillOptions = {}): Promise<boolean> {
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, opts.settleMs ?? SETTLE_MS));
  if (!CODE.test(code)) return false;
  return target.kind === 'single'
    ? fillSingle(target.input, formatCode(code, target.format, target.input.maxLength), code, settle)
    : fillSplit(target.inputs, code, settle);
}

async function fillSingle(
  input: HTMLInputElement,
  value: string,
  code: string,
  settle: () => Promise<void>,
): Promise<boolean> {
  // The page may have changed since the field was found: never overwrite what the user typed there.
  if (!isCodeLikeValue(input.value)) return false;
  const holds = () => withoutSeparators(input.value).toUpperCase() === code.toUpperCase();
  typeValue(input, value);
  await settle();
  if (!holds()) {
    typeValue(input, value); // a framework put its old state back: once more, after its render
    await settle();
  }
  input.focus();
  return holds();
}

async function fillSplit(
  boxes: readonly HTMLInputElement[],
  code: string,
  settle: () => Promise<void>,
): Promise<boolean> {
  const chars = [...code];
  if (chars.length !== boxes.length || !boxes.every((b) => isCodeLikeValue(b.value))) return false;
  const holds = () => boxes.every((box, i) => box.value.toUpperCase() === chars[i]?.toUpperCase());
  boxes.forEach((box, i) => typeValue(box, chars[i] ?? ''));
  await settle();
  const first = boxes[0];
  if (!holds() && first) {
    pasteInto(first, code); // the widget ignored per-box input: let it spread a paste itself
    await settle();
  }
  boxes[boxes.length - 1]?.focus();
  return holds();
}
