// @vitest-environment happy-dom
/** Which field is the one-time-code field, and which never is (autofill.md's signals, one row each). */
import { describe, expect, it } from 'vitest';
import { findCodeTarget } from '@/lib/autofill';
import { byId, showPage, styleMeasure } from './page';

const measure = styleMeasure;
const find = (opts: { focused?: Element | null } = {}) => findCodeTarget(document, { measure, ...opts });
const PASSWORD = '<input id="pw" type="password">';

describe('findCodeTarget: the field', () => {
  it.each([
    ['autocomplete=one-time-code, nothing else', '<input id="f" autocomplete="one-time-code">'],
    ['an exact name', '<input id="f" name="otp">'],
    ['classic ServiceNow txtResponse', '<input id="f" name="txtResponse">'],
    [
      'an English label',
      '<label for="f">Enter the 6-digit code from your authenticator</label><input id="f">',
    ],
    ['a placeholder', '<input id="f" placeholder="Verification code">'],
    ['an aria-label', '<input id="f" aria-label="Two-factor code">'],
    ['a data-* attribute', '<input id="f" data-testid="mfa-input">'],
    ['a Japanese label', '<label for="f">ワンタイムパスワード</label><input id="f">'],
    ['full-width ＯＴＰ (NFKC)', '<label for="f">ＯＴＰ</label><input id="f">'],
    ['full-width ６桁のコード (NFKC)', '<input id="f" placeholder="６桁のコード">'],
    ['a password-typed field named like a code', `<input id="f" type="password" name="totp">`],
    ['a code field next to an e-mail OTP name', '<input id="f" name="email_otp">'],
    ['a tel field with a code label', '<label for="f">確認コード</label><input id="f" type="tel">'],
  ])('finds %s', (_name, html) => {
    showPage(html);
    expect(find()).toMatchObject({ kind: 'single', input: byId('f') });
  });

  it('prefers the code field to the others on the page', () => {
    showPage(`<input id="search" type="search" name="q">
      <label for="f">認証コード</label><input id="f" inputmode="numeric" maxlength="6">
      <input id="note" name="comment">`);
    expect(find()).toMatchObject({ input: byId('f'), confidence: 'high' });
  });

  it('shape alone is not enough, shape on a multifactor URL is a guess', () => {
    showPage('<input id="f" inputmode="numeric" pattern="[0-9]*" maxlength="6">');
    expect(find()).toBeNull();
    history.replaceState(null, '', '/auth/multifactor');
    expect(find()).toMatchObject({ input: byId('f'), confidence: 'medium' });
    history.replaceState(null, '', '/');
  });

  describe('ambiguous words (code, PIN, token) count only when focused or no password is asked for', () => {
    it.each([
      ['name="code"', '<input id="f" name="code">'],
      ['label "Code"', '<label for="f">Code</label><input id="f">'],
      ['label 「コード」', '<label for="f">コード</label><input id="f">'],
    ])('%s beside a password field: not unless focused', (_name, html) => {
      showPage(`${html}${PASSWORD}<h2>Verify</h2>`);
      expect(find()).toBeNull();
      expect(find({ focused: byId('f') })).toMatchObject({ input: byId('f') });
    });

    it('a "Code" field on a verification page without a password field', () => {
      showPage('<h1>Verify it is you</h1><label for="f">Code</label><input id="f">');
      expect(find()).toMatchObject({ input: byId('f') });
    });
  });

  describe('a maxlength over 10 weighs against the field, it does not rule it out', () => {
    it.each([
      ['a field named otp, maxlength 20', '<input id="f" name="otp" maxlength="20">'],
      [
        'autocomplete=one-time-code, maxlength 255',
        '<input id="f" autocomplete="one-time-code" maxlength="255">',
      ],
    ])('%s: found', (_name, html) => {
      showPage(html);
      expect(find()).toMatchObject({ kind: 'single', input: byId('f') });
    });

    it('an id holding "otpcode" and the label "Enter OTP", maxlength 20: found, as a guess', () => {
      showPage(
        '<label for="auth-mfa-otpcode">Enter OTP:</label><input id="auth-mfa-otpcode" maxlength="20">',
      );
      expect(find()).toMatchObject({ input: byId('auth-mfa-otpcode'), confidence: 'medium' });
    });

    it('a "PIN" field sized for a code is found (the same field at maxlength 20 is not)', () => {
      showPage('<input id="f" name="pin" maxlength="6">');
      expect(find()).toMatchObject({ input: byId('f') });
    });

    it('of two fields named alike, the one sized for a code wins', () => {
      showPage('<input id="long" name="otp" maxlength="50"><input id="f" name="totp" maxlength="6">');
      expect(find()).toMatchObject({ input: byId('f'), confidence: 'high' });
    });
  });

  it('two equally likely fields: a guess, not a sure thing', () => {
    showPage('<input id="a" name="otp"><input id="b" name="totp">');
    expect(find()).toMatchObject({ input: byId('a'), confidence: 'medium' });
  });
});

describe('findCodeTarget: never these', () => {
  it.each([
    ['username + password only', '<input name="username"><input type="password" name="password">'],
    ['a search box', '<input type="text" name="q" placeholder="検索">'],
    ['a search box by type', '<input type="search" placeholder="Search code">'],
    ['a coupon field', '<label for="f">クーポンコード</label><input id="f" maxlength="8">'],
    ['a promo code', '<input id="f" name="promo_code" placeholder="Promo code">'],
    ['a postal code', '<label for="f">郵便番号</label><input id="f" maxlength="8">'],
    ['a zip code by autocomplete', '<input id="f" autocomplete="postal-code" placeholder="Code">'],
    ['a recovery code', '<label for="f">Enter a recovery code</label><input id="f" name="otp_recovery">'],
    ['a backup code', '<input id="f" placeholder="Backup verification code">'],
    ['a リカバリーコード', '<label for="f">リカバリーコード</label><input id="f">'],
    ['a captcha', '<label for="f">画像認証: 表示された文字を入力</label><input id="f" name="captcha">'],
    ['a phone number', '<label for="f">電話番号</label><input id="f" type="tel">'],
    ['an e-mail field', '<input id="f" type="email" name="otp_email">'],
    ['a card number', '<input id="f" autocomplete="cc-number" placeholder="Card number">'],
    ['a revealed password', '<input id="f" type="text" name="password" placeholder="パスワード">'],
    ['a password field named plainly', '<label for="f">Code</label><input id="f" type="password">'],
    ['a 4-character field', '<input id="f" name="otp" maxlength="4">'],
    [
      'a "PIN" field long enough for text (at maxlength 6 it is found)',
      '<input id="f" name="pin" maxlength="20">',
    ],
    ['type=hidden', '<input id="f" type="hidden" name="otp">'],
    ['display:none', '<input id="f" autocomplete="one-time-code" style="display: none">'],
    ['inside display:none', '<div style="display: none"><input id="f" autocomplete="one-time-code"></div>'],
    ['visibility:hidden', '<input id="f" autocomplete="one-time-code" style="visibility: hidden">'],
    ['almost transparent', '<div style="opacity: 0.05"><input id="f" autocomplete="one-time-code"></div>'],
    ['zero size', '<input id="f" autocomplete="one-time-code" style="width: 0; height: 0">'],
    ['a 1 px field', '<input id="f" autocomplete="one-time-code" style="width: 1px; height: 1px">'],
    ['off-screen', '<input id="f" autocomplete="one-time-code" style="position: absolute; left: -9999px">'],
    ['disabled', '<input id="f" autocomplete="one-time-code" disabled>'],
    ['in a disabled fieldset', '<fieldset disabled><input id="f" autocomplete="one-time-code"></fieldset>'],
    ['readonly', '<input id="f" autocomplete="one-time-code" readonly>'],
    ['holding text', '<input id="f" autocomplete="one-time-code" value="abc">'],
    ['a checkbox', '<input id="f" type="checkbox" name="otp">'],
    ['an unlabeled field', '<input id="f">'],
  ])('%s → null', (_name, html) => {
    showPage(html);
    expect(find()).toBeNull();
  });

  it('a field holding text is passed over for the next best', () => {
    showPage(`<input id="taken" name="otp" value="abc"><label for="f">認証コード</label><input id="f">`);
    expect(find()).toMatchObject({ input: byId('f') });
  });

  it('a field holding a half-typed code is still the one', () => {
    showPage('<input id="f" autocomplete="one-time-code" value="12 3">');
    expect(find()).toMatchObject({ input: byId('f') });
  });
});

describe('geometry', () => {
  it('by default fields are measured by layout: in a DOM without layout (here) nothing is drawn', () => {
    showPage('<input id="f" autocomplete="one-time-code">');
    expect(findCodeTarget(document)).toBeNull();
    expect(findCodeTarget(document, { measure })).toMatchObject({ input: byId('f') });
  });
});
