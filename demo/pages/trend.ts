/**
 * Pages imitating the Trend Micro licensing / SaaS console's two-factor screens (see consoles.md §1):
 * enrolment with a QR code hidden behind a button, the login code prompt and the e-mailed emergency code.
 * The console follows the system's dark mode; its QR code is then drawn light on dark.
 */
import { esc, page, type Brand } from '../html';
import { INVERTED, qrPng, qrSize } from '../qr';
import { html, redirect, type DemoState, type Route } from '../routes';
import { recordSubmission } from '../submissions';
import { verifyTotp } from '../totp';

const BRAND: Brand = { name: 'ライセンス管理ポータル', mark: 'T', accent: '#c8102e' };
const LOGIN = 'abc@example.co.jp';
const MASKED_LOGIN = 'abc****@example.co.jp';
const ISSUER = 'Trend Micro SaaS Account';

/** The URI the enrolment QR code carries, as the real console writes it. */
export function otpauthUri(secret: string): string {
  return `otpauth://totp/${encodeURIComponent(LOGIN)}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}`;
}

/** The secret in groups of four, as shown under the QR code. */
function grouped(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

function trendPage(
  title: string,
  crumbs: string,
  body: string,
  opts: { script?: string; narrow?: boolean } = {},
) {
  return page({ title, body, brand: BRAND, user: MASKED_LOGIN, crumbs, darkScheme: true, ...opts });
}

const QR_SCRIPT = `
(function () {
  var button = document.getElementById('show-qr');
  var area = document.getElementById('qr-area');
  var img = document.getElementById('qr-image');
  var dark = window.matchMedia('(prefers-color-scheme: dark)');
  function load() {
    img.src = '/trend/enrol/qr.png?theme=' + (dark.matches ? 'dark' : 'light') + '&t=' + Date.now();
  }
  function show() {
    load();
    area.hidden = false;
    button.hidden = true;
  }
  dark.addEventListener('change', function () {
    if (!area.hidden) load();
  });
  button.addEventListener('click', show);
  document.getElementById('show-qr-again').addEventListener('click', function (event) {
    event.preventDefault();
    show();
  });
})();
`;

function enrolPage(state: DemoState, error?: string): string {
  const size = qrSize(otpauthUri(state.secret));
  const alert = error
    ? `<div class="alert error" id="result" data-ok="false" role="alert">${esc(error)}</div>`
    : '';
  const body = `<div class="card">
<h1>Google認証システムアプリを設定する</h1>
${alert}
<ol class="steps">
  <li>スマートフォンにGoogle認証システムアプリ (Google Authenticator) をインストールします。</li>
  <li>「QRコードを表示する」をクリックし、表示されたQRコードをアプリで読み取ります。</li>
  <li>アプリに表示された6桁のコードを下に入力し、「2要素認証を有効にする」をクリックします。</li>
</ol>
<button type="button" id="show-qr" class="secondary">QRコードを表示する</button>
<div class="qr" id="qr-area" hidden>
  <img id="qr-image" alt="QRコード" width="${size}" height="${size}">
  <p class="note"><a href="#" id="show-qr-again">QRコードをもう一度表示させたい場合はココをクリック</a></p>
  <p>QRコードを読み取れない場合は次のキーを入力してください: <span class="secret" id="secret-key">${esc(grouped(state.secret))}</span></p>
</div>
<form method="post" action="/trend/enrol">
  <label for="enrol-code">アプリに表示された6桁のコード</label>
  <input type="text" id="enrol-code" name="code" placeholder="6桁のコード" inputmode="numeric" autocomplete="off">
  <div class="actions">
    <button type="submit" name="action" value="enable">2要素認証を有効にする</button>
    <button type="submit" name="action" value="cancel" class="secondary" formnovalidate>キャンセル</button>
  </div>
</form>
</div>`;
  return trendPage('2要素認証の設定', 'アカウント設定 › 2要素認証の設定', body, { script: QR_SCRIPT });
}

function enrolledPage(): string {
  const body = `<div class="card">
<h1>2要素認証の設定</h1>
<div class="alert ok" id="result" data-ok="true" role="status">2要素認証を有効にしました。</div>
<table class="props">
  <tr><th>状況</th><td id="status">有効</td></tr>
  <tr><th>認証方法</th><td id="method">Google認証システムアプリ</td></tr>
</table>
<p class="note">次回のログインから、アプリに表示される確認コードの入力が必要になります。</p>
<form method="post" action="/trend/disable" class="actions">
  <a class="button" href="/trend/login">ログイン画面へ</a>
  <button type="submit" class="secondary">無効にする</button>
</form>
</div>`;
  return trendPage('2要素認証の設定', 'アカウント設定 › 2要素認証の設定', body);
}

function loginPage(error?: string): string {
  const alert = error
    ? `<div class="alert error" id="result" data-ok="false" role="alert">${esc(error)}</div>`
    : '';
  const body = `<div class="card">
<h1>確認コード</h1>
${alert}
<p>お使いのモバイルデバイスからGoogle認証システムアプリを使用して確認コードを取得し、入力してください。</p>
<form method="post" action="/trend/login">
  <label for="code">6桁のコード</label>
  <input type="text" id="code" name="code" placeholder="6桁のコード" inputmode="numeric" autocomplete="off">
  <div class="actions"><button type="submit">送信</button></div>
</form>
<p class="note"><a href="/trend/emergency">緊急アクセスコードをメールで送信</a></p>
</div>`;
  return trendPage('確認コード', 'ログイン', body, { narrow: true });
}

function loggedInPage(): string {
  const body = `<div class="card">
<h1>ようこそ</h1>
<div class="alert ok" id="result" data-ok="true" role="status">ログインしました。</div>
<p>ライセンス管理ポータルにログインしました。</p>
<p><a href="/">デモコンソールのトップへ</a></p>
</div>`;
  return trendPage('ログインしました', 'ログイン', body, { narrow: true });
}

function emergencyPage(error?: string): string {
  const alert = error
    ? `<div class="alert error" id="result" data-ok="false" role="alert">${esc(error)}</div>`
    : '';
  const body = `<div class="card">
<h1>緊急アクセスコード</h1>
${alert}
<p>登録メールアドレス (${esc(MASKED_LOGIN)}) に緊急アクセスコードを送信しました。メールに記載されたコードを入力してください。</p>
<form method="post" action="/trend/emergency">
  <label for="emergency-code">緊急アクセスコード</label>
  <input type="text" id="emergency-code" name="code" autocomplete="off">
  <div class="actions"><button type="submit">ログイン</button></div>
</form>
<p class="note"><a href="/trend/login">確認コードの入力に戻る</a></p>
</div>`;
  return trendPage('緊急アクセスコード', 'ログイン', body, { narrow: true });
}

const WRONG_CODE = 'コードが正しくありません。もう一度入力してください。';

export const trendRoutes: Route[] = [
  { method: 'GET', path: '/trend/enrol', handle: ({ state }) => html(enrolPage(state)) },
  {
    method: 'GET',
    path: '/trend/enrol/qr.png',
    handle: ({ state, url }) => {
      const style = url.searchParams.get('theme') === 'dark' ? INVERTED : {};
      return { type: 'image/png', body: qrPng(otpauthUri(state.secret), style).png };
    },
  },
  {
    method: 'POST',
    path: '/trend/enrol',
    handle: ({ state, form }) => {
      if (form.get('action') === 'cancel') return redirect('/');
      if (!verifyTotp(state.secret, form.get('code') ?? '')) return html(enrolPage(state, WRONG_CODE));
      state.enrolled = true;
      return html(enrolledPage());
    },
  },
  {
    method: 'POST',
    path: '/trend/disable',
    handle: ({ state }) => {
      state.enrolled = false;
      return redirect('/trend/enrol');
    },
  },
  { method: 'GET', path: '/trend/login', handle: () => html(loginPage()) },
  {
    method: 'POST',
    path: '/trend/login',
    handle: (req) => {
      const code = req.form.get('code') ?? '';
      const ok = verifyTotp(req.state.secret, code);
      recordSubmission(req, '/trend/login', code, ok);
      return html(ok ? loggedInPage() : loginPage(WRONG_CODE));
    },
  },
  { method: 'GET', path: '/trend/emergency', handle: () => html(emergencyPage()) },
  {
    method: 'POST',
    path: '/trend/emergency',
    handle: (req) => {
      const code = req.form.get('code') ?? '';
      const ok = code.trim() === req.state.emergencyCode;
      recordSubmission(req, '/trend/emergency', code, ok);
      return html(ok ? loggedInPage() : emergencyPage(WRONG_CODE));
    },
  },
];
