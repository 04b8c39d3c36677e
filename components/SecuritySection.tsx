/**
 * "Security" (options page, `#security`): when Sekimori locks by itself, the password, what the organisation set,
 * and the check of this computer's clock that codes depend on.
 */
import { AutoLockCard } from './AutoLockCard';
import { ChangePasswordCard } from './ChangePasswordCard';
import { ClockCard } from './ClockCard';
import { useT } from './i18n';
import { PolicyCard } from './PolicyCard';
import { usePolicy } from './policy-context';

export function SecuritySection() {
  const t = useT();
  const policy = usePolicy();
  return (
    <section id="security" class="options-section" aria-labelledby="security-title">
      <h2 id="security-title">{t('security_title')}</h2>
      <p class="muted">{t('security_intro')}</p>
      <AutoLockCard />
      <ChangePasswordCard />
      {policy ? <PolicyCard policy={policy} /> : null}
      <ClockCard />
    </section>
  );
}
