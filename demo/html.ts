/** Shared markup for the demo console: escaping, the page frame and its stylesheet. */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** How a vendor's pages look: the (fictional) product name in the header bar and its accent colour. */
export interface Brand {
  /** Product name shown in the header bar. */
  name: string;
  /** Short mark drawn as a logo square. */
  mark: string;
  /** Accent colour (header stripe, primary buttons). */
  accent: string;
}

export const DEMO_BRAND: Brand = { name: 'Sekimori デモコンソール', mark: 'S', accent: '#2f5d8a' };

const CSS = `
*{box-sizing:border-box}
[hidden]{display:none!important}
html{font-size:15px}
body{margin:0;background:#f2f3f5;color:#222;line-height:1.7;
  font-family:"Hiragino Kaku Gothic ProN","Hiragino Sans",Meiryo,"Noto Sans CJK JP","Noto Sans JP",sans-serif}
header.bar{display:flex;align-items:center;gap:12px;height:52px;padding:0 24px;background:#fff;
  border-top:4px solid var(--accent);border-bottom:1px solid #dcdfe4}
header.bar .mark{display:inline-grid;place-items:center;width:28px;height:28px;border-radius:4px;
  background:var(--accent);color:#fff;font-weight:700;font-family:Arial,sans-serif}
header.bar .name{font-weight:700;font-size:1.05rem}
header.bar .user{margin-left:auto;color:#666;font-size:.85rem}
header.bar .badge{font-size:.7rem;color:#fff;background:#8a8f98;border-radius:3px;padding:0 6px}
main{max-width:720px;margin:32px auto;padding:0 16px}
main.narrow{max-width:472px}
main.wide{max-width:880px}
main.framed{max-width:none;margin:0;padding:0}
main.framed .card{border:0;box-shadow:none;background:transparent}
body:has(main.framed){background:transparent}
.crumbs{font-size:.8rem;color:#777;margin-bottom:8px}
.card{background:#fff;border:1px solid #dcdfe4;border-radius:6px;padding:28px 32px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
h1{font-size:1.35rem;margin:0 0 16px;font-weight:700}
h2{font-size:1.1rem;margin:24px 0 8px}
ol.steps{padding-left:1.4em;margin:0 0 16px}
ol.steps li{margin:4px 0}
label{display:block;font-weight:700;margin:16px 0 6px}
input[type=text],input[type=password]{width:100%;max-width:260px;padding:8px 10px;font-size:1rem;
  border:1px solid #b9bec7;border-radius:4px;letter-spacing:.05em}
input:focus{outline:2px solid var(--accent);outline-offset:1px}
.actions{display:flex;gap:12px;margin-top:20px;flex-wrap:wrap}
button,.button{display:inline-block;padding:8px 20px;font-size:.95rem;font-family:inherit;border-radius:4px;
  border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#333;border-color:#b9bec7}
a{color:#1a5fb4}
.qr{margin:16px 0;padding:16px;border:1px dashed #c8ccd3;border-radius:6px;background:#fafbfc}
.qr img{display:block;max-width:100%;height:auto;image-rendering:pixelated;border:1px solid #e3e5e8}
.secret{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:1.05rem;letter-spacing:.08em;
  background:#eef1f4;padding:2px 8px;border-radius:3px;white-space:nowrap}
.note{font-size:.85rem;color:#555}
.alert{border-radius:4px;padding:10px 14px;margin:0 0 16px}
.alert.error{background:#fdecea;border:1px solid #f3b8b2;color:#a1261b}
.alert.ok{background:#e8f5ec;border:1px solid #a9d9b8;color:#1e6b35}
table.props{border-collapse:collapse;margin:8px 0 16px}
table.props th,table.props td{border:1px solid #dcdfe4;padding:6px 16px;text-align:left}
table.props th{background:#f6f7f9;font-weight:700}
ul.pages{list-style:none;padding:0;margin:0}
ul.pages li{padding:10px 0;border-bottom:1px solid #eceef1}
ul.pages li:last-child{border-bottom:0}
ul.pages .en{display:block;color:#777;font-size:.85rem}
footer{text-align:center;color:#999;font-size:.75rem;margin:32px 0}
`;

/** The same frame in dark colours, for consoles that follow the system's dark mode. */
const DARK_CSS = `
@media (prefers-color-scheme: dark){
body{background:#121417;color:#e3e5e8}
header.bar{background:#1c1f24;border-bottom-color:#2e333a}
header.bar .user,.crumbs,.note,ul.pages .en{color:#a3a9b1}
.card{background:#1c1f24;border-color:#2e333a;box-shadow:none}
input[type=text],input[type=password]{background:#121417;color:#e3e5e8;border-color:#4a515a}
button.secondary,.button.secondary{background:#1c1f24;color:#e3e5e8;border-color:#4a515a}
a{color:#8ab4f8}
.qr{background:#17191d;border-color:#3a4048}
.qr img{border-color:#2e333a}
.secret{background:#2a2e35}
.alert.error{background:#3b1d1b;border-color:#7a3029;color:#f4b4ad}
.alert.ok{background:#16301f;border-color:#2f6b43;color:#a6dcb6}
table.props th,table.props td{border-color:#2e333a}
table.props th{background:#23272d}
footer{color:#6d737b}
}
`;

export interface PageOptions {
  title: string;
  body: string;
  brand?: Brand;
  /** Text at the right of the header bar (e.g. the masked admin login). */
  user?: string;
  /** Breadcrumb line above the card. */
  crumbs?: string;
  /** Inline script placed at the end of the body. */
  script?: string;
  /** A narrow column (login prompts) instead of the usual one (settings pages). */
  narrow?: boolean;
  /** A wider column, for pages with wide illustrations. */
  wide?: boolean;
  /** Extra CSS for this page's own elements. */
  style?: string;
  /** Follow the system's dark mode (`prefers-color-scheme: dark`). */
  darkScheme?: boolean;
  /** A document shown inside another page's iframe: no header bar, no footer, little margin. */
  framed?: boolean;
}

/** A complete HTML document in Japanese with the vendor header bar and a centred content column. */
export function page(opts: PageOptions): string {
  const {
    title,
    body,
    brand = DEMO_BRAND,
    user,
    crumbs,
    script,
    narrow,
    wide,
    style = '',
    darkScheme,
    framed,
  } = opts;
  const column = framed ? ' class="framed"' : narrow ? ' class="narrow"' : wide ? ' class="wide"' : '';
  const bar = framed
    ? ''
    : `<header class="bar">
  <span class="mark" aria-hidden="true">${esc(brand.mark)}</span>
  <span class="name">${esc(brand.name)}</span>
  <span class="badge">デモ</span>
  ${user ? `<span class="user">${esc(user)}</span>` : ''}
</header>`;
  const footer = framed
    ? ''
    : '<footer>このページは Sekimori のテスト用デモです。実在のサービスではありません。</footer>';
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${darkScheme ? 'light dark' : 'light'}">
<title>${esc(title)} | ${esc(brand.name)}</title>
<style>:root{--accent:${brand.accent}}${CSS}${style}${darkScheme ? DARK_CSS : ''}</style>
</head>
<body>
${bar}
<main${column}>
${crumbs ? `<div class="crumbs">${esc(crumbs)}</div>` : ''}
${body}
</main>
${footer}
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

/** The `#result` banner of a rejected code (empty when there is no error), as tests and people read it. */
export function errorAlert(error?: string): string {
  return error ? `<div class="alert error" id="result" data-ok="false" role="alert">${esc(error)}</div>` : '';
}

/** The `#result` banner of an accepted code. */
export function okAlert(text: string): string {
  return `<div class="alert ok" id="result" data-ok="true" role="status">${esc(text)}</div>`;
}
