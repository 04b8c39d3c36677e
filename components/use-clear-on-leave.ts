/**
 * Secrets on screen (QR codes of keys) go away when the user leaves: the tab is hidden (another tab, the window
 * minimised) or the page is unloaded or put in the back/forward cache.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useClearOnLeave(active: boolean, clear: () => void): void {
  const latest = useRef(clear);
  latest.current = clear;
  useEffect(() => {
    if (!active) return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') latest.current();
    };
    const onPageHide = () => latest.current();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [active]);
}
