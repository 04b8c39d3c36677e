// @vitest-environment happy-dom
/**
 * The Security section says when stored lock or clock settings were ignored (no valid tag: written behind
 * Sekimori's back, or kept from a version before tags; see lib/keeper/settings/local-tags.ts), in English and Japanese, and
 * says nothing when every stored setting is Sekimori's own.
 */
import { cleanup, configure, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { realClient } from '../support/real-client';
import { PASSWORD, tr, type Lang } from './options-harness';
import { mountSecurity } from './security-harness';

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

async function background() {
  const bg = realClient();
  await bg.client.call('vault.create', { password: PASSWORD });
  return bg;
}

describe('Security: ignored settings', () => {
  it.each(['en', 'ja'] as const)(
    '%s: a forged idle lock and clock are named, each once',
    async (lang: Lang) => {
      const bg = await background();
      await bg.local.set({
        settings: { idleLockMinutes: 0, maxUnlockedHours: 24, lockOnScreenLock: false },
        clock: {
          server: 'https://clp.trendmicro.com',
          offsetMs: 86_400_000,
          roundTripMs: 9,
          measuredAt: 1,
          apply: true,
        },
      });
      mountSecurity(bg.client, { lang });
      await waitFor(() => expect(screen.getByText(tr(lang, 'settings_ignored_lock'))).toBeTruthy());
      expect(screen.getByText(tr(lang, 'settings_ignored_clock')).getAttribute('role')).toBe('alert');
    },
  );

  it('settings saved through Sekimori: no such sentence', async () => {
    const bg = await background();
    await bg.client.call('settings.set', { idleLockMinutes: 0 });
    mountSecurity(bg.client);
    await screen.findByText(tr('en', 'autolock_intro'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(tr('en', 'settings_ignored_lock'))).toBeNull();
    expect(screen.queryByText(tr('en', 'settings_ignored_clock'))).toBeNull();
  });
});
