// @vitest-environment happy-dom
/**
 * Segmented code widgets: a row of one-character boxes is one target, filled one digit per box; a widget
 * that ignores typed boxes gets the code as a paste on its first box.
 */
import { describe, expect, it } from 'vitest';
import { fillCode, findCodeTarget } from '@/lib/autofill';
import { boxes, showPage, styleMeasure } from './page';

const measure = styleMeasure;
const rowInputs = () => [...document.querySelectorAll<HTMLInputElement>('input.box')];
const values = () => rowInputs().map((b) => b.value);
const CODE_ROW = (inner: string) => `<h1>Two-factor authentication</h1><div class="otp">${inner}</div>`;

describe('findCodeTarget: rows of boxes', () => {
  it('six one-character boxes are one target, in DOM order', () => {
    showPage(CODE_ROW(boxes(6)));
    expect(findCodeTarget(document, { measure })).toEqual({
      kind: 'split',
      inputs: rowInputs(),
      confidence: 'high',
      emailCode: false,
    });
  });

  it.each([4, 5, 6, 7, 8])('%i boxes are a row', (count) => {
    showPage(CODE_ROW(boxes(count)));
    expect(findCodeTarget(document, { measure })).toMatchObject({ kind: 'split', inputs: rowInputs() });
  });

  it.each([3, 9, 16])('%i boxes are not', (count) => {
    showPage(CODE_ROW(boxes(count)));
    expect(findCodeTarget(document, { measure })?.kind).not.toBe('split');
  });

  it('boxes each in a wrapper of their own, no maxlength, with autocomplete on the first', () => {
    const wrapped = Array.from(
      { length: 6 },
      (_, i) =>
        `<span><input class="box" style="left: ${i * 48}px" ${i === 0 ? 'autocomplete="one-time-code"' : ''}></span>`,
    ).join('');
    showPage(`<div>${wrapped}</div>`);
    expect(findCodeTarget(document, { measure })).toMatchObject({ kind: 'split', inputs: rowInputs() });
  });

  it('boxes stacked one under another are not a row', () => {
    const stacked = Array.from(
      { length: 6 },
      (_, i) => `<input class="box" style="top: ${i * 60}px" maxlength="1">`,
    ).join('');
    showPage(CODE_ROW(stacked));
    expect(findCodeTarget(document, { measure })).toBeNull();
  });

  it('boxes in two separate containers are not one row', () => {
    showPage(CODE_ROW(`<div><div>${boxes(3)}</div></div><div><div>${boxes(3)}</div></div>`));
    expect(findCodeTarget(document, { measure })).toBeNull();
  });

  it('a card number in four boxes of four is not a code', () => {
    showPage(`<label>Card number</label><div>${boxes(4, 'maxlength="4"')}</div>`);
    expect(findCodeTarget(document, { measure })).toBeNull();
  });

  it('a row under a Japanese label on an e-mailed code page is flagged', () => {
    showPage(`<form><p>メールに送信された6桁のコードを入力してください</p><div>${boxes(6)}</div>
      <a href="#">コードを再送信</a></form>`);
    expect(findCodeTarget(document, { measure })).toMatchObject({ kind: 'split', emailCode: true });
  });
});

describe('fillCode: rows of boxes', () => {
  it('one digit per box, an input event for each, the last box focused', async () => {
    showPage(CODE_ROW(boxes(6)));
    const typed: string[] = [];
    document
      .querySelector('.otp')!
      .addEventListener('input', (e) => typed.push((e as InputEvent).data ?? ''));
    const target = findCodeTarget(document, { measure })!;
    expect(await fillCode(target, '123456', { settleMs: 5 })).toBe(true);
    expect(values()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(typed).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(document.activeElement).toBe(rowInputs()[5]);
  });

  it('a widget that only takes a paste gets the code pasted on its first box', async () => {
    showPage(CODE_ROW(boxes(6)));
    const state = ['', '', '', '', '', ''];
    const row = document.querySelector('.otp')!;
    // The widget owns its boxes: typed input is undone; a paste is spread over them.
    row.addEventListener('input', (e) => {
      const box = e.target as HTMLInputElement;
      box.value = state[rowInputs().indexOf(box)] ?? '';
    });
    let pastes = 0;
    row.addEventListener('paste', (e) => {
      pastes++;
      e.preventDefault();
      const text = (e as ClipboardEvent).clipboardData?.getData('text') ?? '';
      rowInputs().forEach((box, i) => (box.value = state[i] = text[i] ?? ''));
    });
    const target = findCodeTarget(document, { measure })!;
    expect(await fillCode(target, '654321', { settleMs: 5 })).toBe(true);
    expect(values()).toEqual(['6', '5', '4', '3', '2', '1']);
    expect(pastes).toBe(1);
  });

  it('a code of the wrong length for the row is not forced in', async () => {
    showPage(CODE_ROW(boxes(6)));
    const target = findCodeTarget(document, { measure })!;
    expect(await fillCode(target, '12345678', { settleMs: 5 })).toBe(false);
    expect(values()).toEqual(['', '', '', '', '', '']);
  });
});
