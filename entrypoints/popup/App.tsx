/** The popup's top level: picks the screen for the vault's state. */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { BackupState, CodeView, ResponseOf, TabContext, VaultStatus } from '@/lib/messages';
import { TargetTabContext } from '@/components/target-tab';
import { RemoteError, type ErrorCode } from '@/lib/messages';
import { useClient } from '@/components/client-context';
import { CreateVault } from '@/components/CreateVault';
import { errorText, useT } from '@/components/i18n';
import { Unlock } from '@/components/Unlock';
import { Vault } from '@/components/Vault';

export interface AppProps {
  copy: (code: string) => Promise<'copied' | 'copied-no-clear'>;
  /** Starts a scan of the target tab (the popup closes while the user selects). */
  scan: () => Promise<void>;
  openAddFromImage: () => void;
  /** Opens the options page at "Back up and export" (the backup reminder, the menu). */
  openBackup?: () => void;
  openSync?: () => void;
  /** Opens the options page, at its top or at "Import accounts" (the menu). */
  openSettings?: () => void;
  openImport?: () => void;
  /** After a successful fill: the toolbar popup closes (a popup in a tab stays). */
  afterFill?: () => void;
  /** The start-up `codes.list` call, when the caller already made it. */
  firstList?: Promise<ResponseOf<'codes.list'>>;
  /** Its answer, when it came before the first render: then the first frame already shows the codes. */
  initialList?: ResponseOf<'codes.list'>;
  /**
   * `initialList` came from the code sheet (lib/protocol/code-sheet.ts): the background's answer still follows,
   * and replaces it if it says anything else (locked meanwhile, a new account to highlight, other codes).
   */
  provisional?: boolean;
}

interface Loaded {
  status: VaultStatus;
  codes: CodeView[] | null;
  highlight?: readonly string[];
  notice?: string | null;
  /** From `codes.list`; undefined after an unlock (the reminder asks for it then). */
  backup?: BackupState | null;
}

function loaded(r: ResponseOf<'codes.list'>): Loaded {
  return {
    status: r.status,
    codes: r.status.vault === 'unlocked' ? r.accounts : null,
    highlight: r.highlight,
    backup: r.backup,
  };
}

/** The background's answer says nothing the provisional list did not (same state, codes and labels). */
function sameList(shown: ResponseOf<'codes.list'>, answer: ResponseOf<'codes.list'>): boolean {
  const { status } = answer;
  if (status.vault !== 'unlocked' || status.readOnly || status.recovered) return false;
  if (answer.highlight.length > 0) return false;
  const seen = ({ accounts, backup }: ResponseOf<'codes.list'>) => JSON.stringify([accounts, backup]);
  return seen(shown) === seen(answer);
}

export function App({
  copy,
  scan,
  openAddFromImage,
  openBackup,
  openSync,
  openSettings,
  openImport,
  afterFill,
  firstList,
  initialList,
  provisional = false,
}: AppProps) {
  const t = useT();
  const client = useClient();
  const [state, setState] = useState<Loaded | null>(() => (initialList ? loaded(initialList) : null));
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  /** Changes when the background's answer replaced a provisional list: the list starts again from it. */
  const [generation, setGeneration] = useState(0);
  const targetTab = useContext(TargetTabContext);
  const [tab, setTab] = useState<TabContext | null>(null);
  const unlockedNow = state?.status.vault === 'unlocked';

  // Which page the popup is over (for "This site" and "Fill"): asked once the codes are on screen.
  useEffect(() => {
    if (!unlockedNow) return;
    client
      .call('tab.context', targetTab === null ? {} : { tabId: targetTab })
      .then(setTab, () => setTab(null));
  }, [client, targetTab, unlockedNow]);

  useEffect(() => {
    if (initialList && !provisional) return;
    // One round trip at start-up: the vault's state and, when unlocked, the codes.
    (firstList ?? client.call('codes.list', {})).then(
      (r) => {
        if (initialList && sameList(initialList, r)) return;
        setGeneration((g) => g + 1);
        setState(loaded(r));
      },
      (e: unknown) => setFailure(e instanceof RemoteError ? e.code : 'internal'),
    );
  }, [client, firstList, initialList, provisional]);

  const settle = (status: VaultStatus) => setState({ status, codes: null });
  /** After unlocking: a scan that found the vault locked is finished now, without scanning again. */
  const unlocked = (status: VaultStatus) => {
    if (status.vault !== 'unlocked') return settle(status);
    client.call('enrol.pending', {}).then(
      (result) =>
        setState({
          status,
          codes: null,
          highlight: result?.added ?? [],
          notice: result ? pendingNotice(t, result.labels, result.duplicates) : null,
        }),
      (e: unknown) =>
        setState({
          status,
          codes: null,
          notice: errorText(t, e instanceof RemoteError ? e.code : 'internal'),
        }),
    );
  };

  if (failure) return <p class="banner error">{errorText(t, failure)}</p>;
  if (!state) return <div class="loading" aria-busy="true" />;
  switch (state.status.vault) {
    case 'absent':
      return <CreateVault onDone={settle} />;
    case 'locked':
      return <Unlock onDone={unlocked} scan={scan} openAddFromImage={openAddFromImage} />;
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
          key={generation}
          readOnly={state.status.readOnly}
          recovered={state.status.recovered}
          recovery={state.status.recovery}
          initialCodes={state.codes}
          initialHighlight={state.highlight}
          initialNotice={state.notice}
          copy={copy}
          scan={scan}
          openAddFromImage={openAddFromImage}
          backup={state.backup}
          openBackup={openBackup}
          openSync={openSync}
          openSettings={openSettings}
          openImport={openImport}
          tab={tab}
          afterFill={afterFill}
          onStatus={settle}
          onLock={() => void client.call('vault.lock', {}).then(settle)}
        />
      );
  }
}

function pendingNotice(
  t: (key: string, subs?: string | string[]) => string,
  labels: string[],
  duplicates: number,
) {
  if (labels.length === 0) return duplicates > 0 ? t('scan_already_all') : null;
  return t('pending_added', labels.join(', '));
}
