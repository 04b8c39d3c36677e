// @vitest-environment happy-dom
/**
 * The automatic-fill content script's watch: it asks the background once, when the page shows one sure, empty
 * code field — also when the field appears late, as single-page consoles render it — and never for the
 * password step, an e-mailed code, an unsure field or a field the user already typed in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { watchForCodeField } from '@/entrypoints/fill.content/watch';
import { findCodeTarget, isAutoFillable } from '@/lib/autofill';
import { LOGIN_PAGE, SERVICENOW_EMAIL, SERVICENOW_TOTP, TREND_LOGIN } from '../lib/autofill/console-pages';
import { showPage, styleMeasure } from '../lib/autofill/page';

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
let stop: (() => void) | undefined;

afterEach(() => stop?.());

function watch(): { asks: number } {
  const counter = { asks: 0 };
  stop = watchForCodeField(document, () => counter.asks++, { measure: styleMeasure });
  return counter;
}

describe('automatic fill: when to ask', () => {
  it('a console login page with its code field: asks once, at once', async () => {
    showPage(TREND_LOGIN);
    const counter = watch();
    expect(counter.asks).toBe(1);
    document.body.insertAdjacentHTML('beforeend', '<p>changed</p>');
    await settle();
    expect(counter.asks).toBe(1);
  });

  it('the password step first, the code field rendered later: asks when it appears', async () => {
    showPage(LOGIN_PAGE);
    const counter = watch();
    await settle();
    expect(counter.asks).toBe(0);
    document.body.innerHTML = `${document.body.innerHTML.replace(/<form>[\s\S]*<\/form>/, '')}${SERVICENOW_TOTP}`;
    await settle();
    expect(counter.asks).toBe(1);
  });

  it('an e-mailed code page is never filled on its own', async () => {
    showPage(SERVICENOW_EMAIL);
    const counter = watch();
    await settle();
    expect(counter.asks).toBe(0);
  });

  it('a field the user already typed in is left alone', async () => {
    showPage(TREND_LOGIN);
    const input = document.querySelector('input:not([type=checkbox])') as HTMLInputElement;
    input.value = '12';
    expect(isAutoFillable(findCodeTarget(document, { measure: styleMeasure }))).toBe(false);
    const counter = watch();
    await settle();
    expect(counter.asks).toBe(0);
  });

  it('an unsure field (a lone unlabeled text box) is not filled on its own', () => {
    showPage('<form><input id="x" type="text"></form>');
    expect(isAutoFillable(findCodeTarget(document, { measure: styleMeasure }))).toBe(false);
  });

  it('stops watching after its time, and on pagehide', async () => {
    showPage(LOGIN_PAGE);
    const counter = { asks: 0 };
    stop = watchForCodeField(document, () => counter.asks++, { measure: styleMeasure, watchMs: 50 });
    await settle();
    document.body.innerHTML = TREND_LOGIN;
    await settle();
    expect(counter.asks).toBe(0);

    showPage(LOGIN_PAGE);
    stop = watchForCodeField(document, () => counter.asks++, { measure: styleMeasure });
    window.dispatchEvent(new Event('pagehide'));
    document.body.innerHTML = TREND_LOGIN;
    await settle();
    expect(counter.asks).toBe(0);
  });
});
