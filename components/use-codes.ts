import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CodeView, VaultStatus } from '@/lib/messages';
import { RemoteError, type ErrorCode } from '@/lib/messages';
import { useClient } from './client-context';

/**
 * The accounts with their codes, fetched from the background once and then again only when a code
 * changes (the earliest end of a time step), never on every tick.
 */
export function useCodes(initial: CodeView[] | null, onStatus: (status: VaultStatus) => void) {
  const client = useClient();
  const [accounts, setAccounts] = useState<CodeView[] | null>(initial);
  const [error, setError] = useState<ErrorCode | null>(null);

  const refresh = useCallback(async () => {
    try {
      const result = await client.call('codes.list', {});
      if (result.status.vault !== 'unlocked') return onStatus(result.status);
      setAccounts(result.accounts);
      setError(null);
    } catch (e) {
      setError(e instanceof RemoteError ? e.code : 'internal');
    }
  }, [client]);

  useEffect(() => {
    if (accounts === null) void refresh();
  }, [accounts, refresh]);

  useEffect(() => {
    if (!accounts) return;
    const ends = accounts.map((a) => a.validUntilMs).filter((ms) => ms > 0);
    if (ends.length === 0) return;
    const delay = Math.max(0, Math.min(...ends) - Date.now()) + 50;
    const timer = setTimeout(() => void refresh(), delay);
    return () => clearTimeout(timer);
  }, [accounts, refresh]);

  return { accounts, error, refresh };
}
