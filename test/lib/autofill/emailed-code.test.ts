// @vitest-environment happy-dom
/**
 * An e-mailed or texted code page looks like an authenticator page; only the words around the field tell
 * them apart. Such a target comes back with `emailCode: true` (filled only on the user's explicit choice).
 */
import { describe, expect, it } from 'vitest';
import { findCodeTarget } from '@/lib/autofill';
import { showPage, styleMeasure } from './page';

const FIELD = '<label for="f">Verification code</label><input id="f" maxlength="6">';
const emailCode = () => findCodeTarget(document, { measure: styleMeasure })?.emailCode;

describe('emailCode', () => {
  it.each([
    ['「メールに送信されたコード」', '<p>メールに送信されたコードを入力します</p>'],
    ['「SMSに送信」', '<p>SMSに送信された確認コードを入力してください</p>'],
    ['「再送信」', '<a href="#">コードを再送信</a>'],
    ['"resend"', '<button type="button">Resend code</button>'],
    ['"sent to your email"', '<p>We sent a code to your email.</p>'],
    ['an e-mail address', '<p>a***n@example.co.jp</p>'],
    ['a full-width e-mail address', '<p>ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ</p>'],
  ])('%s in the form: an e-mailed code', (_name, words) => {
    showPage(`<form>${words}${FIELD}</form>`);
    expect(emailCode()).toBe(true);
  });

  it.each([
    ['an authenticator page', '<form><p>認証アプリに表示されたコードを入力します</p>FIELD</form>'],
    [
      'a link offering an e-mailed code instead',
      '<form>FIELD<a href="#">緊急アクセスコードをメールで送信</a></form>',
    ],
    ['the signed-in address outside the form', '<header>admin@example.co.jp</header><form>FIELD</form>'],
    [
      'an address far from a form-less field',
      `<header>admin@example.co.jp</header><main><p>${'説明文。'.repeat(500)}</p><div>FIELD</div></main>`,
    ],
  ])('%s: not an e-mailed code', (_name, html) => {
    showPage(html.replace('FIELD', FIELD));
    expect(emailCode()).toBe(false);
  });

  it('an address near a form-less field counts', () => {
    showPage(
      `<main><p>${'説明文。'.repeat(500)}</p><div><p>Code sent to a***@example.com</p>${FIELD}</div></main>`,
    );
    expect(emailCode()).toBe(true);
  });
});
