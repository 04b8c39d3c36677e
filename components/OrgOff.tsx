/** What a card shows instead of its form when the organisation's policy turned the feature off. */
import { useT } from './i18n';

export function OrgOff() {
  const t = useT();
  return <p class="banner org-off">{t('policy_turned_off')}</p>;
}
