/**
 * Writing into a field the way a user's typing would, so frameworks notice. React keeps a "value tracker" on
 * each input and ignores an `input` event when the value equals what its own setter last saw; writing through
 * the prototype's native setter (of the field's own window, for frames) leaves the tracker behind, so the
 * following event reads as a change.
 */

type FieldWindow = Window & typeof globalThis;

function windowOf(el: Element): FieldWindow {
  return (el.ownerDocument.defaultView as FieldWindow | null) ?? (globalThis as unknown as FieldWindow);
}

export function setNativeValue(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(windowOf(input).HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
}

/** The element focus is on in the input's own tree (its shadow root, or its document). */
function activeIn(input: HTMLElement): Element | null {
  const root = input.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

/**
 * Puts focus on `input` so that a widget tracking focus (the "active box" of a segmented code field) follows,
 * as a person's click would. A page without focus (the user clicked the toolbar, so the popup has it) still
 * moves `activeElement` on `focus()` but fires no focus events; then they are fired here: `blur`/`focusout` on
 * `previous` (the element this fill last focused), `focus`/`focusin` on `input`. Never twice: nothing is
 * dispatched when the browser fired `focus` itself, or when the field already has focus in a focused page.
 */
export function focusAsUser(input: HTMLInputElement, previous: HTMLInputElement | null = null): void {
  const doc = input.ownerDocument;
  if (doc.hasFocus() && activeIn(input) === input) return;
  let fired = false;
  const saw = () => {
    fired = true;
  };
  input.addEventListener('focus', saw, true);
  try {
    input.focus();
  } finally {
    input.removeEventListener('focus', saw, true);
  }
  if (fired) return;
  const view = windowOf(input);
  const from = previous && previous !== input && previous.isConnected ? previous : null;
  if (from) {
    from.dispatchEvent(new view.FocusEvent('blur', { composed: true, relatedTarget: input }));
    from.dispatchEvent(
      new view.FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: input }),
    );
  }
  input.dispatchEvent(new view.FocusEvent('focus', { composed: true, relatedTarget: from }));
  input.dispatchEvent(new view.FocusEvent('focusin', { bubbles: true, composed: true, relatedTarget: from }));
}

/** Sets the value and tells the page, as typing would: bubbling `input` then `change` (focus is the caller's). */
export function typeValue(input: HTMLInputElement, value: string): void {
  const view = windowOf(input);
  setNativeValue(input, value);
  const init = { bubbles: true, composed: true };
  input.dispatchEvent(new view.InputEvent('input', { ...init, inputType: 'insertText', data: value }));
  input.dispatchEvent(new view.Event('change', init));
}

/**
 * Empties the field as a person's Backspace would reach the page: the value gone, then an `input` event of type
 * `deleteContentBackward` (no data), which segmented widgets read to clear the box in their own state.
 */
export function eraseValue(input: HTMLInputElement): void {
  const view = windowOf(input);
  setNativeValue(input, '');
  const init = { bubbles: true, composed: true };
  input.dispatchEvent(
    new view.InputEvent('input', { ...init, inputType: 'deleteContentBackward', data: null }),
  );
  input.dispatchEvent(new view.Event('change', init));
}

/** A paste of `text` on the field (focus is the caller's): most segmented widgets spread pasted text over their boxes. */
export function pasteInto(input: HTMLInputElement, text: string): void {
  const view = windowOf(input);
  const init = { bubbles: true, cancelable: true, composed: true };
  input.dispatchEvent(clipboardPaste(view, text, init) ?? plainPaste(view, text, init));
}

function clipboardPaste(view: FieldWindow, text: string, init: EventInit): Event | null {
  try {
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    return new view.ClipboardEvent('paste', { ...init, clipboardData: data });
  } catch {
    return null; // an engine without constructible DataTransfer / ClipboardEvent
  }
}

/** A plain event carrying a minimal `clipboardData`, for engines that cannot build the real one. */
function plainPaste(view: FieldWindow, text: string, init: EventInit): Event {
  const event = new view.Event('paste', init);
  const getData = (type: string) => (/^text(\/plain)?$/i.test(type) ? text : '');
  Object.defineProperty(event, 'clipboardData', { value: { getData, types: ['text/plain'] } });
  return event;
}
