import { createContext } from 'preact';

/**
 * The tab the popup acts on. `popup.html?tab=<id>` names one explicitly (a popped-out window, tests);
 * otherwise null means "the active tab of the current window".
 */
export const TargetTabContext = createContext<number | null>(null);

export function parseTargetTab(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
