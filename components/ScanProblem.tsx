/** Why a scan could not start (a browser page, the web store…), with the way out: "Add from image". */
import type { ErrorCode } from '@/lib/messages';
import { errorText, useT } from './i18n';

export function ScanProblem({
  code,
  onAddFromImage,
}: {
  code: ErrorCode | null;
  onAddFromImage: () => void;
}) {
  const t = useT();
  if (!code) return null;
  return (
    <div class="banner error" role="alert">
      <p>{errorText(t, code)}</p>
      <button type="button" class="small" onClick={onAddFromImage}>
        {t('button_add_from_image')}
      </button>
    </div>
  );
}
