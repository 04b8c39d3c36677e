/**
 * Sentences of the options page's Security section: lengths of time, the clock check's result, the organisation's
 * policy in words, and error codes read in their context.
 */
import type { ClockState, ErrorCode } from '@/lib/messages';
import type { ManagedPolicy, Policy } from '@/lib/policy/policy';
import { countText } from './backup-text';
import { errorText, type Translate } from './i18n';

/** "1 minute", "30 minutes", "1 hour", "4 hours" (whole hours from 60 minutes on). */
export function minutesText(t: Translate, minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0
    ? countText(t, 'duration_hours', minutes / 60)
    : countText(t, 'duration_minutes', minutes);
}

/** Codes that mean the same on the whole options page (see backup-text.ts). */
const PAGE: Partial<Record<ErrorCode, string>> = {
  locked: 'add_image_locked',
  'no-vault': 'add_image_no_vault',
};

/** Changing the password: a wrong password is the current one. */
export function passwordErrorText(t: Translate, code: ErrorCode, minLength: number): string {
  if (code === 'password-too-short') return t('change_password_too_short', String(minLength));
  if (code === 'wrong-password') return t('change_password_wrong_current');
  const key = PAGE[code];
  return key ? t(key) : errorText(t, code);
}

/** The measured difference, rounded to whole seconds; 0 within half a second. */
export const offsetSeconds = (offsetMs: number) => Math.round(Math.abs(offsetMs) / 1000);

/** About how far the measurement can be off: half the round trip plus the Date header's whole second. */
export const accuracySeconds = (roundTripMs: number | null) =>
  Math.max(1, Math.round(((roundTripMs ?? 0) / 2 + 1000) / 1000));

/** "This computer's clock is 42 s behind https://…" (or ahead, or agrees). */
export function offsetText(t: Translate, clock: ClockState): string {
  const server = clock.server ?? '';
  const offset = clock.offsetMs ?? 0;
  const seconds = offsetSeconds(offset);
  if (seconds === 0) return t('clock_same', server);
  // Positive: the server is ahead of this computer, so this computer is behind.
  return t(offset > 0 ? 'clock_behind' : 'clock_ahead', [String(seconds), server]);
}

/** When the measurement was taken, in the page's language. */
export function measuredText(ms: number, lang = document.documentElement.lang || undefined): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/** A typed clock-check address that will not do (checked in the page, before anything is sent). */
export type ClockAddressProblem = 'site-invalid' | 'https-only';

/** The clock check's errors (and a typed address that will not do). */
export function clockErrorText(t: Translate, code: ErrorCode | ClockAddressProblem): string {
  if (code === 'site-invalid') return t('error_site_invalid');
  if (code === 'https-only') return t('clock_https_only');
  return errorText(t, code);
}

/** One sentence per setting the organisation made, in the order of the policy's keys. */
export function policyLines(t: Translate, policy: Policy): { key: keyof ManagedPolicy; text: string }[] {
  const line = (key: keyof ManagedPolicy): string => {
    switch (key) {
      case 'MinimumPasswordLength':
        return t('policy_min_password', String(policy.minPasswordLength));
      case 'MaximumAutoLockMinutes':
        return t('policy_max_idle', minutesText(t, policy.maxAutoLockMinutes ?? 0));
      case 'DisablePlaintextExport':
        return t(policy.disablePlaintextExport ? 'policy_plaintext_off' : 'policy_plaintext_on');
      case 'DisableImportExport':
        return t(policy.disableImportExport ? 'policy_import_export_off' : 'policy_import_export_on');
      case 'AllowedFillOrigins':
        return policy.allowedFillOrigins && policy.allowedFillOrigins.length > 0
          ? t('policy_fill_origins')
          : t('policy_fill_nowhere');
      case 'DisablePasskeyUnlock':
        return t(policy.disablePasskeyUnlock ? 'policy_passkeys_off' : 'policy_passkeys_on');
      case 'DisableSync':
        return t(policy.disableSync ? 'policy_sync_off' : 'policy_sync_on');
      case 'RequirePasskeyUserVerification':
        return t(
          policy.requirePasskeyUserVerification
            ? 'policy_passkey_uv_required'
            : 'policy_passkey_uv_preferred',
        );
    }
  };
  return policy.managed.map((key) => ({ key, text: line(key) }));
}
