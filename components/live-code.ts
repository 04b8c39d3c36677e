import type { CodeView } from '@/lib/messages';

/** In the last seconds of a step the next code is shown beside the current one. */
export const NEXT_CODE_SHOWN_S = 5;

/** What a row shows at `now`: past the end of the step the next code is already known (a refresh follows). */
export function currentCode(view: CodeView, now: number): { code: string; remaining: number; next: string } {
  if (view.validUntilMs === 0) return { code: view.code, remaining: 0, next: '' };
  const periodMs = view.period * 1000;
  if (now >= view.validUntilMs) {
    return { code: view.next, remaining: Math.ceil((view.validUntilMs + periodMs - now) / 1000), next: '' };
  }
  return { code: view.code, remaining: Math.ceil((view.validUntilMs - now) / 1000), next: view.next };
}
