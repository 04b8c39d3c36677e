/** The index page and the JSON endpoint tests use to learn the server's secrets. */
import { esc, page } from '../html';
import { html, json, type Route } from '../routes';
import { publicState } from '../state';

interface Link {
  href: string;
  ja: string;
  en: string;
}

/** Every page a person may want to open, in the order they are used. */
export const LINKS: Link[] = [
  {
    href: '/trend/enrol',
    ja: '2要素認証の設定 — Google認証システムアプリを設定する',
    en: 'Trend-Micro-like enrolment: QR code hidden behind a button; light-on-dark QR in dark mode',
  },
  { href: '/trend/login', ja: 'ログイン — 確認コード', en: 'Trend-Micro-like login: 6-digit code' },
  {
    href: '/trend/emergency',
    ja: '緊急アクセスコード',
    en: 'E-mailed emergency code (not a TOTP field: must not be filled)',
  },
  {
    href: '/webroot/2fa',
    ja: '2FAを設定する — QRコードをスキャン',
    en: 'Webroot-like 2FA setup: washed-out QR inside a wide setup card (drag around it), code check',
  },
  {
    href: '/webroot/login',
    ja: 'ログイン — 認証アプリのコード',
    en: 'Webroot-like login, 2FA step after the password: 認証コード, checked against the Webroot secret',
  },
  {
    href: '/servicenow/mfa',
    ja: '本人確認を行う — 6桁の検証コード',
    en: 'ServiceNow-like authenticator step: placeholder XXX-XXX, takes 123-456 or 123456',
  },
  {
    href: '/servicenow/email-code',
    ja: '本人確認を行う — メールに送信されたコード',
    en: 'ServiceNow-like e-mailed code (looks like a TOTP field, is not: must not be filled)',
  },
  {
    href: '/google/transfer',
    ja: 'アカウントを移行 — アカウントをエクスポート',
    en: 'Google-Authenticator-like transfer export: 12 accounts in two QR codes, "次へ" shows the second',
  },
  {
    href: '/portal/admins',
    ja: '共用管理者アカウントの多要素認証',
    en: 'Two different enrolment QR codes side by side',
  },
  {
    href: '/app/download',
    ja: 'モバイルアプリのダウンロード',
    en: 'A QR code that is a web link, not an authenticator key',
  },
  {
    href: '/microsoft/activate',
    ja: 'Microsoft Authenticator — QR コードをスキャンします',
    en: 'Microsoft work or school account activation QR code (not otpauth)',
  },
  {
    href: '/fixtures/split',
    ja: '2段階認証 — 1桁ずつの入力欄',
    en: 'Six one-digit boxes: typing moves on, pasting fills all (Trend-like secret)',
  },
  {
    href: '/fixtures/react-otp',
    ja: '2段階認証 — 入力中の枠を覚える入力欄 (React 風)',
    en: 'React-style boxes that follow focus: typing goes to the box that last had focus (Trend-like secret)',
  },
  {
    href: '/fixtures/controlled',
    ja: '2段階認証 — 状態を持つ入力欄',
    en: 'Controlled field: a value set without an input event is wiped (Trend-like secret)',
  },
  {
    href: '/fixtures/shadow',
    ja: '2段階認証 — Web コンポーネント',
    en: 'Code field in an open shadow root (Trend-like secret)',
  },
  {
    href: '/fixtures/iframe',
    ja: 'ログイン — 同じオリジンの枠',
    en: 'Code form in a same-origin iframe (Trend-like secret)',
  },
  {
    href: '/fixtures/cross-frame',
    ja: 'ログイン — 別オリジンの枠 (罠)',
    en: 'Trap: a code form from another origin framed by the console (must not be filled)',
  },
  {
    href: '/signin',
    ja: 'サインインの再現ページ',
    en: 'Code steps of real sign-in flows (Microsoft, Okta, Google, GitHub…), each with what Sekimori must do',
  },
];

/** The Trend-like login as the second listener serves it: the same page under another origin. */
function lookalike(otherOrigin: string): Link {
  return {
    href: `${otherOrigin}/trend/login`,
    ja: 'ログイン — 確認コード (別オリジン)',
    en: 'Lookalike: the Trend-like login served from another origin (must not be filled)',
  };
}

function index(otherOrigin: string): string {
  const items = [...LINKS, lookalike(otherOrigin)]
    .map(
      (link) =>
        `<li><a href="${esc(link.href)}">${esc(link.ja)}</a><span class="en">${esc(link.en)}</span></li>`,
    )
    .join('\n');
  return page({
    title: 'デモコンソール',
    body: `<div class="card">
<h1>デモコンソール</h1>
<p>ベンダーの管理コンソールの2要素認証画面を模したテスト用ページです。<span class="note">(Demo vendor consoles for trying Sekimori.)</span></p>
<ul class="pages">
${items}
</ul>
</div>`,
  });
}

export const homeRoutes: Route[] = [
  { method: 'GET', path: '/', handle: ({ otherOrigin }) => html(index(otherOrigin)) },
  { method: 'GET', path: '/api/state', handle: ({ state }) => json(publicState(state)) },
];
