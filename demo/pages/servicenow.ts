/**
 * Pages imitating a ServiceNow customer portal's verification step after the password (see consoles.md §3):
 * the authenticator screen "本人確認を行う" (a code typed as `123-456` or `123456`) and the e-mailed code screen,
 * which looks the same but takes a code sent by e-mail, never a TOTP.
 */
import { errorAlert, esc, okAlert, page, type Brand } from '../html';
import { html, type DemoRequest, type Route } from '../routes';
import { recordSubmission } from '../submissions';
import { verifyTotp } from '../totp';

const BRAND: Brand = { name: 'セキュリティサービス カスタマーポータル', mark: 'N', accent: '#1f6f5c' };
const LOGIN = 'admin@example.co.jp';
const ISSUER = 'ServiceNow';
/** Where the portal says it sent the e-mailed code (masked, as the portal shows it). */
export const EMAIL_ADDRESS = 'a***@example.co.jp';

/** The URI of the portal's authenticator enrolment (its profile page's QR code, not served here). */
export function servicenowUri(secret: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(LOGIN)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}`;
}

const STYLE = `
.verify input[type=text]{max-width:none}
.verify .check{display:flex;gap:8px;align-items:flex-start;font-weight:400;margin:14px 0 0}
.verify .check input{margin-top:6px}
.verify button.block{width:100%}
.verify .resend{display:flex;gap:8px;align-items:center;margin-top:12px;font-size:.9rem}
.verify .resend button{padding:2px 10px;font-size:.85rem}
`;

function portalPage(title: string, body: string, script?: string): string {
  return page({ title, body, brand: BRAND, user: LOGIN, style: STYLE, narrow: true, script });
}

function mfaPage(error?: string): string {
  const body = `<div class="card verify">
<h1>本人確認を行う</h1>
${errorAlert(error)}
<p>認証アプリに表示されたコードを入力します</p>
<form method="post" action="/servicenow/mfa">
  <label for="txtResponse">6桁の検証コード</label>
  <input type="text" id="txtResponse" name="txtResponse" placeholder="XXX-XXX" maxlength="7" inputmode="numeric" autocomplete="off">
  <label class="check"><input type="checkbox" name="remember" value="8h">今後8時間、このブラウザのMFAを試さないでください</label>
  <div class="actions"><button type="submit" class="block">検証</button></div>
</form>
<p class="note"><a href="/servicenow/email-code">別の確認方法をお試しください</a></p>
</div>`;
  return portalPage('本人確認を行う', body);
}

const RESEND_SCRIPT = `
(function () {
  var button = document.getElementById('resend');
  var left = document.getElementById('resend-left');
  var seconds = 26;
  function tick() {
    left.textContent = seconds > 0 ? seconds + '秒以内' : '';
    button.disabled = seconds > 0;
    if (seconds-- > 0) setTimeout(tick, 1000);
  }
  button.addEventListener('click', function () {
    document.getElementById('resent').hidden = false;
    seconds = 26;
    tick();
  });
  tick();
})();
`;

function emailPage(error?: string): string {
  const body = `<div class="card verify">
<h1>本人確認を行う</h1>
${errorAlert(error)}
<p>メールに送信されたコードを入力します</p>
<p class="note">送信先: <span id="email-address">${esc(EMAIL_ADDRESS)}</span></p>
<form method="post" action="/servicenow/email-code">
  <label for="verification-code">6桁の認証コード</label>
  <input type="text" id="verification-code" name="code" placeholder="XXXXXX" maxlength="6" inputmode="numeric" autocomplete="off">
  <div class="resend"><button type="button" id="resend" class="secondary">コードを再送信</button><span id="resend-left">26秒以内</span></div>
  <p class="note" id="resent" hidden>コードを再送信しました。</p>
  <div class="actions"><button type="submit" class="block">検証</button></div>
</form>
<p class="note"><a href="/servicenow/mfa">別の確認方法をお試しください</a></p>
</div>`;
  return portalPage('本人確認を行う', body, RESEND_SCRIPT);
}

function verifiedPage(): string {
  const body = `<div class="card">
<h1>ようこそ</h1>
${okAlert('本人確認が完了しました。')}
<p>カスタマーポータルにログインしました。</p>
<p><a href="/">デモコンソールのトップへ</a></p>
</div>`;
  return portalPage('ようこそ', body);
}

const WRONG_CODE = 'コードが無効です。もう一度お試しください。';

/** `123-456` or `123456` (surrounding spaces allowed) holding a current code of the portal's secret. */
function checkTotp({ state, form }: DemoRequest): { code: string; ok: boolean } {
  const code = form.get('txtResponse') ?? '';
  const ok = /^\d{3}-?\d{3}$/.test(code.trim()) && verifyTotp(state.servicenow.secret, code);
  return { code, ok };
}

export const servicenowRoutes: Route[] = [
  { method: 'GET', path: '/servicenow/mfa', handle: () => html(mfaPage()) },
  {
    method: 'POST',
    path: '/servicenow/mfa',
    handle: (req) => {
      const { code, ok } = checkTotp(req);
      recordSubmission(req, '/servicenow/mfa', code, ok);
      return html(ok ? verifiedPage() : mfaPage(WRONG_CODE));
    },
  },
  { method: 'GET', path: '/servicenow/email-code', handle: () => html(emailPage()) },
  {
    method: 'POST',
    path: '/servicenow/email-code',
    handle: (req) => {
      const code = req.form.get('code') ?? '';
      const ok = code.trim() === req.state.servicenow.emailCode;
      recordSubmission(req, '/servicenow/email-code', code, ok);
      return html(ok ? verifiedPage() : emailPage(WRONG_CODE));
    },
  },
];
