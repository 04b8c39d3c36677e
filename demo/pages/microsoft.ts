/**
 * A page imitating Microsoft's "セキュリティ情報 › 方法の追加 › Authenticator アプリ" step: the QR code activates a
 * work or school account in Microsoft Authenticator (`phonefactor://activate_account?...`); it is not an
 * otpauth key.
 */
import { esc, page, type Brand } from '../html';
import { qrPng, qrSize } from '../qr';
import { html, type Route } from '../routes';

const BRAND: Brand = { name: 'マイ サインイン', mark: 'M', accent: '#0067b8' };
const CODE = '123456789';
const ACTIVATION_URL = `https://mobileappcommunicator.auth.microsoft.com/activate/${CODE}/JPE`;

/** What the QR code holds, written as Microsoft writes it (lower-case percent escapes). */
export const WORK_ACCOUNT_ACTIVATION = `phonefactor://activate_account?code=${CODE}&url=${encodeURIComponent(
  ACTIVATION_URL,
).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())}`;

const STYLE = `
dl.manual{display:grid;grid-template-columns:auto 1fr;gap:4px 16px;margin:8px 0}
dl.manual dt{font-weight:700}
dl.manual dd{margin:0;word-break:break-all}
`;

function activatePage(): string {
  const size = qrSize(WORK_ACCOUNT_ACTIVATION);
  const body = `<div class="card">
<h1>Microsoft Authenticator</h1>
<h2>QR コードをスキャンします</h2>
<p>Microsoft Authenticator アプリを使用して QR コードをスキャンします。これにより、Microsoft Authenticator アプリとご自分のアカウントがつながります。</p>
<p>QR コードをスキャンした後、[次へ] を選択します。</p>
<div class="qr"><img id="activation-qr" src="/microsoft/activate/qr.png" width="${size}" height="${size}" alt="QR コード"></div>
<details>
  <summary>画像をスキャンできませんか?</summary>
  <p>アプリで「コードを手動で入力」を選び、次のコードと URL を入力してください。</p>
  <dl class="manual"><dt>コード:</dt><dd>${esc(CODE.replace(/(\d{3})(?=\d)/g, '$1 '))}</dd><dt>URL:</dt><dd>${esc(ACTIVATION_URL)}</dd></dl>
</details>
<div class="actions">
  <a class="button secondary" href="/">戻る</a>
  <a class="button" href="/">次へ</a>
</div>
</div>`;
  return page({
    title: 'セキュリティ情報',
    body,
    brand: BRAND,
    user: 'yamada@example.co.jp',
    crumbs: 'セキュリティ情報 › 方法の追加 › Authenticator アプリ',
    style: STYLE,
  });
}

export const microsoftRoutes: Route[] = [
  { method: 'GET', path: '/microsoft/activate', handle: () => html(activatePage()) },
  {
    method: 'GET',
    path: '/microsoft/activate/qr.png',
    handle: () => ({ type: 'image/png', body: qrPng(WORK_ACCOUNT_ACTIVATION).png }),
  },
];
