/** A small confirmation on the page after a scan: counts and names only, never a secret. */
import { element, mountPageUi } from './page-ui';

const CSS = `
.toast { display: flex; gap: 10px; align-items: flex-start; }
.toast.error .brand { color: #ffb4a8; }
.lines { display: flex; flex-direction: column; gap: 2px; }
button { all: unset; cursor: pointer; color: #c9d2de; padding: 0 4px; border-radius: 4px; font-size: 16px; line-height: 1.2; }
button:focus-visible { outline: 2px solid #7fa6f0; }
`;

const SHOWN_MS = 8000;

export function showToast(
  brand: string,
  lines: string[],
  opts: { error?: boolean; closeLabel: string },
): void {
  const ui = mountPageUi('sekimori-toast', CSS, { right: '16px', bottom: '16px' });
  const box = element('div', `toast pill${opts.error ? ' error' : ''}`);
  box.setAttribute('role', opts.error ? 'alert' : 'status');
  const text = element('div', 'lines');
  text.append(element('span', 'brand', brand), ...lines.map((line) => element('span', 'line', line)));
  const close = element('button', 'close', '×');
  close.setAttribute('aria-label', opts.closeLabel);
  close.addEventListener('click', () => ui.remove());
  box.append(text, close);
  ui.root.append(box);
  setTimeout(() => ui.remove(), SHOWN_MS + 1000 * Math.max(0, lines.length - 1));
}
