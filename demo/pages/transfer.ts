/**
 * A page imitating Google Authenticator's "アカウントを移行" → "アカウントをエクスポート" screen: twelve accounts
 * in two transfer QR codes (10 + 2), shown one at a time; "次へ" moves to the next.
 */
import { formatMigrationUris } from '../../lib/formats/index';
import { page, type Brand } from '../html';
import { qrPng, qrSize, type QrStyle } from '../qr';
import { html, type DemoState, type Route } from '../routes';
import { transferAccounts } from '../transfer-accounts';

const BRAND: Brand = { name: '認証システム', mark: 'G', accent: '#1a73e8' };
const PER_QR = 10;
const QR_STYLE: QrStyle = { targetPx: 400 };

/** A new export for a server's state: accounts with fresh secrets, one batch id, the URIs of its QR codes. */
export function newTransfer(batchId: number): DemoState['transfer'] {
  const accounts = transferAccounts();
  return { batchId, accounts, uris: formatMigrationUris(accounts, { batchId, perBatch: PER_QR }) };
}

/** The QR code of part `n` (1-based) of the export, or undefined. */
function transferQr(state: DemoState, n: number) {
  const uri = state.transfer.uris[n - 1];
  return uri === undefined ? undefined : qrPng(uri, QR_STYLE);
}

const STYLE = `
.transfer{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start}
.transfer .qr{flex:none;margin:0;display:grid;place-items:center;background:#fff}
.transfer .side{flex:1 1 220px}
.counter{font-weight:700;font-size:1.2rem;margin:0 0 8px}
`;

const SCRIPT = `
(function () {
  var sizes = document.getElementById('transfer').getAttribute('data-sizes').split(',');
  var total = sizes.length;
  var part = 1;
  var img = document.getElementById('transfer-qr');
  var counter = document.getElementById('transfer-counter');
  var next = document.getElementById('transfer-next');
  var back = document.getElementById('transfer-back');
  var done = document.getElementById('transfer-done');
  function show(n) {
    part = n;
    img.width = img.height = Number(sizes[n - 1]);
    img.src = '/google/transfer/qr.png?part=' + n;
    img.alt = 'QRコード ' + n + '/' + total;
    counter.textContent = 'QRコード ' + n + '/' + total;
    back.hidden = n === 1;
    next.hidden = n === total;
    done.hidden = n !== total;
  }
  next.addEventListener('click', function () { show(Math.min(part + 1, total)); });
  back.addEventListener('click', function () { show(Math.max(part - 1, 1)); });
})();
`;

function transferPage(state: DemoState): string {
  const total = state.transfer.uris.length;
  const sizes = state.transfer.uris.map((uri) => qrSize(uri, QR_STYLE));
  const size = sizes[0] ?? 0;
  const box = Math.max(...sizes) + 34; // the largest code, its padding and border: no jump on "次へ"
  const body = `<div class="card" id="transfer" data-sizes="${sizes.join(',')}">
<h1>アカウントをエクスポート</h1>
<div class="transfer">
  <div class="qr" style="width:${box}px;height:${box}px">
    <img id="transfer-qr" src="/google/transfer/qr.png?part=1" width="${size}" height="${size}" alt="QRコード 1/${total}">
  </div>
  <div class="side">
    <p class="counter" id="transfer-counter">QRコード 1/${total}</p>
    <p>${state.transfer.accounts.length} 個のアカウントを ${total} 個のQRコードでエクスポートします。新しいデバイスの認証システムアプリで「アカウントをインポート」を選び、QRコードを順番にスキャンしてください。</p>
    <p class="note">QRコードにはアカウントの秘密鍵が含まれます。他の人に見せたり、撮影したりしないでください。</p>
    <div class="actions">
      <button type="button" id="transfer-back" class="secondary" hidden>戻る</button>
      <button type="button" id="transfer-next"${total > 1 ? '' : ' hidden'}>次へ</button>
      <a class="button" id="transfer-done" href="/"${total > 1 ? ' hidden' : ''}>完了</a>
    </div>
  </div>
</div>
</div>`;
  return page({
    title: 'アカウントをエクスポート',
    body,
    brand: BRAND,
    crumbs: 'アカウントを移行 › アカウントをエクスポート',
    wide: true,
    style: STYLE,
    script: SCRIPT,
  });
}

export const transferRoutes: Route[] = [
  { method: 'GET', path: '/google/transfer', handle: ({ state }) => html(transferPage(state)) },
  {
    method: 'GET',
    path: '/google/transfer/qr.png',
    handle: ({ state, url }) => {
      const qr = transferQr(state, Number(url.searchParams.get('part') ?? '1'));
      if (!qr) return { status: 404, body: 'no such part' };
      return { type: 'image/png', body: qr.png };
    },
  },
];
