/** The strength meter of the forms that choose a password, and its words (`empty`: shown before any typing). */
import type { ComponentChildren } from 'preact';
import { useT } from './i18n';
import { passwordStrength } from './password-strength';

export function StrengthMeter({ password, empty }: { password: string; empty?: ComponentChildren }) {
  const t = useT();
  const strength = passwordStrength(password);
  return (
    <>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={strength} aria-hidden="true" />{' '}
      {password ? t('strength_label', t(`strength_${strength}`)) : empty}
    </>
  );
}
