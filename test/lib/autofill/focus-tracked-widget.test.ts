// @vitest-environment happy-dom
/**
 * Filling a segmented code widget that tracks "the active box" through focus events, in a page that lost its
 * focus to the toolbar popup (test/lib/autofill/otp-widget.ts has the widget and the blurred page). Boxes are
 * typed one by one as a person's typing reaches them: focus (with focus events when the browser fires none),
 * then input; afterwards every box is read back. A page that did not take the code is cleared again, its own
 * state included, and the fill says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CodeTarget, fillCodeOutcome } from '@/lib/autofill';
import { setNativeValue } from '@/lib/autofill/native-input';
import { blurPage, focusTrackedWidget } from './otp-widget';
import { byId, showPage } from './page';

const CODE = '123456';
const split = (inputs: HTMLInputElement[]): CodeTarget => ({
  kind: 'split',
  inputs,
  confidence: 'high',
  emailCode: false,
});
const single = (input: HTMLInputElement): CodeTarget => ({
  kind: 'single',
  input,
  format: 'digits',
  confidence: 'high',
  emailCode: false,
});
const fill = (target: CodeTarget, code = CODE) => fillCodeOutcome(target, code, { settleMs: 5 });
const values = (boxes: HTMLInputElement[]) => boxes.map((b) => b.value);
const row = () => document.querySelector('.otp')!;

let focusBack: (() => void) | null = null;
/** The toolbar click: the page loses focus, and the fill comes tasks later (the widget has seen the blur). */
async function blur(): Promise<void> {
  focusBack = blurPage();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
afterEach(() => {
  focusBack?.();
  focusBack = null;
});

describe('a focus-tracked split widget (react-otp-input style)', () => {
  it('(the emulation bites) focus() and input per box in the blurred page lose the first digit and shift the rest', async () => {
    showPage('<h1>Two-factor authentication</h1><div class="otp"></div>');
    const widget = focusTrackedWidget(row());
    await blur(); // the first box had focus: its focusout steps the active box back to -1
    expect(document.hasFocus()).toBe(false);
    for (const [i, box] of widget.boxes.entries()) {
      box.focus(); // the page has no focus: no focus event, the widget does not follow
      setNativeValue(box, CODE[i]!);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: CODE[i]! }));
      await Promise.resolve();
    }
    expect(widget.state().otp.join('')).toBe('23456');
    expect(values(widget.boxes)).toEqual(['2', '3', '4', '5', '6', '']);
  });

  it('in a blurred page: typed box by box with focus events, the widget holds the code and completes with it', async () => {
    showPage('<h1>Two-factor authentication</h1><div class="otp"></div>');
    const widget = focusTrackedWidget(row());
    await blur();
    expect(await fill(split(widget.boxes))).toBe('filled');
    expect(widget.state().otp.join('')).toBe(CODE);
    expect(values(widget.boxes)).toEqual([...CODE]);
    expect(widget.completed).toEqual([CODE]); // what it would submit: the code, once
    expect(document.hasFocus()).toBe(false); // the page was not given focus to do it
  });

  it('in a blurred page: each box gets focus before its input, in order, each focus after the previous box’s blur', async () => {
    showPage('<h1>Two-factor authentication</h1><div class="otp"></div>');
    const widget = focusTrackedWidget(row());
    await blur();
    const seen: string[] = [];
    for (const type of ['focusin', 'focusout', 'input']) {
      row().addEventListener(type, (e) => {
        const at = widget.boxes.indexOf(e.target as HTMLInputElement);
        if (type !== 'input' || (e as InputEvent).inputType === 'insertText') seen.push(`${type} ${at}`);
      });
    }
    expect(await fill(split(widget.boxes))).toBe('filled');
    expect(seen).toEqual([
      'focusin 0',
      'input 0',
      ...[1, 2, 3, 4, 5].flatMap((i) => [`focusout ${i - 1}`, `focusin ${i}`, `input ${i}`]),
    ]);
  });

  it('in a focused page (the keyboard shortcut): also right, and no box gets a second focus event', async () => {
    showPage('<h1>Two-factor authentication</h1><div class="otp"></div>');
    const widget = focusTrackedWidget(row());
    const focusins = widget.boxes.map(() => 0);
    row().addEventListener('focusin', (e) => focusins[widget.boxes.indexOf(e.target as HTMLInputElement)]!++);
    expect(await fill(split(widget.boxes))).toBe('filled');
    expect(widget.state().otp.join('')).toBe(CODE);
    // The first box had focus already; the widget moved it to each next box itself (real focus events).
    expect(focusins).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it('in a blurred page: a widget that takes only a paste gets it from its first box', async () => {
    showPage('<h1>Two-factor authentication</h1><div class="otp"></div>');
    const widget = focusTrackedWidget(row());
    const state: string[] = [];
    let active = -1;
    // Typed input is undone; a paste spreads from the box the widget believes is active.
    for (const [i, box] of widget.boxes.entries()) {
      box.addEventListener('focusin', () => (active = i));
      box.addEventListener('input', (e) => e.stopImmediatePropagation(), true);
      box.addEventListener('input', () => (box.value = state[i] ?? ''));
    }
    row().addEventListener(
      'paste',
      (e) => {
        e.stopImmediatePropagation();
        e.preventDefault();
        const text = (e as ClipboardEvent).clipboardData?.getData('text') ?? '';
        [...text].forEach((c, k) => (state[active + k] = c));
        widget.boxes.forEach((box, i) => (box.value = state[i] ?? ''));
      },
      true,
    );
    await blur();
    expect(await fill(split(widget.boxes))).toBe('filled');
    expect(values(widget.boxes)).toEqual([...CODE]);
  });
});

describe('a page that does not take the code', () => {
  it('a widget that refuses every character: nothing held, boxes and state cleared, not-taken', async () => {
    showPage('<h1>Two-factor authentication</h1><div class="otp"></div>');
    const widget = focusTrackedWidget(row(), { accepts: () => false });
    await blur();
    expect(await fill(split(widget.boxes))).toBe('not-taken');
    expect(values(widget.boxes)).toEqual(['', '', '', '', '', '']);
    expect(widget.state().otp.join('')).toBe('');
    expect(widget.completed).toEqual([]);
  });

  it('a widget that puts each digit one box along: read back wrong, cleared with Backspace-like input events, not-taken', async () => {
    showPage(`<h1>Two-factor authentication</h1><div class="otp"></div>`);
    const boxes = focusTrackedWidget(row(), { autofocus: false }).boxes;
    // Replace the widget's handlers with a broken one: its own state, one box off, and no paste support.
    const state: string[] = boxes.map(() => '');
    const erased: number[] = [];
    row().addEventListener(
      'input',
      (e) => {
        e.stopImmediatePropagation();
        const event = e as InputEvent;
        const i = boxes.indexOf(e.target as HTMLInputElement);
        if (event.inputType === 'deleteContentBackward') {
          erased.push(i);
          state[i] = '';
        } else state[(i + 1) % boxes.length] = event.data ?? '';
        boxes.forEach((box, k) => (box.value = state[k] ?? ''));
      },
      true,
    );
    row().addEventListener('paste', (e) => e.stopImmediatePropagation(), true);
    await blur();
    expect(await fill(split(boxes))).toBe('not-taken');
    expect(values(boxes)).toEqual(['', '', '', '', '', '']);
    expect(state).toEqual(['', '', '', '', '', '']);
    expect(erased.slice(-6)).toEqual([5, 4, 3, 2, 1, 0]); // last box first, as Backspace goes
  });

  it('a single field whose script cuts the value to four digits: cleared again, not-taken', async () => {
    showPage('<input id="f">');
    let pageState = '';
    byId('f').addEventListener('input', () => {
      byId('f').value = byId('f').value.slice(0, 4);
      pageState = byId('f').value;
    });
    await blur();
    expect(await fill(single(byId('f')))).toBe('not-taken');
    expect(byId('f').value).toBe('');
    expect(pageState).toBe(''); // the page saw the field emptied, through its own input handler
  });

  it('a single field whose script reformats the code as 123 456 holds it: filled', async () => {
    showPage('<input id="f">');
    byId('f').addEventListener('input', () => {
      const digits = byId('f').value.replace(/\D/g, '');
      byId('f').value = digits.length > 3 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
    });
    await blur();
    expect(await fill(single(byId('f')))).toBe('filled');
    expect(byId('f').value).toBe('123 456');
  });

  it('a single field in a blurred page gets its focus events before the input', async () => {
    showPage('<input id="f">');
    const seen: string[] = [];
    for (const type of ['focus', 'focusin', 'input', 'change'])
      byId('f').addEventListener(type, () => seen.push(type));
    await blur();
    expect(await fill(single(byId('f')))).toBe('filled');
    expect(seen).toEqual(['focus', 'focusin', 'input', 'change']);
  });

  it('a widget that replaces its boxes once complete (it submitted): no clearing, no second paste', async () => {
    showPage('<h1>Two-factor authentication</h1><div class="otp"></div>');
    const widget = focusTrackedWidget(row());
    let pastes = 0;
    widget.boxes[0]!.addEventListener('paste', () => pastes++, true);
    row().addEventListener('input', () => {
      if (widget.completed.length === 0) return;
      queueMicrotask(() => {
        for (const box of widget.boxes) box.value = '';
        row().innerHTML = '<p>Checking…</p>';
      });
    });
    await blur();
    expect(await fill(split(widget.boxes))).toBe('filled');
    expect(widget.completed).toEqual([CODE]);
    expect(pastes).toBe(0);
  });

  it('a single field the page replaces once it has the code (it submitted): filled, not typed again', async () => {
    showPage('<form id="form"><input id="f"></form>');
    let inputs = 0;
    byId('f').addEventListener('input', () => {
      inputs++;
      const field = byId('f');
      queueMicrotask(() => {
        field.value = '';
        document.getElementById('form')!.innerHTML = '<p>Checking…</p>';
      });
    });
    await blur();
    expect(await fill(single(byId('f')))).toBe('filled');
    expect(inputs).toBe(1);
  });

  it('never clears a field the page turned into something that is not a code', async () => {
    showPage('<input id="f">');
    byId('f').addEventListener('input', () => (byId('f').value = 'invalid'));
    expect(await fill(single(byId('f')))).toBe('not-taken');
    expect(byId('f').value).toBe('invalid');
  });
});
