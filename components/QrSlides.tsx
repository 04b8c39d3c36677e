/**
 * QR codes shown one after another, large enough for a phone camera: "1 / 3", Previous and Next, and the ← and
 * → keys while the viewer has focus (it takes focus when it appears).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';
import { QrCode } from './QrCode';

export function QrSlides({ texts }: { texts: readonly string[] }) {
  const t = useT();
  const [index, setIndex] = useState(0);
  const viewer = useRef<HTMLDivElement>(null);
  const count = texts.length;
  const at = Math.min(index, count - 1);
  const position = [String(at + 1), String(count)];
  const go = (to: number) => setIndex(Math.max(0, Math.min(count - 1, to)));

  useEffect(() => viewer.current?.focus(), []);

  if (count === 0) return null;
  return (
    <div
      ref={viewer}
      class="qr-slides"
      tabIndex={-1}
      role="group"
      aria-label={t('qr_slides_label')}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') go(at - 1);
        else if (e.key === 'ArrowRight') go(at + 1);
        else return;
        e.preventDefault();
      }}
    >
      <QrCode text={texts[at]!} label={t('qr_slide_label', position)} />
      {count > 1 ? (
        <div class="qr-nav">
          <button type="button" onClick={() => go(at - 1)} disabled={at === 0}>
            <span aria-hidden="true">←</span> {t('button_previous')}
          </button>
          <span class="qr-position" aria-live="polite">
            {t('qr_position', position)}
          </span>
          <button type="button" onClick={() => go(at + 1)} disabled={at === count - 1}>
            {t('button_next')} <span aria-hidden="true">→</span>
          </button>
        </div>
      ) : null}
      {count > 1 ? <p class="hint center">{t('qr_keys_hint')}</p> : null}
    </div>
  );
}
