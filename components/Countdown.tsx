/** A ring that empties over the time step, with the seconds left as its accessible name. */
import { useT } from './i18n';

export function Countdown({ remaining, period }: { remaining: number; period: number }) {
  const t = useT();
  const r = 9;
  const circumference = 2 * Math.PI * r;
  const fraction = Math.max(0, Math.min(1, remaining / period));
  return (
    <span
      class={remaining <= 5 ? 'countdown urgent' : 'countdown'}
      role="timer"
      aria-label={t('seconds_left', String(remaining))}
    >
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
        <circle class="track" cx="12" cy="12" r={r} />
        <circle
          class="left"
          cx="12"
          cy="12"
          r={r}
          stroke-dasharray={circumference.toFixed(2)}
          stroke-dashoffset={(circumference * (1 - fraction)).toFixed(2)}
        />
      </svg>
      <span class="seconds" aria-hidden="true">
        {remaining}
      </span>
    </span>
  );
}
