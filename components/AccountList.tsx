/**
 * The unlocked view's list: search (when there are many), rows, and the empty state. One click handler
 * serves every row (`data-action` on the button, `data-id` on the row).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CodeView } from '@/lib/messages';
import { CodeListDom, showTooltip, type RowState } from './code-list-dom';
import { searchKey } from '@/lib/otp/display-text';
import { useT } from './i18n';
import { ScanIcon } from './icons';
import { subscribeSeconds } from './ticker';

/** Row buttons are told apart by their class (one click handler serves every row). */
const ROW_ACTIONS = ['code', 'edit', 'delete', 'confirm-delete', 'cancel-delete', 'next', 'fill'] as const;

export const SEARCH_FROM = 6;

/** What the empty vault offers, in this order: scanning, importing, typing a key. */
export interface EmptyActions {
  scan: () => void;
  import?: () => void;
  type: () => void;
}

export interface ListHandlers {
  /** Moves the account to `to` in the list as the background gives it (pinned first); resolves once shown. */
  onMove: (view: CodeView, to: number) => Promise<void>;
  onCopy: (code: string) => void;
  onEdit: (id: string) => void;
  onDelete: (view: CodeView) => void;
  onNextHotp: (id: string) => void;
  onFill: (view: CodeView) => void;
}

export function AccountList({
  accounts,
  highlightIds,
  site,
  readOnly,
  handlers,
  empty,
}: {
  accounts: CodeView[];
  /** Accounts just added (a save, a scan): marked, and the first one scrolled into view. */
  highlightIds: readonly string[];
  /** The web origin of the popup's tab, when it can be filled: its accounts come first, rows offer "Fill". */
  site: string | null;
  readOnly: boolean;
  handlers: ListHandlers;
  /** The empty vault's actions (none while read-only). */
  empty?: EmptyActions;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listDom = useRef<CodeListDom | null>(null);
  const lastConfirming = useRef<string | null>(null);
  const needle = searchKey(query.trim());

  // Keyboard users land on "Delete" when asked, and back on the row's bin when the question goes away.
  useEffect(() => {
    const row = (id: string | null) => listRef.current?.querySelector(`li[data-id="${id}"]`);
    if (confirmingId) row(confirmingId)?.querySelector<HTMLElement>('.confirm-delete')?.focus();
    else row(lastConfirming.current)?.querySelector<HTMLElement>('.delete')?.focus();
    lastConfirming.current = confirmingId;
  }, [confirmingId]);
  // Searched only when someone types: no index is built on the popup's start-up path.
  const shown = useMemo(() => {
    const found = needle
      ? accounts.filter((a) => searchKey(`${a.issuer} ${a.account}`).includes(needle))
      : accounts;
    if (!site) return found;
    // "This site" first: the accounts bound to the tab's exact origin, in their usual order.
    return [
      ...found.filter((a) => a.origins.includes(site)),
      ...found.filter((a) => !a.origins.includes(site)),
    ];
  }, [accounts, needle, site]);
  const siteCount = useMemo(
    () => (site ? shown.filter((a) => a.origins.includes(site)).length : 0),
    [shown, site],
  );
  const rows = useMemo(
    () =>
      shown.map((view, index): RowState => ({
        view,
        highlighted: highlightIds.includes(view.id),
        readOnly,
        confirming: view.id === confirmingId,
        fillable: site !== null,
        thisSite: index < siteCount,
        siteEnd: index === siteCount - 1 && siteCount < shown.length,
      })),
    [shown, highlightIds, readOnly, confirmingId, site, siteCount],
  );

  useLayoutEffect(() => {
    if (!listRef.current) return;
    const dom = new CodeListDom(listRef.current, t);
    listDom.current = dom;
    return () => dom.destroy();
  }, [t, accounts.length === 0]);
  useLayoutEffect(() => listDom.current?.sync(rows, Date.now()), [rows, t, accounts.length === 0]);
  useEffect(() => subscribeSeconds((now) => listDom.current?.tick(now)), []);
  useLayoutEffect(() => {
    const first = highlightIds[0];
    if (first === undefined) return;
    const row = listRef.current?.querySelector(`li[data-id="${CSS.escape(first)}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [highlightIds]);
  // Typing goes straight to the search box; focused after the first paint, so the codes show first.
  useEffect(() => searchRef.current?.focus(), []);

  /** After a move the row keeps the keyboard focus (the same button, in its new place). */
  const refocus = useRef<{ id: string; button: string } | null>(null);
  useLayoutEffect(() => {
    const again = refocus.current;
    if (!again) return;
    refocus.current = null;
    listRef.current
      ?.querySelector<HTMLElement>(`li[data-id="${CSS.escape(again.id)}"] button.${again.button}`)
      ?.focus();
  }, [rows]);

  function move(id: string, to: number, button: string | null) {
    const view = accounts.find((a) => a.id === id);
    if (!view || readOnly || to < 0 || to >= accounts.length) return;
    // Taken up by the first rendering of the new order (the row element moves, and a moved element loses focus).
    refocus.current = button ? { id, button } : null;
    void handlers.onMove(view, to);
  }

  /** Alt+↑ / Alt+↓ on a row moves it one place up or down (in the list's own order, pinned ones first). */
  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const button = (event.target as Element).closest<HTMLButtonElement>('li[data-id] button');
    const id = button?.closest<HTMLElement>('li[data-id]')?.dataset.id;
    const index = accounts.findIndex((a) => a.id === id);
    if (!id || index < 0) return;
    event.preventDefault();
    const action = ROW_ACTIONS.find((a) => button?.classList.contains(a)) ?? 'code';
    move(id, index + (event.key === 'ArrowUp' ? -1 : 1), action);
  }

  /** Dragging a row onto another puts it in that row's place. */
  const dragged = useRef<string | null>(null);
  function onDragStart(event: DragEvent) {
    const id = (event.target as Element).closest?.<HTMLElement>('li[data-id]')?.dataset.id;
    if (!id || readOnly) return event.preventDefault();
    dragged.current = id;
    event.dataTransfer?.setData('text/plain', '');
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }
  function dropTarget(event: DragEvent): HTMLElement | null {
    return (event.target as Element).closest?.<HTMLElement>('li[data-id]') ?? null;
  }
  function onDragOver(event: DragEvent) {
    if (dragged.current === null || !dropTarget(event)) return;
    event.preventDefault();
    for (const li of listRef.current?.querySelectorAll('li.drop-target') ?? [])
      li.classList.remove('drop-target');
    dropTarget(event)!.classList.add('drop-target');
  }
  function onDrop(event: DragEvent) {
    const target = dropTarget(event);
    const id = dragged.current;
    dragged.current = null;
    for (const li of listRef.current?.querySelectorAll('li.drop-target') ?? [])
      li.classList.remove('drop-target');
    if (!target || !id) return;
    event.preventDefault();
    const to = accounts.findIndex((a) => a.id === target.dataset.id);
    if (target.dataset.id !== id) move(id, to, null);
  }

  function onClick(event: MouseEvent) {
    const button = (event.target as Element).closest<HTMLButtonElement>('li[data-id] button');
    const id = button?.closest<HTMLElement>('li[data-id]')?.dataset.id;
    const view = accounts.find((a) => a.id === id);
    const action = ROW_ACTIONS.find((a) => button?.classList.contains(a));
    if (!button || button.disabled || !view || !action) return;
    switch (action) {
      case 'code':
        return handlers.onCopy(button.textContent ?? '');
      case 'edit':
        return handlers.onEdit(view.id);
      case 'delete':
        return setConfirmingId(view.id);
      case 'cancel-delete':
        return setConfirmingId(null);
      case 'confirm-delete':
        setConfirmingId(null);
        return handlers.onDelete(view);
      case 'next':
        return handlers.onNextHotp(view.id);
      case 'fill':
        return handlers.onFill(view);
    }
  }

  if (accounts.length === 0) {
    return (
      <section class="empty" aria-labelledby="empty-title">
        <h1 id="empty-title">{t('empty_title')}</h1>
        <p class="muted">{t('empty_body')}</p>
        {empty ? (
          <div class="empty-actions">
            <button type="button" class="primary" onClick={empty.scan}>
              <ScanIcon /> {t('button_scan')}
            </button>
            {empty.import ? (
              <button type="button" onClick={empty.import}>
                {t('empty_import')}
              </button>
            ) : null}
            <button type="button" class="link" onClick={empty.type}>
              {t('empty_type')}
            </button>
          </div>
        ) : null}
      </section>
    );
  }

  return (
    <>
      {accounts.length >= SEARCH_FROM ? (
        <div class="search">
          <label for="search" class="sr-only">
            {t('label_search')}
          </label>
          <input
            id="search"
            type="search"
            ref={searchRef}
            placeholder={t('search_placeholder')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      ) : null}
      {site && siteCount > 0 ? <p class="site-caption">{t('this_site', new URL(site).host)}</p> : null}
      <ul
        class="list"
        ref={listRef}
        aria-label={t('accounts_label')}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onDragEnd={() => (dragged.current = null)}
        onMouseOver={showTooltip}
        onFocusIn={showTooltip}
      />
      {shown.length === 0 ? <p class="muted center">{t('no_results', query.trim())}</p> : null}
    </>
  );
}
