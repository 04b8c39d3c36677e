/**
 * No QR code on screen yet — a console's enrolment page often shows it only after its own button: a banner says so
 * and the page stays usable (nothing dims it). Whenever the page changes and then shows square images, a new
 * screenshot is taken and read: never two within CAPTURE_GAP_MS (the browser allows two a second), and at most
 * MAX_WAIT_CAPTURES in all (the scan's own limit stays the background's). Esc or Cancel ends it; "Select it myself"
 * hands over to the drag overlay.
 */
import { findCandidateRects, pickCandidates } from '@/lib/qr/candidates';
import { element, mountPageUi } from './page-ui';

export const CAPTURE_GAP_MS = 600;
const SETTLE_MS = 250;
const MAX_WAIT_CAPTURES = 8;
export const WAIT_MS = 2 * 60_000;

const CSS = `
.bar { position: absolute; inset: 0; display: flex; justify-content: center; align-items: flex-start; }
.pill { pointer-events: auto; display: flex; flex-direction: column; gap: 8px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button { all: unset; cursor: pointer; padding: 4px 10px; border-radius: 6px; font-size: 13px; background: #2c3440; color: #fff; }
button.main { background: #2f6fde; }
button:focus-visible { outline: 2px solid #7fa6f0; outline-offset: 1px; }
`;

export type WaitOutcome<T> =
  { kind: 'found'; value: T } | { kind: 'select' } | { kind: 'cancel' } | { kind: 'timeout' };

export interface WaitOptions<T> {
  brand: string;
  text: string;
  selectLabel: string;
  cancelLabel: string;
  /** Whether the page now shows something worth a screenshot (pictures where a code could be). */
  ready: () => boolean;
  /** A screenshot of the page now, read: a value when it holds what is looked for, else null. */
  look: () => Promise<T | null>;
  waitMs?: number;
}

const squaresOnScreen = () =>
  pickCandidates(findCandidateRects(document), { width: innerWidth, height: innerHeight }).length > 0;

export function waitForCode<T>(options: WaitOptions<T>): Promise<WaitOutcome<T>> {
  const ui = mountPageUi(CSS, {
    top: '12px',
    left: '0',
    right: '0',
    height: '140px',
    'pointer-events': 'none',
  });
  const bar = element('div', 'bar');
  const pill = element('div', 'pill');
  pill.setAttribute('role', 'status');
  const text = element('div', '');
  text.append(element('span', 'brand', options.brand), element('span', '', options.text));
  const actions = element('div', 'actions');
  const select = element('button', 'main', options.selectLabel);
  const cancel = element('button', '', options.cancelLabel);
  actions.append(select, cancel);
  pill.append(text, actions);
  bar.append(pill);
  ui.root.append(bar);

  return new Promise((resolve) => {
    let done = false;
    let captures = 0;
    let lastCapture = 0;
    let looking = false;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: WaitOutcome<T>) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(settle);
      clearTimeout(timeout);
      removeEventListener('keydown', onKey, true);
      document.removeEventListener('load', onChange, true);
      ui.remove();
      resolve(outcome);
    };
    const lookNow = async () => {
      if (done || looking || !(squaresOnScreen() || options.ready())) return;
      const wait = lastCapture + CAPTURE_GAP_MS - Date.now();
      if (wait > 0) return void (settle = setTimeout(() => void lookNow(), wait));
      if (captures >= MAX_WAIT_CAPTURES) return finish({ kind: 'select' });
      looking = true;
      captures += 1;
      lastCapture = Date.now();
      // Our banner is in the screenshot too: it is small, at the top, and no square image.
      const value = await options.look().catch(() => null);
      looking = false;
      if (value !== null) finish({ kind: 'found', value });
    };
    const onChange = (event?: Event) => {
      if (done || (event?.target instanceof Node && ui.host.contains(event.target))) return;
      clearTimeout(settle);
      settle = setTimeout(() => void lookNow(), SETTLE_MS);
    };
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !ui.host.contains(r.target))) onChange();
    });
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['src', 'srcset', 'style', 'class', 'hidden', 'width', 'height', 'open'],
    });
    // An image whose pixels arrive later changes nothing in the DOM.
    document.addEventListener('load', onChange, true);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.isTrusted) finish({ kind: 'cancel' });
    };
    addEventListener('keydown', onKey, true);
    select.addEventListener('click', (event) => event.isTrusted && finish({ kind: 'select' }));
    cancel.addEventListener('click', (event) => event.isTrusted && finish({ kind: 'cancel' }));
    const timeout = setTimeout(() => finish({ kind: 'timeout' }), options.waitMs ?? WAIT_MS);
  });
}
