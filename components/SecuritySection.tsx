/**
 * "Security" (options page, `#security`): when Sekimori locks by itself, passkeys, the password, what the organisation set,
 * and the check of this computer's clock that codes depend on. Stored settings Sekimori cannot confirm it saved
 * (lib/keeper/settings/local-tags.ts) are not used, and said here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IgnoredSetting } from '@/lib/messages';
import { AutoLockCard } from './AutoLockCard';
import { ChangePasswordCard } from './ChangePasswordCard';
import { useClient } from './client-context';
import { ClockCard } from './ClockCard';
import { useT } from './i18n';
import { PasskeysCard } from './PasskeysCard';
import { PolicyCard } from './PolicyCard';
import { usePolicy } from './policy-context';

const IGNORED_TEXT: Record<IgnoredSetting, string> = {
  lock: 'settings_ignored_lock',
  clock: 'settings_ignored_clock',
};

export function SecuritySection() {
  const t = useT();
  const client = useClient();
  const policy = usePolicy();
  const [ignored, setIgnored] = useState<IgnoredSetting[]>([]);
  // A password change removes every passkey: the list is read again.
  const [passwordChanges, setPasswordChanges] = useState(0);
  useEffect(() => {
    client.call('settings.ignored', {}).then(
      ({ ignored }) => setIgnored(ignored),
      () => undefined,
    );
  }, [client]);
  return (
    <section id="security" class="options-section" aria-labelledby="security-title">
      <h2 id="security-title">{t('security_title')}</h2>
      <p class="muted">{t('security_intro')}</p>
      {ignored.map((item) => (
        <p key={item} class="banner warn" role="alert">
          {t(IGNORED_TEXT[item])}
        </p>
      ))}
      <AutoLockCard />
      <PasskeysCard key={passwordChanges} />
      <ChangePasswordCard onChanged={() => setPasswordChanges((n) => n + 1)} />
      {policy ? <PolicyCard policy={policy} /> : null}
      <ClockCard />
    </section>
  );
}
