/**
 * A page imitating the Webroot management console's 2FA setup (see consoles.md §2): step 3 shows the QR code
 * inside a wide, washed-out setup card (so it is not an image of its own), step 4 checks the app's code.
 */
import { esc, page, type Brand } from '../html';
import { html, redirect, type DemoState, type Route } from '../routes';
import { setupCard } from '../setup-card';
import { verifyTotp } from '../totp';

/** The console's header bar (shared with its login page). */
export const WEBROOT_BRAND: Brand = {
  name: 'エンドポイント セキュリティ管理コンソール',
  mark: 'W',
  accent: '#3b8c5a',
};
/** The admin signed in. */
export const WEBROOT_LOGIN = 'admin@example.co.jp';
const BRAND = WEBROOT_BRAND;
const LOGIN = WEBROOT_LOGIN;
const ISSUER = 'Webroot';
const CRUMBS = 'アカウント設定 › 2FAを設定する';

/** The URI inside the setup card's QR code. */
export function webrootUri(secret: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(LOGIN)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}`;
}

/** The setup card of this server's secret (the same image every time). */
export function webrootCard(state: DemoState) {
  return setupCard(webrootUri(state.webroot.secret));
}

const STYLE = `
ol.wizard{display:flex;gap:8px;list-style:none;padding:0;margin:0 0 20px;font-size:.85rem;flex-wrap:wrap}
ol.wizard li{flex:1 1 150px;white-space:nowrap;padding:6px 10px;border-radius:4px;background:#eef1ef;color:#555}
ol.wizard li.done{background:#e3f1e8;color:#2d6a45}
ol.wizard li.current{background:var(--accent);color:#fff;font-weight:700}
.setup-card{margin:12px 0;overflow-x:auto}
.setup-card img{display:block;border:1px solid #dcdfe4;border-radius:4px}
details{margin:8px 0 0;font-size:.9rem}
.warn{border-left:3px solid #d08b1f;padding-left:10px}
`;

function wizard(current: number): string {
  const steps = ['セキュリティの質問', 'アプリの準備', 'QRコードをスキャン', '認証コードを確認'];
  const items = steps.map((name, i) => {
    const n = i + 1;
    const cls = n < current ? 'done' : n === current ? 'current' : '';
    return `<li class="${cls}">${n}. ${esc(name)}</li>`;
  });
  return `<ol class="wizard">${items.join('')}</ol>`;
}

function webrootPage(title: string, body: string): string {
  return page({ title, body, brand: BRAND, user: LOGIN, crumbs: CRUMBS, style: STYLE, wide: true });
}

function setupPage(state: DemoState, error?: string): string {
  const card = webrootCard(state);
  const alert = error
    ? `<div class="alert error" id="result" data-ok="false" role="alert">${esc(error)}</div>`
    : '';
  const key = (state.webroot.secret.match(/.{1,4}/g) ?? []).join(' ');
  const body = `<div class="card">
<h1>2FAを設定する</h1>
${wizard(3)}
${alert}
<h2>ステップ 1: セキュリティの質問</h2>
<p class="note">追加のセキュリティの質問を2つ設定しました。</p>
<h2>ステップ 2: 認証アプリのインストール</h2>
<p>Google Authenticator や Microsoft Authenticator などの認証アプリをスマートフォンにインストールします。</p>
<h2>ステップ 3: QRコードをスキャン</h2>
<p>認証アプリを開き、下の図の右側にあるQRコードをスキャンしてください。</p>
<div class="setup-card">
  <img id="setup-card" src="/webroot/2fa/card.png" width="${card.width}" height="${card.height}" alt="2FAの設定手順とQRコード">
</div>
<details>
  <summary>QRコードをスキャンできない場合</summary>
  <p>認証アプリで「セットアップキーを入力」を選び、次のキーを入力してください: <span class="secret" id="secret-key">${esc(key)}</span></p>
</details>
<h2>ステップ 4: 認証コードを確認</h2>
<form method="post" action="/webroot/2fa">
  <label for="auth-code">認証アプリに表示された認証コード</label>
  <input type="text" id="auth-code" name="code" placeholder="6桁の認証コード" inputmode="numeric" autocomplete="off">
  <div class="actions">
    <button type="submit" name="action" value="verify">認証コードを確認する</button>
    <button type="submit" name="action" value="cancel" class="secondary">キャンセル</button>
  </div>
</form>
<p class="note warn">設定を中止するときは必ず「キャンセル」ボタンを使ってください。設定の途中でウィンドウを × で閉じると、コンソールにログインできなくなることがあります。</p>
</div>`;
  return webrootPage('2FAを設定する', body);
}

function verifiedPage(): string {
  const body = `<div class="card">
<h1>2FAを設定する</h1>
${wizard(5)}
<div class="alert ok" id="result" data-ok="true" role="status">認証コードを確認しました。</div>
<p>「設定を完了する」をクリックすると、次回のログインから認証アプリのコードが必要になります。</p>
<form method="post" action="/webroot/2fa/complete" class="actions">
  <button type="submit">設定を完了する</button>
</form>
</div>`;
  return webrootPage('2FAを設定する', body);
}

function completedPage(): string {
  const body = `<div class="card">
<h1>2FAの設定が完了しました</h1>
<div class="alert ok" id="result" data-ok="true" role="status">2FAが有効になりました。</div>
<p>次回のログインから、パスワードとセキュリティコードに加えて認証アプリのコードを入力します。</p>
<div class="actions"><a class="button" href="/">コンソールに進む</a></div>
</div>`;
  return webrootPage('2FAの設定が完了しました', body);
}

const WRONG_CODE = '認証コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。';

export const webrootRoutes: Route[] = [
  { method: 'GET', path: '/webroot/2fa', handle: ({ state }) => html(setupPage(state)) },
  {
    method: 'GET',
    path: '/webroot/2fa/card.png',
    handle: ({ state }) => ({ type: 'image/png', body: webrootCard(state).png }),
  },
  {
    method: 'POST',
    path: '/webroot/2fa',
    handle: ({ state, form }) => {
      if (form.get('action') === 'cancel') return redirect('/');
      if (!verifyTotp(state.webroot.secret, form.get('code') ?? ''))
        return html(setupPage(state, WRONG_CODE));
      state.webroot.verified = true;
      return html(verifiedPage());
    },
  },
  {
    method: 'POST',
    path: '/webroot/2fa/complete',
    handle: ({ state }) => {
      if (!state.webroot.verified) return redirect('/webroot/2fa');
      state.webroot.completed = true;
      return html(completedPage());
    },
  },
];
