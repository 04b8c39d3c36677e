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
];

function index(): string {
  const items = LINKS.map(
    (link) =>
      `<li><a href="${esc(link.href)}">${esc(link.ja)}</a><span class="en">${esc(link.en)}</span></li>`,
  ).join('\n');
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
  { method: 'GET', path: '/', handle: () => html(index()) },
  { method: 'GET', path: '/api/state', handle: ({ state }) => json(publicState(state)) },
];
