/**
 * The words that tell a one-time-code field from every other field (the peers' heuristics, union). Lists are
 * written plainly, comma-separated, and compared squashed (`squash`): `two-factor` also matches `two_factor`
 * and `TwoFactor`, `security code` matches `securityCode`.
 */
import { squash } from './normalize-text';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/** Whole name/id values that mean "the code goes here". */
export const EXACT_NAMES = list(`otp, totp, otc, mfa, mfacode, otpcode, totpcode, authcode, 2fa, 2facode, tfa,
  verification_code, one_time_code, twofactorcode, txtResponse`);

/** Names and words that mean a code only when the field has focus or the page has no password field. */
export const AMBIGUOUS_EXACT_NAMES = list('code, token, pin');
export const AMBIGUOUS_WORDS = list('code, token, pin');
export const AMBIGUOUS_JA = list('コード, 暗証番号');

export const CODE_KEYWORDS = list(`totp, otp, mfa, 2fa, tfa, twofa, two-factor, second-factor, one-time,
  verification, verify, security code, authcode, authenticator, passcode, challenge, 6-digit, enter code,
  enter the code, authentication code,
  認証コード, 確認コード, 検証コード, セキュリティコード, ワンタイム, パスコード, 2段階認証, 二段階認証, 二要素認証,
  2要素認証, 多要素認証, 認証アプリ, 認証番号, 確認番号, 6桁, 桁のコード`);

/** Fields for some other short code: never ours, whatever else they say. */
export const FOREIGN_CODE_KEYWORDS =
  list(`recovery, backup, scratch, emergency, リカバリ, バックアップ, 回復, 復旧,
  緊急, 予備, captcha, キャプチャ, 画像認証, search, 検索, coupon, promo, voucher, gift, referral, invite,
  クーポン, プロモ, 割引, 招待, postal, postcode, zipcode, zip, pincode, 郵便`);

/** Identity and payment fields: ruled out unless the field also names a code (`email_otp` is still a code). */
export const IDENTITY_KEYWORDS =
  list(`username, userid, loginid, login name, email, mail address, phone, mobile,
  telephone, firstname, lastname, fullname, card, cvc, cvv, password, account, address,
  ユーザー, ユーザ名, ログインid, メールアドレス, 電話, 携帯, 氏名, 名前, カード, パスワード, アカウント, 住所`);
export const IDENTITY_EXACT_NAMES = list('user, login, name, tel, q, s, query');

/** `autocomplete` tokens of other kinds of field (`cc-*`, `address-*`, `tel-*`, `bday-*` by prefix). */
export const FOREIGN_AUTOCOMPLETE =
  list(`username, email, current-password, new-password, tel, postal-code, name,
  given-name, family-name, street-address, country, organization, bday`);
export const FOREIGN_AUTOCOMPLETE_PREFIXES = list('cc-, address-, tel-, bday-');

/** Headings, buttons and titles of a verification step. */
export const VERIFY_PAGE_WORDS =
  list(`確認, 認証, 検証, 送信, 次へ, 続ける, 続行, verify, verification, confirm,
  authenticate, two-factor, 2fa, mfa, submit, continue`);
export const VERIFY_URL_WORDS = list('mfa, multifactor, 2fa, two-factor, otp, verify, challenge');

/** Does the squashed text hold any of the keywords? */
export function containsAny(squashedText: string, keywords: readonly string[]): boolean {
  return keywords.some((k) => squashedText.includes(squash(k)));
}
