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

/** Sets the value and tells the page, as typing would: bubbling `input` then `change`. */
export function typeValue(input: HTMLInputElement, value: string): void {
  const view = windowOf(input);
  input.focus();
  setNativeValue(input, value);
  const init = { bubbles: true, composed: true };
  input.dispatchEvent(new view.InputEvent('input', { ...init, inputType: 'insertText', data: value }));
  input.dispatchEvent(new view.Event('change', init));
}

/** A paste of `text` on the field: most segmented widgets spread pasted text over their boxes. */
export function pasteInto(input: HTMLInputElement, text: string): void {
  const view = windowOf(input);
  const init = { bubbles: true, cancelable: true, composed: true };
  input.focus();
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
