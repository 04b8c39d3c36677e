/**
 * A portal page with two shared admin accounts' enrolment QR codes side by side: two different otpauth keys
 * on one page, so a one-click reader cannot know which one is meant.
 */
import { esc, page, type Brand } from '../html';
import { qrPng, qrSize, type QrStyle } from '../qr';
import { html, type DemoState, type Route } from '../routes';
import { randomSecret } from '../totp';

const BRAND: Brand = { name: 'セキュリティサービス ポータル', mark: 'P', accent: '#0b6e99' };
const ISSUER = 'セキュリティポータル';
const ADMINS: { account: string; role: string }[] = [
  { account: 'soc-admin01@example.co.jp', role: '監視チーム 主担当' },
  { account: 'soc-admin02@example.co.jp', role: '監視チーム 副担当' },
];

const QR_STYLE: QrStyle = { targetPx: 230 };

type Admin = DemoState['admins'][number];

/** The two admin accounts with fresh secrets. */
export function newAdmins(): Admin[] {
  return ADMINS.map(({ account }) => ({ issuer: ISSUER, account, secret: randomSecret(10) }));
}

/** The enrolment URI of one admin account. */
export function adminUri({ issuer, account, secret }: Admin): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}

const STYLE = `
.pair{display:flex;flex-wrap:wrap;gap:24px;margin:16px 0}
.pair figure{margin:0;flex:1 1 240px;padding:16px;border:1px solid #dcdfe4;border-radius:6px;background:#fafbfc}
.pair img{display:block;max-width:100%;height:auto;image-rendering:pixelated;margin:0 auto 8px}
.pair figcaption{text-align:center;font-size:.9rem}
.pair .role{display:block;color:#666;font-size:.8rem}
`;

function adminsPage(state: DemoState): string {
  const figures = state.admins.map((admin, i) => {
    const size = qrSize(adminUri(admin), QR_STYLE);
    const role = ADMINS[i]?.role ?? '';
    return `<figure>
  <img id="admin-qr-${i + 1}" src="/portal/admins/qr.png?n=${i + 1}" width="${size}" height="${size}" alt="QRコード (${esc(admin.account)})">
  <figcaption>${esc(admin.account)}<span class="role">${esc(role)}</span></figcaption>
</figure>`;
  });
  const body = `<div class="card">
<h1>共用管理者アカウントの多要素認証</h1>
<p>このサービスでは2つの共用管理者アカウントを使用します。担当者は、自分が使うアカウントのQRコードだけを認証アプリでスキャンし、「多要素認証を構成します。」の画面で6桁のコードを入力してください。</p>
<div class="pair">
${figures.join('\n')}
</div>
<p class="note">QRコードは管理者本人以外に見せないでください。担当者が替わったときは、多要素認証を再設定してください。</p>
</div>`;
  return page({
    title: '共用管理者アカウント',
    body,
    brand: BRAND,
    user: 'soc-lead@example.co.jp',
    crumbs: '管理 › 共用管理者アカウント',
    style: STYLE,
  });
}

export const adminsRoutes: Route[] = [
  { method: 'GET', path: '/portal/admins', handle: ({ state }) => html(adminsPage(state)) },
  {
    method: 'GET',
    path: '/portal/admins/qr.png',
    handle: ({ state, url }) => {
      const admin = state.admins[Number(url.searchParams.get('n') ?? '1') - 1];
      if (!admin) return { status: 404, body: 'no such admin' };
      return { type: 'image/png', body: qrPng(adminUri(admin), QR_STYLE).png };
    },
  },
];
