// @vitest-environment happy-dom
/**
 * Checklist, "Attacks", the page side: fill into a hidden field, on a page titled like the console, on a
 * lookalike origin, after a navigation (the stand-in document pin). The real fill script (fillInPage, over
 * lib/autofill) in a happy-dom page whose origin the test sets; happy-dom has no layout, so elements are measured
 * from their computed CSS (test/lib/autofill/page.ts) through getBoundingClientRect, as the browser would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillInPage } from '@/entrypoints/fill.content/fill-in-page';
import type { PageFillOptions } from '@/lib/messages';
import { BASE_STYLE, styleMeasure } from '../lib/autofill/page';

const CONSOLE = 'https://clp.trendmicro.com';
const CODE = '123456';
const FIELD =
  '<label for="f">確認コード</label><input id="f" autocomplete="one-time-code" inputmode="numeric">';
const OPTIONS: PageFillOptions = {
  allowEmailCode: false,
  auto: false,
  token: null,
  tokenName: '__sekimoriFill',
};

const setUrl = (url: string) =>
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
const field = () => document.getElementById('f') as HTMLInputElement;

function showPage(html: string, title = 'Trend Micro SaaS Account'): void {
  document.title = title;
  document.body.innerHTML = `${BASE_STYLE}${html}`;
}

beforeAll(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const { x, y, width, height } = styleMeasure(this);
    return {
      x,
      y,
      width,
      height,
      left: x,
      top: y,
      right: x + width,
      bottom: y + height,
      toJSON: () => ({}),
    } as DOMRect;
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});

beforeEach(() => {
  setUrl(`${CONSOLE}/login`);
});

describe('the fill script in the page', () => {
  it('(control) the console itself, with a visible code field: filled', async () => {
    showPage(FIELD);
    expect(await fillInPage(CONSOLE, CODE, OPTIONS)).toMatchObject({
      origin: CONSOLE,
      found: true,
      filled: true,
    });
    expect(field().value).toBe(CODE);
  });
});

describe('fill on a page titled like the console', () => {
  it.each([
    'https://evil.example',
    'https://clp.trendmicro.com.evil.example',
    new URL('https://clp.trendm\u00edcro.com').origin,
    'http://clp.trendmicro.com',
  ])(
    'on %s, titled and laid out exactly like the console: nothing is typed, the real origin is reported',
    async (origin) => {
      setUrl(`${origin}/login`);
      showPage(
        `<h1>Trend Micro SaaS Account</h1><p>${CONSOLE}</p>${FIELD}`,
        'Trend Micro SaaS Account | clp.trendmicro.com',
      );
      const result = await fillInPage(CONSOLE, CODE, OPTIONS);
      expect(result).toEqual({ origin, found: false, emailCode: false, filled: false, notTaken: false });
      expect(field().value).toBe('');
    },
  );
});

describe('fill into a hidden field', () => {
  it.each([
    ['type=hidden', '<input id="f" type="hidden" name="otp" autocomplete="one-time-code">'],
    ['display:none', '<input id="f" autocomplete="one-time-code" style="display: none">'],
    ['inside display:none', '<div style="display: none">' + FIELD + '</div>'],
    ['visibility:hidden', '<input id="f" autocomplete="one-time-code" style="visibility: hidden">'],
    ['almost transparent', '<div style="opacity: 0.05">' + FIELD + '</div>'],
    ['zero size', '<input id="f" autocomplete="one-time-code" style="width: 0; height: 0">'],
    ['1 px', '<input id="f" autocomplete="one-time-code" style="width: 1px; height: 1px">'],
    ['off-screen', '<input id="f" autocomplete="one-time-code" style="position: absolute; left: -9999px">'],
    ['disabled', '<input id="f" autocomplete="one-time-code" disabled>'],
    ['read-only', '<input id="f" autocomplete="one-time-code" readonly>'],
  ])('%s, on the console itself: not filled', async (_what, html) => {
    showPage(html);
    const result = await fillInPage(CONSOLE, CODE, OPTIONS);
    expect(result.filled).toBe(false);
    expect(field().value).toBe('');
  });

  it('a hidden decoy next to the real field: only the visible field gets the code', async () => {
    showPage(
      '<input id="decoy" name="otp" autocomplete="one-time-code" style="opacity: 0; position: absolute">' +
        FIELD,
    );
    expect(await fillInPage(CONSOLE, CODE, OPTIONS)).toMatchObject({ filled: true });
    expect(field().value).toBe(CODE);
    expect((document.getElementById('decoy') as HTMLInputElement).value).toBe('');
  });

  it('a field hidden in a closed shadow root: out of reach, not filled', async () => {
    showPage('<div id="host"></div>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'closed' });
    root.innerHTML = `${BASE_STYLE}${FIELD}`;
    expect((await fillInPage(CONSOLE, CODE, OPTIONS)).filled).toBe(false);
    expect((root.getElementById('f') as HTMLInputElement).value).toBe('');
  });

  it('automatic fill: never over what the user typed', async () => {
    showPage(FIELD);
    field().value = '98';
    expect((await fillInPage(CONSOLE, CODE, { ...OPTIONS, auto: true })).filled).toBe(false);
    expect(field().value).toBe('98');
  });
});

describe('fill after a navigation race (browsers without document ids: the stand-in pin)', () => {
  it('a document that does not hold the token of the one the user saw is not filled', async () => {
    showPage(FIELD);
    const world = globalThis as unknown as Record<string, unknown>;
    world.__sekimoriFill = 'f0-' + 'a'.repeat(32); // the old document's token is gone: this is another one
    const result = await fillInPage(CONSOLE, CODE, { ...OPTIONS, token: 'f0-' + 'b'.repeat(32) });
    expect(result).toMatchObject({ origin: 'null', filled: false });
    expect(field().value).toBe('');
    world.__sekimoriFill = 'f0-' + 'b'.repeat(32);
    expect((await fillInPage(CONSOLE, CODE, { ...OPTIONS, token: 'f0-' + 'b'.repeat(32) })).filled).toBe(
      true,
    );
    delete world.__sekimoriFill;
  });

  it('a code that is not a code (markup, script) is never typed into a page', async () => {
    showPage(FIELD);
    for (const code of ['<img src=x onerror=alert(1)>', 'javascript:1', '', '12', '1'.repeat(11)]) {
      expect((await fillInPage(CONSOLE, code, OPTIONS)).filled).toBe(false);
    }
    expect(field().value).toBe('');
  });
});
