// @vitest-environment happy-dom
/**
 * What the fill script reports from the page (PageFill): filled only when the field(s) read back the code; a
 * page that did not keep it is `notTaken` (and cleared), which the popup tells apart from "no field". The real
 * fillInPage over lib/autofill, in a page that lost its focus to the toolbar popup (test/lib/autofill/otp-widget).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillInPage } from '@/entrypoints/fill.content/fill-in-page';
import type { PageFillOptions } from '@/lib/messages';
import { blurPage, focusTrackedWidget } from '../lib/autofill/otp-widget';
import { BASE_STYLE, styleMeasure } from '../lib/autofill/page';

const CONSOLE = 'https://clp.trendmicro.com';
const CODE = '123456';
const OPTIONS: PageFillOptions = {
  allowEmailCode: false,
  auto: false,
  token: null,
  tokenName: '__sekimoriFill',
};
const ROW = '<h1>Two-factor authentication</h1><p>Enter the 6-digit code from your authenticator app.</p>';

const setUrl = (url: string) =>
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

function showPage(html: string): Element {
  document.body.innerHTML = `${BASE_STYLE}${html}<div class="otp"></div>`;
  return document.querySelector('.otp')!;
}

let focusBack: () => void = () => undefined;
async function blur(): Promise<void> {
  focusBack = blurPage();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeAll(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const { x, y, width, height } = styleMeasure(this);
    return { x, y, width, height, left: x, top: y, right: x + width, bottom: y + height } as DOMRect;
  });
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => setUrl(`${CONSOLE}/login`));
afterEach(() => {
  focusBack();
  focusBack = () => undefined;
});

describe('fillInPage: what the page did with the code', () => {
  it('a focus-tracked split widget in a blurred page: filled, and the widget holds the code', async () => {
    const widget = focusTrackedWidget(showPage(ROW));
    await blur();
    expect(await fillInPage(CONSOLE, CODE, OPTIONS)).toEqual({
      origin: CONSOLE,
      found: true,
      emailCode: false,
      filled: true,
      notTaken: false,
    });
    expect(widget.state().otp.join('')).toBe(CODE);
  });

  it('a widget that refuses what is typed: not filled but notTaken, boxes empty', async () => {
    const widget = focusTrackedWidget(showPage(ROW), { accepts: () => false });
    await blur();
    expect(await fillInPage(CONSOLE, CODE, OPTIONS)).toMatchObject({
      found: true,
      filled: false,
      notTaken: true,
    });
    expect(widget.boxes.map((b) => b.value).join('')).toBe('');
  });

  it('no code field: neither filled nor notTaken', async () => {
    showPage('<h1>Sign in</h1><p>Nothing to type here.</p>');
    expect(await fillInPage(CONSOLE, CODE, OPTIONS)).toMatchObject({
      found: false,
      filled: false,
      notTaken: false,
    });
  });
});
