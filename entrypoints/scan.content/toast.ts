/**
 * A small confirmation on the page after a scan: counts and names only, never a secret. Its host is a box of
 * fixed size and place for every outcome, kept for a fixed time (the message inside goes earlier, or when closed),
 * so neither its geometry nor its lifetime tells the page how the scan went.
 */
import { element, mountPageUi } from './page-ui';

const CSS = `
.frame { position: absolute; inset: 0; display: flex; align-items: flex-end; justify-content: flex-end; }
.toast { display: flex; gap: 10px; align-items: flex-start; pointer-events: auto; max-height: 100%; overflow: auto; }
.toast.error .brand { color: #ffb4a8; }
.lines { display: flex; flex-direction: column; gap: 2px; }
button { all: unset; cursor: pointer; color: #c9d2de; padding: 0 4px; border-radius: 4px; font-size: 16px; line-height: 1.2; }
button:focus-visible { outline: 2px solid #7fa6f0; }
`;

/** The host's box: the same for every toast (clicks go through it; only the message itself takes them). */
export const TOAST_BOX = {
  right: '16px',
  bottom: '16px',
  width: '480px',
  height: '220px',
  'max-width': 'calc(100vw - 32px)',
  'max-height': 'calc(100vh - 32px)',
  'pointer-events': 'none',
};

const SHOWN_MS = 8000;
/** How long the host stays on the page, whatever it shows (a message is never shown longer). */
export const TOAST_HOST_MS = 15_000;

export function showToast(
  brand: string,
  lines: string[],
  opts: { error?: boolean; closeLabel: string },
): void {
  const ui = mountPageUi(CSS, TOAST_BOX);
  const frame = element('div', 'frame');
  const box = element('div', `toast pill${opts.error ? ' error' : ''}`);
  box.setAttribute('role', opts.error ? 'alert' : 'status');
  const text = element('div', 'lines');
  text.append(element('span', 'brand', brand), ...lines.map((line) => element('span', 'line', line)));
  const close = element('button', 'close', '×');
  close.setAttribute('aria-label', opts.closeLabel);
  close.addEventListener('click', () => frame.remove());
  box.append(text, close);
  frame.append(box);
  ui.root.append(frame);
  const shownMs = Math.min(TOAST_HOST_MS, SHOWN_MS + 1000 * Math.max(0, lines.length - 1));
  setTimeout(() => frame.remove(), shownMs);
  setTimeout(() => ui.remove(), TOAST_HOST_MS);
}
