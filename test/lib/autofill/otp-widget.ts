/**
 * Test doubles for the page side of a fill that happy-dom does not give by itself:
 *
 * - `blurPage`: the page as Chromium leaves it once the user clicked the toolbar button: `blur`/`focusout` fired
 *   on the focused field and `blur` on the window, `document.hasFocus()` false, and from then on `el.focus()`
 *   moves `activeElement` without firing any focus event (Blink fires them only in a focused page).
 * - `focusTrackedWidget`: a faithful re-implementation of a React-style segmented code input
 *   (react-otp-input 3, react18-input-otp): the widget keeps the code and "the active box" in its own state;
 *   onFocus (`focusin`) sets the active box, onBlur (`focusout`) steps it back by one; `input` on ANY box writes
 *   the typed character into the ACTIVE box and moves focus to the next one; a paste spreads from the active box;
 *   a Backspace (`deleteContentBackward`) clears the active box and steps back. As React 18 does, a state update
 *   made in a focus handler is applied in a microtask, while an input event on the controlled boxes renders at
 *   once; handlers read the state as last rendered. The same behaviour runs in the demo's /fixtures/react-otp.
 */
import { vi } from 'vitest';

const FOCUS_EVENTS = ['focus', 'blur', 'focusin', 'focusout'] as const;

/** Blurs the page as a toolbar click does; returns a function that gives it its focus back. */
export function blurPage(doc: Document = document): () => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) throw new Error('a document without a window');
  const active = doc.activeElement;
  if (active && active !== doc.body) {
    active.dispatchEvent(new view.FocusEvent('blur', { composed: true }));
    active.dispatchEvent(new view.FocusEvent('focusout', { bubbles: true, composed: true }));
  }
  view.dispatchEvent(new view.FocusEvent('blur'));
  const hasFocus = vi.spyOn(doc, 'hasFocus').mockReturnValue(false);
  // What happy-dom's own focus()/blur() dispatch is swallowed before any listener (the window's capture phase
  // comes first); events the fill dispatches itself pass.
  let quiet = false;
  const swallow = (event: Event) => {
    if (quiet) event.stopImmediatePropagation();
  };
  for (const type of FOCUS_EVENTS) view.addEventListener(type, swallow, true);
  const proto = ownerOf(view.HTMLInputElement.prototype, 'focus');
  const { focus, blur } = proto;
  const silently = (real: (this: HTMLElement, ...args: never[]) => void) =>
    function (this: HTMLElement, ...args: never[]) {
      const was = quiet; // focus() blurs the previous element through blur(): nested
      quiet = true;
      try {
        real.apply(this, args);
      } finally {
        quiet = was;
      }
    };
  proto.focus = silently(focus);
  proto.blur = silently(blur);
  return () => {
    proto.focus = focus;
    proto.blur = blur;
    for (const type of FOCUS_EVENTS) view.removeEventListener(type, swallow, true);
    hasFocus.mockRestore();
  };
}

/** The prototype up the chain that defines `name` (happy-dom's window classes subclass the real ones). */
function ownerOf(start: HTMLElement, name: 'focus'): HTMLElement {
  for (let proto: object | null = start; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) return proto as HTMLElement;
  }
  throw new Error(`no ${name}()`);
}

export interface WidgetState {
  otp: string[];
  active: number;
}

export interface FocusTrackedWidget {
  boxes: HTMLInputElement[];
  /** The widget's own state, as last rendered: what it would submit. */
  state(): WidgetState;
  /** The code the widget handed to its `onComplete` (once all boxes were filled), in order. */
  completed: string[];
}

/**
 * Renders `count` boxes into `container` and wires them as the widget does. `accepts` decides which characters
 * a box takes (digits by default; a widget that rejects everything is `() => false`).
 */
export function focusTrackedWidget(
  container: Element,
  opts: { count?: number; accepts?: (c: string) => boolean; autofocus?: boolean } = {},
): FocusTrackedWidget {
  const count = opts.count ?? 6;
  const valid = (value: string) => value.length === 1 && (opts.accepts ?? ((c) => /^\d$/.test(c)))(value);
  container.innerHTML = Array.from(
    { length: count },
    (_, i) =>
      `<input class="box" style="left: ${i * 48}px" type="text" inputmode="numeric" autocomplete="off" aria-label="Digit ${i + 1}">`,
  ).join('');
  const boxes = [...container.querySelectorAll('input')];
  let state: WidgetState = { otp: [], active: 0 };
  const queue: Partial<WidgetState>[] = [];
  let scheduled = false;
  const completed: string[] = [];

  const render = () => {
    boxes.forEach((box, i) => {
      const value = state.otp[i] ?? '';
      if (box.value !== value) box.value = value;
    });
    const code = boxes.map((_, i) => state.otp[i] ?? '').join('');
    if (code.length === count && completed.at(-1) !== code) completed.push(code);
  };
  const commit = () => {
    scheduled = false;
    while (queue.length > 0) state = { ...state, ...queue.shift() };
    render();
  };
  const setState = (patch: Partial<WidgetState>) => {
    queue.push(patch);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(commit);
    }
  };
  const focusInput = (index: number) => {
    const at = Math.max(Math.min(count - 1, index), 0);
    boxes[at]?.focus();
    boxes[at]?.select();
    setState({ active: at });
  };
  const changeCodeAtFocus = (value: string) => {
    const otp = [...state.otp];
    otp[state.active] = value; // at -1 (after a blur from the first box) the character is lost, as in the widget
    setState({ otp });
  };

  boxes.forEach((box, i) => {
    box.addEventListener('focusin', () => {
      setState({ active: i });
      box.select();
    });
    box.addEventListener('focusout', () => setState({ active: state.active - 1 }));
    box.addEventListener('input', (event) => {
      const { value } = box;
      const { data, inputType } = event as InputEvent;
      if (valid(value)) {
        changeCodeAtFocus(value);
        focusInput(state.active + 1);
      } else {
        if (value.length === count && [...value].every(valid)) {
          setState({ otp: [...value] });
          focusInput(count - 1);
        }
        if (data === null && inputType === 'deleteContentBackward') {
          changeCodeAtFocus('');
          focusInput(state.active - 1);
        }
      }
      commit(); // a controlled input: rendered from the state at once (what was typed and refused is gone)
    });
    box.addEventListener('paste', (event) => {
      event.preventDefault();
      const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      const pasted = [...text.slice(0, count - state.active)];
      if (pasted.some((c) => !valid(c))) return;
      const otp = [...state.otp];
      let next = state.active;
      for (let pos = 0; pos < count; pos++) {
        if (pos < state.active || pasted.length === 0) continue;
        otp[pos] = pasted.shift() ?? '';
        next++;
      }
      focusInput(next);
      setState({ otp });
    });
  });
  if (opts.autofocus ?? true) boxes[0]?.focus();
  commit();
  return { boxes, state: () => ({ otp: [...state.otp], active: state.active }), completed };
}
