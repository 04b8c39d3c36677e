// @vitest-environment happy-dom
/**
 * Filling a single field so that the page's framework notices, and checking the code stayed. The React-like
 * input below keeps a value tracker the way React does: writing `el.value` updates the tracker, so the
 * following `input` event looks like no change and the next render puts the old state back. Only a write
 * through the prototype's native setter gets through.
 */
import { describe, expect, it } from 'vitest';
import { type CodeTarget, fillCode } from '@/lib/autofill';
import { byId, showPage } from './page';

const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
const nativeGet = (el: HTMLInputElement) => native.get!.call(el) as string;
const nativeSet = (el: HTMLInputElement, v: string) => native.set!.call(el, v);
const single = (input: HTMLInputElement, format: 'digits' | 'grouped-3-3' = 'digits'): CodeTarget => ({
  kind: 'single',
  input,
  format,
  confidence: 'high',
  emailCode: false,
});
const fill = (target: CodeTarget, code = '123456') => fillCode(target, code, { settleMs: 20 });

/** A controlled input: state changes only through an `input` event the tracker sees as a change. */
function reactLikeInput(el: HTMLInputElement): { state: () => string; stop: () => void } {
  let tracked = nativeGet(el);
  let state = tracked;
  Object.defineProperty(el, 'value', {
    configurable: true,
    get: () => nativeGet(el),
    set: (v: string) => {
      tracked = String(v);
      nativeSet(el, String(v));
    },
  });
  el.addEventListener('input', () => {
    if (nativeGet(el) !== tracked) state = tracked = nativeGet(el);
  });
  const render = setInterval(() => {
    if (nativeGet(el) !== state) el.value = state;
  }, 2);
  return { state: () => state, stop: () => clearInterval(render) };
}

describe('fillCode: one field', () => {
  it('writes the code, tells the page (input, change, bubbling), focuses the field, never submits', async () => {
    showPage('<form id="form"><input id="f"></form>');
    const events: string[] = [];
    const form = document.getElementById('form')!;
    for (const type of ['input', 'change', 'submit']) form.addEventListener(type, (e) => events.push(e.type));
    expect(await fill(single(byId('f')))).toBe(true);
    expect(byId('f').value).toBe('123456');
    expect(events).toEqual(['input', 'change']);
    expect(document.activeElement).toBe(byId('f'));
  });

  it('writes 123-456 into a grouped field', async () => {
    showPage('<input id="f" placeholder="XXX-XXX" maxlength="7">');
    expect(await fill(single(byId('f'), 'grouped-3-3'))).toBe(true);
    expect(byId('f').value).toBe('123-456');
  });

  it('an 8-digit code goes in as is', async () => {
    showPage('<input id="f">');
    expect(await fill(single(byId('f')), '12345678')).toBe(true);
    expect(byId('f').value).toBe('12345678');
  });

  it('a React-like controlled input keeps the code (the native setter gets past its tracker)', async () => {
    showPage('<input id="f">');
    const input = reactLikeInput(byId('f'));
    expect(await fill(single(byId('f')))).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect([input.state(), byId('f').value]).toEqual(['123456', '123456']);
    input.stop();
  });

  it('(the emulation bites: a plain `el.value =` write plus an input event is reverted)', async () => {
    showPage('<input id="f">');
    const input = reactLikeInput(byId('f'));
    byId('f').value = '123456';
    byId('f').dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(byId('f').value).toBe('');
    input.stop();
  });

  it('writes again once when a framework resets the value after the first write', async () => {
    showPage('<input id="f">');
    let resets = 0;
    byId('f').addEventListener('input', () => {
      if (resets++ === 0) setTimeout(() => nativeSet(byId('f'), ''), 0);
    });
    expect(await fill(single(byId('f')))).toBe(true);
    expect(byId('f').value).toBe('123456');
    expect(resets).toBe(2);
  });

  it('says so when the field will not keep the code', async () => {
    showPage('<input id="f">');
    byId('f').addEventListener('input', () => setTimeout(() => nativeSet(byId('f'), ''), 0));
    expect(await fill(single(byId('f')))).toBe(false);
  });

  it.each([
    ['text typed there since it was found', 'abc'],
    ['an e-mail address', 'admin@example.co.jp'],
  ])('never overwrites %s', async (_name, value) => {
    showPage(`<input id="f" value="${value}">`);
    expect(await fill(single(byId('f')))).toBe(false);
    expect(byId('f').value).toBe(value);
  });

  it.each(['', '12', '12345678901', '123 456', '<b>'])('refuses a code that is not one: %j', async (code) => {
    showPage('<input id="f">');
    expect(await fill(single(byId('f')), code)).toBe(false);
    expect(byId('f').value).toBe('');
  });
});
