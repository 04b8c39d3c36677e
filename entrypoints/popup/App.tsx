/** The popup's top level: picks the screen for the vault's state. */
import { useEffect, useState } from 'preact/hooks';
import type { CodeView, ResponseOf, VaultStatus } from '@/lib/messages';
import { RemoteError } from '@/lib/messages';
import { useClient } from '@/components/client-context';
import { CreateVault } from '@/components/CreateVault';
import { errorText, useT } from '@/components/i18n';
import { Unlock } from '@/components/Unlock';
import { Vault } from '@/components/Vault';

export interface AppProps {
  copy: (code: string) => Promise<'copied' | 'copied-no-clear'>;
  /** The start-up `codes.list` call, when the caller already made it. */
  firstList?: Promise<ResponseOf<'codes.list'>>;
}

interface Loaded {
  status: VaultStatus;
  codes: CodeView[] | null;
}

export function App({ copy, firstList }: AppProps) {
  const t = useT();
  const client = useClient();
  const [state, setState] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    // One round trip at start-up: the vault's state and, when unlocked, the codes.
    (firstList ?? client.call('codes.list', {})).then(
      (r) => setState({ status: r.status, codes: r.status.vault === 'unlocked' ? r.accounts : null }),
      (e: unknown) => setFailure(e instanceof RemoteError ? e.code : 'internal'),
    );
  }, [client, firstList]);

  const settle = (status: VaultStatus) => setState({ status, codes: null });

  if (failure) return <p class="banner error">{errorText(t, failure)}</p>;
  if (!state) return <div class="loading" aria-busy="true" />;
  switch (state.status.vault) {
    case 'absent':
      return <CreateVault onDone={settle} />;
    case 'locked':
      return <Unlock onDone={settle} />;
    case 'unreadable':
      return (
        <section class="panel" aria-labelledby="unreadable-title">
          <h1 id="unreadable-title">{t('unreadable_title')}</h1>
          <p>{t('unreadable_body')}</p>
        </section>
      );
    case 'unlocked':
      return (
        <Vault
          readOnly={state.status.readOnly}
          recovered={state.status.recovered}
          initialCodes={state.codes}
          copy={copy}
          onStatus={settle}
          onLock={() => void client.call('vault.lock', {}).then(settle)}
        />
      );
  }
}
