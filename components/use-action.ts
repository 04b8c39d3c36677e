import { useState } from 'preact/hooks';
import { RemoteError, type ErrorCode } from '@/lib/messages';

/** Runs an async action once at a time, exposing `busy` and the error code of the last failure. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof RemoteError ? e.code : 'internal');
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
