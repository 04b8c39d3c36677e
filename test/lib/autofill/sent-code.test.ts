// @vitest-environment happy-dom
/**
 * An e-mailed or texted code page looks like an authenticator page; only the sentences around the field tell
 * them apart: one saying a code was sent (or offering to send it again). Such a target comes back with
 * `emailCode: true` (filled only on the user's explicit choice). An address alone is the signed-in identity.
 */
import { describe, expect, it } from 'vitest';
import { findCodeTarget } from '@/lib/autofill';
import { showPage, styleMeasure } from './page';

const FIELD = '<label for="f">Verification code</label><input id="f" maxlength="6">';
const find = () => findCodeTarget(document, { measure: styleMeasure });
const emailCode = () => find()?.emailCode;

describe('emailCode', () => {
  it.each([
    ['「メールに送信されたコード」', '<p>メールに送信されたコードを入力します</p>'],
    ['「SMSに送信」', '<p>SMSに送信された確認コードを入力してください</p>'],
    ['「再送信」', '<a href="#">コードを再送信</a>'],
    ['"resend"', '<button type="button">Resend code</button>'],
    ['"sent to your email"', '<p>We sent a code to your email.</p>'],
    ['an address the code was sent to', '<p>We sent a code to <strong>a***n@example.co.jp</strong>.</p>'],
    [
      'a full-width address the code was sent to',
      '<p>ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ 宛てにメールで送信した確認コード</p>',
    ],
    ['"Enter the code we emailed to…"', '<p>Enter the code we emailed to j***@example.com.</p>'],
    ['"check your inbox"', '<h2>Check your inbox</h2><p>Enter the code below.</p>'],
    ['「コードを送信しました」', '<p>ご登録のアドレスにコードを送信しました。</p>'],
    ['a text message', '<p>A text message with a 6-digit verification code was just sent to •••• ••12</p>'],
    [
      '"We texted your phone"',
      '<p>We texted your phone +XX XXXXXXXX12. Please enter the code to sign in.</p>',
    ],
    ['「SMSで送信しました」', '<p>ご登録の電話番号（末尾34）にSMSで認証コードを送信しました。</p>'],
    ['「携帯電話に送信」', '<p>携帯電話に送信された認証番号を入力してください。</p>'],
    ['「ショートメッセージ」', '<p>ショートメッセージ（SMS）でお送りした確認コードを入力してください。</p>'],
  ])('%s in the form: a sent code', (_name, words) => {
    showPage(`<form>${words}${FIELD}</form>`);
    expect(emailCode()).toBe(true);
  });

  it.each([
    ['「メールに送信されたコード」', '<p>メールに送信されたコードを入力します</p>', 'email'],
    [
      'an address the code was sent to',
      '<p>We sent a code to <strong>a***n@example.co.jp</strong>.</p>',
      'email',
    ],
    ['"Enter the code we emailed to…"', '<p>Enter the code we emailed to j***@example.com.</p>', 'email'],
    [
      '「…宛てにメールで送信した確認コード」',
      '<p>j***@example.co.jp 宛てにメールで送信した確認コードを入力してください。</p>',
      'email',
    ],
    ['a resend link, no channel named', '<a href="#">Resend code</a>', 'email'],
    ['「SMSに送信」', '<p>SMSに送信された確認コードを入力してください</p>', 'sms'],
    [
      'a text message',
      '<p>A text message with a 6-digit verification code was just sent to •••• ••12</p>',
      'sms',
    ],
    [
      '"We texted your phone"',
      '<p>We texted your phone +XX XXXXXXXX12. Please enter the code to sign in.</p>',
      'sms',
    ],
    [
      'a code sent to a phone ending in 34',
      '<p>We sent a code to your phone number ending in 34.</p>',
      'sms',
    ],
    ['「テキストメッセージ」', '<p>テキストメッセージで送信されたコードを入力してください。</p>', 'sms'],
    [
      '「ショートメッセージ」',
      '<p>ショートメッセージ（SMS）でお送りした確認コードを入力してください。</p>',
      'sms',
    ],
    ['「ショートメール」', '<p>ショートメールで送信した認証番号を入力してください。</p>', 'sms'],
    ['「電話番号」', '<p>ご登録の電話番号 090-****-1234 に認証番号を送信しました。</p>', 'sms'],
    ['「携帯電話に送信」', '<p>携帯電話に送信された認証番号を入力してください。</p>', 'sms'],
    [
      '「SMSで送信しました」 and a resend link',
      '<p>SMSで認証コードを送信しました。</p><a href="#">再送信</a>',
      'sms',
    ],
    [
      'a text message and an e-mail',
      '<p>We sent a code by text message and to j***@example.com.</p>',
      'email',
    ],
  ])('%s: sent to %s', (_name, words, sentTo) => {
    showPage(`<form>${words}${FIELD}</form>`);
    expect(find()).toMatchObject({ emailCode: true, sentTo });
  });

  it('an authenticator page says nothing was sent: no sentTo', () => {
    showPage(`<form><p>Enter the code from your authenticator app.</p>${FIELD}</form>`);
    expect(find()).not.toHaveProperty('sentTo');
  });

  it.each([
    ['an authenticator page', '<form><p>認証アプリに表示されたコードを入力します</p>FIELD</form>'],
    [
      'a link offering an e-mailed code instead',
      '<form>FIELD<a href="#">緊急アクセスコードをメールで送信</a></form>',
    ],
    [
      'an English link offering a code by text message',
      '<form>FIELD<a href="#">Send a code by text message instead</a></form>',
    ],
    ['the signed-in address outside the form', '<header>admin@example.co.jp</header><form>FIELD</form>'],
    [
      'an address far from a form-less field',
      `<header>admin@example.co.jp</header><main><p>${'説明文。'.repeat(500)}</p><div>FIELD</div></main>`,
    ],
    // Microsoft's identity banner, Okta's identifier line: the user's address above an authenticator's field.
    [
      'the signed-in address in the form, above an authenticator field',
      '<form><div class="identity">someone@contoso.com</div><div role="heading">Enter code</div>' +
        '<p>Enter the code displayed in your authenticator app.</p>FIELD</form>',
    ],
    ['a bare address in the form', '<form><p>a***n@example.co.jp</p>FIELD</form>'],
    ['a bare full-width address in the form', '<form><p>ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ</p>FIELD</form>'],
    [
      'a push notification sent to the app',
      '<form><p>We sent a notification to your Authenticator app. Or enter the code it shows.</p>FIELD</form>',
    ],
    [
      'the sentence for another step, hidden',
      '<form><p hidden>We texted your phone +XX XXXXXXXX12.</p><p>Enter the code from your app.</p>FIELD</form>',
    ],
    [
      '"consent" is not "sent"',
      '<form><p>By continuing you consent to the terms of this code of conduct.</p>FIELD</form>',
    ],
  ])('%s: not a sent code', (_name, html) => {
    showPage(html.replace('FIELD', FIELD));
    expect(emailCode()).toBe(false);
  });

  it('the sentence above a form that holds only the field counts (Auth0’s prompt header)', () => {
    showPage(`<section><header><h1>Verify Your Identity</h1>
      <p>We've sent an email with your code to j***@example.com</p></header>
      <form>${FIELD}<button>Continue</button></form></section>`);
    expect(find()).toMatchObject({ emailCode: true, sentTo: 'email' });
  });

  it('a long page around a small form: its other sections are not read', () => {
    showPage(`<main><article><p>${'説明文。'.repeat(400)}</p><p>We sent you a text message.</p></article>
      <form>${FIELD}</form></main>`);
    expect(emailCode()).toBe(false);
  });

  it('an address near a form-less field counts', () => {
    showPage(
      `<main><p>${'説明文。'.repeat(500)}</p><div><p>Code sent to a***@example.com</p>${FIELD}</div></main>`,
    );
    expect(emailCode()).toBe(true);
  });
});
