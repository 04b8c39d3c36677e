/** The unlocked popup: the account list, the add/edit form, and the actions on accounts. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CodeView, VaultStatus } from '@/lib/messages';
import { RemoteError } from '@/lib/messages';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { useClient } from './client-context';
import { rowLabel } from './code-list-dom';
import { errorText, useT } from './i18n';
import { LockIcon, PlusIcon } from './icons';
import { Toast, type ToastState } from './Toast';
import { useCodes } from './use-codes';

export interface VaultProps {
  readOnly: boolean;
  recovered: boolean;
  onLock: () => void;
  /** The vault stopped being unlocked (locked elsewhere, or damaged). */
  onStatus: (status: VaultStatus) => void;
  /** Puts a code on the clipboard and arranges for it to be cleared later. */
  copy: (code: string) => Promise<'copied' | 'copied-no-clear'>;
  initialCodes?: CodeView[] | null;
}

type View = { name: 'list' } | { name: 'add' } | { name: 'edit'; id: string };

const TOAST_MS = 10_000;

export function Vault({ readOnly, recovered, onLock, onStatus, copy, initialCodes = null }: VaultProps) {
  const t = useT();
  const client = useClient();
  const { accounts, error, refresh } = useCodes(initialCodes, onStatus);
  const [view, setView] = useState<View>({ name: 'list' });
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastState | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function show(next: ToastState | null) {
    clearTimeout(toastTimer.current);
    setToast(next);
    if (next) toastTimer.current = setTimeout(() => setToast(null), TOAST_MS);
  }
  useEffect(() => () => clearTimeout(toastTimer.current), []);

  const fail = (e: unknown) => show({ text: errorText(t, e instanceof RemoteError ? e.code : 'internal') });

  const handlers = useMemo(
    () => ({
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
    }),
    [client, copy, refresh, t],
  );

  if (view.name !== 'list') {
    const existing = view.name === 'edit' ? accounts?.find((a) => a.id === view.id) : undefined;
    return (
      <AccountForm
        existing={existing}
        onCancel={() => setView({ name: 'list' })}
        onSaved={(id, label) => {
          setView({ name: 'list' });
          setHighlightId(id);
          void refresh();
          show({ text: t('saved_toast', label) });
        }}
      />
    );
  }

  return (
    <div class="vault">
      <header class="bar">
        <span class="brand">
          <img src="/icon/32.png" width="18" height="18" alt="" />
          {t('popup_title')}
        </span>
        <button
          type="button"
          class="primary small"
          disabled={readOnly}
          onClick={() => setView({ name: 'add' })}
        >
          <PlusIcon /> {t('button_add_account')}
        </button>
        <button type="button" class="small" onClick={onLock}>
          <LockIcon /> {t('button_lock')}
        </button>
      </header>
      {recovered ? (
        <p class="banner warn">{t('recovered_banner')}</p>
      ) : readOnly ? (
        <p class="banner warn">{t('readonly_banner')}</p>
      ) : null}
      {error ? <p class="banner error">{errorText(t, error)}</p> : null}
      {accounts ? (
        <AccountList accounts={accounts} highlightId={highlightId} readOnly={readOnly} handlers={handlers} />
      ) : null}
      <Toast toast={toast} />
    </div>
  );
}
