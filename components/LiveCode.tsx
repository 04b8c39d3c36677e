/**
 * The part of a row that changes every second: the code, the countdown and, in the last seconds, the next
 * code. Only this re-renders on each tick, not the whole row or list.
 */
import type { CodeView } from '@/lib/messages';
import { Countdown } from './Countdown';
import { codeGroups } from './display-text';
import { useT } from './i18n';
import { useNow } from './ticker';

export const NEXT_CODE_SHOWN_S = 5;

export function currentCode(view: CodeView, now: number): { code: string; remaining: number; next: string } {
  if (view.validUntilMs === 0) return { code: view.code, remaining: 0, next: '' };
  const periodMs = view.period * 1000;
  // Past the end of the step the next code is already known; the list is refreshed right after.
  if (now >= view.validUntilMs) {
    return { code: view.next, remaining: Math.ceil((view.validUntilMs + periodMs - now) / 1000), next: '' };
  }
  return { code: view.code, remaining: Math.ceil((view.validUntilMs - now) / 1000), next: view.next };
}

/**
 * A code shown grouped (`123 456`) by spacing the groups with CSS, so its text stays the plain code: what is
 * copied, read aloud and matched is `123456`.
 */
export function CodeText({ code }: { code: string }) {
  return (
    <span class="code-digits">
      {codeGroups(code).map((group, i) => (
        <span key={i}>{group}</span>
      ))}
    </span>
  );
}

export function LiveCode({
  view,
  label,
  onCopy,
}: {
  view: CodeView;
  label: string;
  onCopy: (code: string) => void;
}) {
  const t = useT();
  const now = useNow();
  const { code, remaining, next } = currentCode(view, now);
  return (
    <div class="live">
      <button type="button" class="code" aria-label={t('copy_label', label)} onClick={() => onCopy(code)}>
        <CodeText code={code} />
      </button>
      <Countdown remaining={remaining} period={view.period} />
      {next && remaining <= NEXT_CODE_SHOWN_S ? (
        <span class="next-code">{t('next_code', codeGroups(next).join(' '))}</span>
      ) : null}
    </div>
  );
}
