/**
 * The Webroot-like console's login after 2FA was set up (see consoles.md §2): once the password and the two
 * characters of the personal security code are accepted, the console asks for the authenticator app's code.
 */
import { errorAlert, esc, okAlert, page } from '../html';
import { html, type Route } from '../routes';
import { recordSubmission } from '../submissions';
import { verifyTotp } from '../totp';
import { WEBROOT_BRAND, WEBROOT_LOGIN } from './webroot';

function webrootLoginPage(title: string, body: string): string {
  return page({ title, body, brand: WEBROOT_BRAND, crumbs: 'ログイン', narrow: true });
}

function codePage(error?: string): string {
  const body = `<div class="card">
<h1>2要素認証</h1>
${errorAlert(error)}
<p class="note">${esc(WEBROOT_LOGIN)} としてログインしています。パスワードとセキュリティコードを確認しました。</p>
<p>認証アプリのコードを入力してください</p>
<form method="post" action="/webroot/login">
  <label for="webroot-code">認証コード</label>
  <input type="text" id="webroot-code" name="code" inputmode="numeric" maxlength="6" autocomplete="off">
  <div class="actions"><button type="submit">ログイン</button></div>
</form>
<p class="note">認証アプリを利用できない場合は、管理者に2FAのリセットを依頼してください。</p>
</div>`;
  return webrootLoginPage('2要素認証', body);
}

function consolePage(): string {
  const body = `<div class="card">
<h1>ようこそ</h1>
${okAlert('ログインしました。')}
<p>エンドポイント セキュリティ管理コンソールにログインしました。</p>
<p><a href="/">デモコンソールのトップへ</a></p>
</div>`;
  return webrootLoginPage('ログインしました', body);
}

const WRONG_CODE = '認証コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。';

export const webrootLoginRoutes: Route[] = [
  { method: 'GET', path: '/webroot/login', handle: () => html(codePage()) },
  {
    method: 'POST',
    path: '/webroot/login',
    handle: (req) => {
      const code = req.form.get('code') ?? '';
      const ok = verifyTotp(req.state.webroot.secret, code);
      recordSubmission(req, '/webroot/login', code, ok);
      return html(ok ? consolePage() : codePage(WRONG_CODE));
    },
  },
];
