import type { ErrorCode } from '@/lib/messages';
import { errorText, useT } from './i18n';

export function FieldError({ id, code }: { id: string; code: ErrorCode | null }) {
  const t = useT();
  if (!code) return null;
  return (
    <p id={id} class="error" role="alert">
      {errorText(t, code)}
    </p>
  );
}
