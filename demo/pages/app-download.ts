/** A support page whose QR code is a plain web link (a download page), not an authenticator key. */
import { esc, page, type Brand } from '../html';
import { qrPng, qrSize } from '../qr';
import { html, type Route } from '../routes';

const BRAND: Brand = { name: 'サポートポータル', mark: 'D', accent: '#5b4bb7' };

/** What the QR code holds. */
export const APP_DOWNLOAD_URL = 'https://example.co.jp/app/download';

function downloadPage(): string {
  const size = qrSize(APP_DOWNLOAD_URL);
  const body = `<div class="card">
<h1>モバイルアプリのダウンロード</h1>
<p>スマートフォンのカメラで下のQRコードを読み取ると、モバイル管理アプリのダウンロードページが開きます。</p>
<div class="qr"><img id="download-qr" src="/app/download/qr.png" width="${size}" height="${size}" alt="ダウンロードページのQRコード"></div>
<p class="note">QRコードを読み取れない場合は、次のアドレスを開いてください: <span class="secret">${esc(APP_DOWNLOAD_URL)}</span></p>
<p class="note">対応OS: iOS 16 以降、Android 11 以降</p>
</div>`;
  return page({
    title: 'モバイルアプリのダウンロード',
    body,
    brand: BRAND,
    crumbs: 'サポート › ダウンロード',
  });
}

export const appDownloadRoutes: Route[] = [
  { method: 'GET', path: '/app/download', handle: () => html(downloadPage()) },
  {
    method: 'GET',
    path: '/app/download/qr.png',
    handle: () => ({ type: 'image/png', body: qrPng(APP_DOWNLOAD_URL).png }),
  },
];
