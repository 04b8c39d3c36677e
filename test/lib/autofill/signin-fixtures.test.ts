// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true}}
/**
 * The sign-in fixture table (demo/pages/fixtures/signin): on every page that reproduces the code step of a real
 * sign-in flow, the finder chooses the page's code field — or flags it as a code sent by e-mail or text message,
 * or finds nothing where nothing must be filled. The same pages run in Chromium in test/e2e/signin-fixtures.e2e.ts.
 *
 * happy-dom lays nothing out: sizes come from each element's CSS (styleMeasure), and places from reading order —
 * each element a little to the right of the one before it, on one line, as a row of boxes is drawn. Real layout
 * is the e2e test's.
 */
import { describe, expect, it } from 'vitest';
import { type CodeTarget, findCodeTarget, isAutoFillable, type Measure } from '@/lib/autofill';
import { SIGNIN_PAGES, signinPath, type SigninPage } from '@/demo/pages/fixtures/signin/index';
import { signinBody } from '@/demo/pages/fixtures/signin/document';
import { showPage, styleMeasure } from './page';

function readingOrderMeasure(doc: Document): Measure {
  const order = new Map<Element, number>();
  doc.querySelectorAll('*').forEach((el, i) => order.set(el, i));
  return (el) => {
    const box = styleMeasure(el);
    return { ...box, x: box.x + (order.get(el) ?? 0) };
  };
}

function open(page: SigninPage): { target: CodeTarget | null; code: HTMLInputElement[] } {
  history.replaceState(null, '', signinPath(page.slug));
  const doc = showPage(signinBody(page), page.title);
  const target = findCodeTarget(doc, { measure: readingOrderMeasure(doc) });
  const code = page.code ? [...doc.querySelectorAll<HTMLInputElement>(page.code)] : [];
  return { target, code };
}

const inputsOf = (target: CodeTarget | null) =>
  !target ? [] : target.kind === 'single' ? [target.input] : target.inputs;

const byResult = (result: SigninPage['expect']['result']) =>
  SIGNIN_PAGES.filter((p) => p.expect.result === result).map((p) => [p.slug, p] as const);

describe('the sign-in fixture table', () => {
  it('holds at least 30 pages, each at its own path, each with what it expects', () => {
    expect(SIGNIN_PAGES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SIGNIN_PAGES.map((p) => p.slug)).size).toBe(SIGNIN_PAGES.length);
    for (const page of SIGNIN_PAGES) {
      expect(page.slug, page.slug).toMatch(/^[a-z0-9-]+$/);
      expect(page.source.length, page.slug).toBeGreaterThan(20);
      if (page.expect.result !== 'none') {
        expect(page.code, page.slug).toBeTruthy();
        expect(page.expect.fields.length, page.slug).toBeGreaterThan(0);
      }
      if (page.expect.result === 'fill') expect(page.submit, page.slug).toBeDefined();
    }
  });

  it.each([
    'microsoft-entra-app-code',
    'microsoft-entra-text-message',
    'microsoft-entra-number-matching',
    'okta-google-authenticator',
    'okta-phone-enrolment-code',
    'google-authenticator-step',
    'google-text-message-step',
    'amazon-authenticator-otp',
    'aws-console-mfa',
    'github-app-code',
    'gitlab-app-code',
    'input-otp-slots',
    'react18-input-otp-boxes',
    'authelia-one-time-password',
    'ja-emailed-code',
    'ja-text-message-code',
    'ja-phone-number',
    'microsoft-entra-password',
    'help-article-search',
  ])('includes %s', (slug) => {
    expect(SIGNIN_PAGES.some((p) => p.slug === slug)).toBe(true);
  });
});

describe('sign-in pages: the code field is found and filled', () => {
  it.each(byResult('fill'))('%s', (_slug, page) => {
    const { target, code } = open(page);
    expect(code.length).toBeGreaterThan(0);
    expect(target).toMatchObject({
      kind: page.expect.result === 'fill' ? page.expect.target : '',
      emailCode: false,
    });
    expect(target).not.toHaveProperty('sentTo');
    expect(inputsOf(target)).toEqual(code);
    // A single field is the one the page's form sends the code in.
    if (target?.kind === 'single' && page.expect.result === 'fill') {
      expect([target.input.name]).toEqual(page.expect.fields);
    }
  });
});

describe('sign-in pages: a code sent by e-mail or text message is asked about, never filled on its own', () => {
  it.each([...byResult('ask-email'), ...byResult('ask-sms')])('%s', (_slug, page) => {
    const { target, code } = open(page);
    const sentTo = page.expect.result === 'ask-sms' ? 'sms' : 'email';
    expect(target).toMatchObject({ emailCode: true, sentTo });
    expect(target?.kind).toBe(page.expect.result === 'none' ? '' : page.expect.target);
    expect(inputsOf(target)).toEqual(code);
    expect(isAutoFillable(target)).toBe(false);
  });
});

describe('sign-in pages: nothing to fill', () => {
  it.each(byResult('none'))('%s', (_slug, page) => {
    expect(open(page).target).toBeNull();
  });
});

/**
 * The widgets' inline scripts do what their libraries do (the e2e test fills them in Chromium): driven here by a
 * person's events, never by Sekimori's fill.
 */
describe('the fixtures’ widget scripts', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const type = (box: HTMLInputElement, digit: string) => {
    box.value = digit;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, data: digit, inputType: 'insertText' }));
  };

  async function load(slug: string, selector: string): Promise<HTMLInputElement[]> {
    const page = SIGNIN_PAGES.find((p) => p.slug === slug)!;
    showPage(signinBody(page), page.title);
    const script = document.createElement('script');
    script.textContent = page.script ?? '';
    document.body.append(script);
    await tick();
    return [...document.querySelectorAll<HTMLInputElement>(selector)];
  }
  const values = (boxes: HTMLInputElement[]) => boxes.map((b) => b.value).join('');

  describe('react18-input-otp: the active box is tracked through focus events', () => {
    const boxes = () => load('react18-input-otp-boxes', '#otp-boxes input');
    const posted = () => (document.getElementById('otp-value') as HTMLInputElement).value;

    it('a person typing: each digit in the focused box, focus moves on, the app holds the code', async () => {
      const row = await boxes();
      expect(document.activeElement).toBe(row[0]);
      for (const digit of '123456') {
        type(document.activeElement as HTMLInputElement, digit);
        await tick();
      }
      expect(values(row)).toBe('123456');
      expect(posted()).toBe('123456');
    });

    it('after the page lost focus (active box -1), a digit typed into a box is lost, the next ones shift', async () => {
      const row = await boxes();
      row[0]!.blur();
      await tick();
      for (const [i, digit] of [...'123456'].entries()) {
        type(row[i]!, digit);
        await tick();
      }
      expect(values(row)).toBe('23456');
    });

    it('focus and input in one go: every digit lands in the box that was active before', async () => {
      const row = await boxes();
      for (const [i, digit] of [...'123456'].entries()) {
        row[i]!.focus();
        type(row[i]!, digit);
      }
      await tick();
      expect(values(row)).toBe('6');
    });

    it('a paste spreads from the active box (from -1: over all six)', async () => {
      const row = await boxes();
      row[0]!.blur();
      await tick();
      const data = new DataTransfer();
      data.setData('text/plain', '654321');
      row[0]!.dispatchEvent(
        new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }),
      );
      await tick();
      expect(values(row)).toBe('654321');
      expect(posted()).toBe('654321');
    });
  });

  it('input-otp: the one input takes digits, shows them in the slots, refuses letters', async () => {
    const [input] = await load('input-otp-slots', '#otp-input');
    type(input!, '12');
    expect([...document.querySelectorAll('#otp-slots [data-slot]')].map((s) => s.textContent)).toEqual([
      '1',
      '2',
      '',
      '',
      '',
      '',
    ]);
    type(input!, '12a');
    expect(input!.value).toBe('12');
  });
});
