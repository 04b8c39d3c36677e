/**
 * What the organisation set for Sekimori (managed storage), in words; and, for the administrator, the keys it
 * gave that could not be used and are ignored. Shown only when there is something to say.
 */
import type { Policy } from '@/lib/policy/policy';
import { useT } from './i18n';
import { policyLines } from './security-text';

export function PolicyCard({ policy }: { policy: Policy }) {
  const t = useT();
  if (policy.managed.length === 0 && policy.ignored.length === 0) return null;
  return (
    <section class="options-card" aria-labelledby="policy-title">
      <h3 id="policy-title">
        {t('policy_title')} <span class="tag org">{t('policy_badge')}</span>
      </h3>
      {policy.managed.length > 0 ? (
        <>
          <p class="muted">{t('policy_intro')}</p>
          <ul class="policy-list">
            {policyLines(t, policy).map(({ key, text }) => (
              <li key={key}>
                {text}
                {key === 'AllowedFillOrigins' && policy.allowedFillOrigins?.length ? (
                  <ul class="policy-origins">
                    {policy.allowedFillOrigins.map((origin) => (
                      <li key={origin}>
                        <code>{origin}</code>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">{t('policy_none_applied')}</p>
      )}
      {policy.ignored.length > 0 ? (
        <p class="hint policy-ignored">
          {t('policy_ignored')}{' '}
          {policy.ignored.map((key, i) => (
            <span key={key}>
              {i > 0 ? ', ' : ''}
              <code>{key}</code>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
