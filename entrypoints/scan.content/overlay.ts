/**
 * The drag-select overlay: the page dimmed, a crosshair, a hint; the user drags a rectangle around the QR
 * code. Only trusted (real user) events count; Esc cancels. Resolves with the rectangle in viewport CSS
 * pixels — after the overlay has been removed and a frame without it painted, so the screenshot that
 * follows does not show it — or null when cancelled.
 */
import type { Rect } from '@/lib/qr/rgba-image';
import { element, mountPageUi } from './page-ui';

/** Smaller drags are slips, not selections. */
const MIN_DRAG_PX = 8;
const DIM = 'rgba(10, 14, 20, 0.45)';

const CSS = `
.veil { position: fixed; inset: 0; cursor: crosshair; background: ${DIM}; outline: none; touch-action: none; }
.veil.dragging { background: transparent; }
.sel { position: fixed; border: 2px solid #7fa6f0; box-shadow: 0 0 0 100vmax ${DIM}; pointer-events: none; }
.sel[hidden] { display: none; }
.hint { position: fixed; top: 16px; left: 50%; transform: translateX(-50%); pointer-events: none; }
`;

export interface OverlayText {
  brand: string;
  hint: string;
  /** Why the user is asked (again): nothing found, several codes, not an authenticator key… */
  problem?: string;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Two frames: one without the overlay has been committed, so a screenshot taken now does not show it. */
export async function overlayGone(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

export function selectRegion(text: OverlayText): Promise<Rect | null> {
  const ui = mountPageUi(CSS, { inset: '0' });
  const veil = element('div', 'veil');
  veil.tabIndex = -1;
  const sel = element('div', 'sel');
  sel.hidden = true;
  const hint = element('div', 'hint pill');
  hint.setAttribute('role', 'status');
  hint.append(element('span', 'brand', text.brand), text.hint);
  if (text.problem) hint.append(element('span', 'problem', text.problem));
  ui.root.append(veil, sel, hint);
  veil.focus({ preventScroll: true });

  return new Promise((resolve) => {
    let start: { x: number; y: number } | null = null;
    let current: Rect = { x: 0, y: 0, width: 0, height: 0 };

    const rectTo = (x: number, y: number): Rect => ({
      x: Math.min(start!.x, x),
      y: Math.min(start!.y, y),
      width: Math.abs(x - start!.x),
      height: Math.abs(y - start!.y),
    });
    const draw = (r: Rect) => {
      Object.assign(sel.style, {
        left: `${r.x}px`,
        top: `${r.y}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
      });
    };
    const finish = (result: Rect | null) => {
      window.removeEventListener('keydown', onKey, true);
      ui.remove();
      resolve(result);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!e.isTrusted || e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      finish(null);
    };

    veil.addEventListener('pointerdown', (e) => {
      if (!e.isTrusted || e.button !== 0) return;
      e.preventDefault();
      start = { x: e.clientX, y: e.clientY };
      current = rectTo(e.clientX, e.clientY);
      veil.setPointerCapture(e.pointerId);
      veil.classList.add('dragging');
      sel.hidden = false;
      draw(current);
    });
    veil.addEventListener('pointermove', (e) => {
      if (!e.isTrusted || !start) return;
      current = rectTo(e.clientX, e.clientY);
      draw(current);
    });
    veil.addEventListener('pointerup', (e) => {
      if (!e.isTrusted || !start) return;
      current = rectTo(e.clientX, e.clientY);
      start = null;
      if (current.width < MIN_DRAG_PX || current.height < MIN_DRAG_PX) {
        veil.classList.remove('dragging');
        sel.hidden = true;
        return;
      }
      finish(current);
    });
    window.addEventListener('keydown', onKey, true);
  });
}
