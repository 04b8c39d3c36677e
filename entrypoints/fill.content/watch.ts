/** Waiting for a login page's code field to appear (pages often render it late), then asking once. */
import { findCodeTarget, isAutoFillable, type Measure } from '@/lib/autofill';

/** How long a page is watched for its code field after it loads. */
export const WATCH_MS = 2 * 60_000;
const SETTLE_MS = 150;

export interface WatchOptions {
  /** Geometry (tests without layout); `getBoundingClientRect` by default. */
  measure?: Measure;
  watchMs?: number;
}

/**
 * Calls `ask` once, when a fillable field is there; stops watching after `watchMs` or on pagehide. Returns a
 * function that stops it early.
 */
export function watchForCodeField(doc: Document, ask: () => unknown, options: WatchOptions = {}): () => void {
  const timers = globalThis;
  let asked = false;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => schedule());
  const stop = () => {
    observer.disconnect();
    if (pending !== undefined) timers.clearTimeout(pending);
    timers.clearTimeout(deadline);
    doc.defaultView?.removeEventListener('pagehide', stop);
  };
  const check = () => {
    pending = undefined;
    const target = findCodeTarget(doc, { focused: doc.activeElement, measure: options.measure });
    if (asked || !isAutoFillable(target)) return;
    asked = true;
    stop();
    ask();
  };
  function schedule() {
    if (pending === undefined && !asked) pending = timers.setTimeout(check, SETTLE_MS);
  }
  const deadline = timers.setTimeout(stop, options.watchMs ?? WATCH_MS);
  observer.observe(doc, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'disabled'],
  });
  doc.defaultView?.addEventListener('pagehide', stop);
  check();
  return stop;
}
