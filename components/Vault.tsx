/** The unlocked popup: the account list, the add/edit form, and the actions on accounts. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackupState, CodeView, RecoveryInfo, TabContext, VaultStatus } from '@/lib/messages';
import { RemoteError, type ErrorCode } from '@/lib/messages';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { BackupReminder } from './BackupReminder';
import { SyncLine } from './SyncLine';
import { useClient } from './client-context';
import { rowLabel } from './code-list-dom';
import { errorText, useT } from './i18n';
import { PlusIcon, ScanIcon } from './icons';
import { PopupMenu, type MenuItem } from './PopupMenu';
import { FillPrompt, type FillQuestion } from './FillPrompt';
import { RecoveredCopy } from './RecoveredCopy';
import { ScanProblem } from './ScanProblem';
import { Toast, type ToastState } from './Toast';
import { useCodes } from './use-codes';

export interface VaultProps {
  readOnly: boolean;
  recovered: boolean;
  /** With `recovered`: which copy is shown, and whether it can be restored. */
  recovery?: RecoveryInfo;
  onLock: () => void;
  /** The vault stopped being unlocked (locked elsewhere, or damaged). */
  onStatus: (status: VaultStatus) => void;
  /** Puts a code on the clipboard and arranges for it to be cleared later. */
  copy: (code: string) => Promise<'copied' | 'copied-no-clear'>;
  initialCodes?: CodeView[] | null;
  /** Accounts to show highlighted at first (just added by a scan). */
  initialHighlight?: readonly string[];
  /** A message to show at first (what a finished scan added). */
  initialNotice?: string | null;
  /** Starts a scan of the page (the popup closes while the user selects). */
  scan: () => Promise<void>;
  /** Opens the options page at "Add from image". */
  openAddFromImage: () => void;
  /** How well the accounts are backed up (from `codes.list`); undefined: the reminder asks for it. */
  backup?: BackupState | null;
  /** Opens the options page at "Back up and export" (the backup reminder's button, the menu). */
  openBackup?: () => void;
  /** Options → Sync (the popup's sync line). */
  openSync?: () => void;
  /** Opens the options page (the menu's Settings). */
  openSettings?: () => void;
  /** Opens the options page at "Import accounts" (the menu). */
  openImport?: () => void;
  /** The popup's tab, once known: when it is a web page, rows offer "Fill". */
  tab?: TabContext | null;
  /** After a successful fill (the toolbar popup closes). */
  afterFill?: () => void;
}

interface Pending {
  question: FillQuestion;
  view: CodeView;
  allowOtherOrigin: boolean;
}

type View = { name: 'list' } | { name: 'add' } | { name: 'edit'; id: string };

const TOAST_MS = 10_000;

const NO_IDS: readonly string[] = [];

export function Vault({
  readOnly,
  recovered,
  recovery,
  onLock,
  onStatus,
  copy,
  initialCodes = null,
  initialHighlight = NO_IDS,
  initialNotice = null,
  scan,
  openAddFromImage,
  backup,
  openBackup,
  openSync,
  openSettings,
  openImport,
  tab = null,
  afterFill = () => undefined,
}: VaultProps) {
  const t = useT();
  const client = useClient();
  const { accounts, error, refresh } = useCodes(initialCodes, onStatus);
  const [view, setView] = useState<View>({ name: 'list' });
  const [highlightIds, setHighlightIds] = useState<readonly string[]>(initialHighlight);
  const [toast, setToast] = useState<ToastState | null>(initialNotice ? { text: initialNotice } : null);
  const [scanProblem, setScanProblem] = useState<ErrorCode | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const site = tab?.origin && tab.documentId ? tab.origin : null;
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function show(next: ToastState | null) {
    clearTimeout(toastTimer.current);
    setToast(next);
    if (next) toastTimer.current = setTimeout(() => setToast(null), TOAST_MS);
  }
  useEffect(() => {
    if (initialNotice) toastTimer.current = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(toastTimer.current);
  }, []);

  const startScan = () => {
    setScanProblem(null);
    scan().catch((e: unknown) => setScanProblem(e instanceof RemoteError ? e.code : 'internal'));
  };

  const fail = (e: unknown) => show({ text: errorText(t, e instanceof RemoteError ? e.code : 'internal') });

  /** One fill attempt; the background says whether the user must answer something first. */
  async function fill(view: CodeView, allowOtherOrigin: boolean, allowEmailCode: boolean, bind: boolean) {
    if (!tab?.origin || !tab.documentId) return;
    const label = rowLabel(view);
    try {
      if (bind) await client.call('account.bind', { id: view.id, origin: tab.origin });
      const outcome = await client.call('fill.code', {
        id: view.id,
        tabId: tab.tabId,
        documentId: tab.documentId,
        origin: tab.origin,
        frames: tab.frames,
        allowOtherOrigin: allowOtherOrigin || bind,
        allowEmailCode,
      });
      setPending(null);
      switch (outcome.result) {
        case 'filled':
          if (bind) void refresh();
          show({ text: t('filled_toast', label) });
          return afterFill();
        case 'confirm-origin':
          return setPending({
            question: {
              kind: 'origin',
              label,
              origin: outcome.origin,
              accountOrigins: outcome.accountOrigins,
            },
            view,
            allowOtherOrigin: false,
          });
        case 'confirm-email-code':
        case 'confirm-sms-code':
          return setPending({
            question: { kind: outcome.result === 'confirm-sms-code' ? 'sms' : 'email', label },
            view,
            allowOtherOrigin: allowOtherOrigin || bind,
          });
        case 'no-field':
          await copy(outcome.code);
          return show({ text: t('fill_no_field_copied') });
        case 'not-taken':
          await copy(outcome.code);
          return show({ text: t('fill_not_taken_copied') });
      }
    } catch (e) {
      setPending(null);
      fail(e);
    }
  }

  const handlers = useMemo(
    () => ({
      onFill: (view: CodeView) => void fill(view, false, false, false),
      onCopy: (code: string) =>
        void copy(code).then(
          (result) => show({ text: t(result === 'copied' ? 'copied_toast' : 'copied_no_clear') }),
          () => show({ text: t('copy_failed') }),
        ),
      onEdit: (id: string) => setView({ name: 'edit', id }),
      onDelete: (row: CodeView) =>
        void client.call('account.delete', { id: row.id }).then(async () => {
          await refresh();
          show({
            text: t('deleted_toast', rowLabel(row)),
            action: {
              label: t('button_undo'),
              run: () =>
                void client
                  .call('account.restore', { id: row.id })
                  .then(() => refresh())
                  .then(() => show(null), fail),
            },
          });
        }, fail),
      onNextHotp: (id: string) => void client.call('hotp.next', { id }).then(() => refresh(), fail),
      onMove: (row: CodeView, to: number) =>
        client.call('account.move', { id: row.id, to }).then(async ({ position }) => {
          await refresh();
          show({ text: t('moved_toast', [rowLabel(row), String(position + 1)]) });
        }, fail),
    }),
    [client, copy, refresh, t, tab],
  );

  const menuItems: MenuItem[] = [
    ...(openSettings ? [{ label: t('menu_settings'), run: openSettings }] : []),
    ...(openImport && !readOnly ? [{ label: t('menu_import'), run: openImport }] : []),
    ...(openBackup ? [{ label: t('menu_backup'), run: openBackup }] : []),
    ...(!readOnly ? [{ label: t('menu_add_from_image'), run: openAddFromImage }] : []),
    ...(!readOnly && (accounts?.length ?? 0) > 1
      ? [
          {
            label: t('menu_sort'),
            run: () =>
              void client.call('accounts.sort', {}).then(async () => {
                await refresh();
                show({ text: t('sorted_toast') });
              }, fail),
          },
        ]
      : []),
    { label: t('button_lock'), run: onLock },
  ];

  if (view.name !== 'list') {
    const existing = view.name === 'edit' ? accounts?.find((a) => a.id === view.id) : undefined;
    return (
      <AccountForm
        existing={existing}
        site={site}
        onCancel={() => setView({ name: 'list' })}
        onSaved={(id, label) => {
          setView({ name: 'list' });
          setHighlightIds([id]);
          void refresh();
          show({ text: t('saved_toast', label) });
        }}
      />
    );
  }

  return (
    <div class="vault">
      <header class="bar">
        <span class="brand">{t('popup_title')}</span>
        <button type="button" class="primary small scan" disabled={readOnly} onClick={startScan}>
          <ScanIcon /> {t('button_scan')}
        </button>
        <button
          type="button"
          class="icon-text quiet"
          aria-label={t('button_add_account')}
          title={t('button_add_account')}
          disabled={readOnly}
          onClick={() => setView({ name: 'add' })}
        >
          <PlusIcon />
        </button>
        <PopupMenu items={menuItems} />
      </header>
      {recovered ? (
        <RecoveredCopy recovery={recovery} onRestored={onStatus} />
      ) : readOnly ? (
        <p class="banner warn">{t('readonly_banner')}</p>
      ) : null}
      {error ? <p class="banner error">{errorText(t, error)}</p> : null}
      <ScanProblem code={scanProblem} onAddFromImage={openAddFromImage} />
      {pending ? (
        <FillPrompt
          question={pending.question}
          onCancel={() => setPending(null)}
          onFill={(bind) =>
            void (pending.question.kind === 'origin'
              ? fill(pending.view, true, false, bind)
              : fill(pending.view, pending.allowOtherOrigin, true, false))
          }
        />
      ) : null}
      {accounts && accounts.length > 0 ? <BackupReminder state={backup} openBackup={openBackup} /> : null}
      {readOnly ? null : <SyncLine openSync={openSync} />}
      {accounts ? (
        <AccountList
          accounts={accounts}
          highlightIds={highlightIds}
          site={site}
          readOnly={readOnly}
          handlers={handlers}
          empty={
            readOnly
              ? undefined
              : { scan: startScan, import: openImport, type: () => setView({ name: 'add' }) }
          }
        />
      ) : null}
      <Toast toast={toast} />
    </div>
  );
}
