/** The unlocked view's list: search (when there are many), rows, and the empty state. */
import { useMemo, useState } from 'preact/hooks';
import type { CodeView } from '@/lib/messages';
import { CodeRow, type CodeRowProps } from './CodeRow';
import { searchKey } from './display-text';
import { useT } from './i18n';

export const SEARCH_FROM = 6;

type RowHandlers = Omit<CodeRowProps, 'view' | 'highlighted' | 'readOnly'>;

export function AccountList({
  accounts,
  highlightId,
  readOnly,
  handlers,
}: {
  accounts: CodeView[];
  highlightId: string | null;
  readOnly: boolean;
  handlers: RowHandlers;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const keys = useMemo(() => accounts.map((a) => searchKey(`${a.issuer} ${a.account}`)), [accounts]);
  const needle = searchKey(query.trim());
  const shown = needle ? accounts.filter((_, i) => keys[i]!.includes(needle)) : accounts;

  if (accounts.length === 0) {
    return (
      <section class="empty" aria-labelledby="empty-title">
        <h1 id="empty-title">{t('empty_title')}</h1>
        <p class="muted">{t('empty_body')}</p>
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
            autofocus
            placeholder={t('search_placeholder')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      ) : null}
      <ul class="list" aria-label={t('accounts_label')}>
        {shown.map((view) => (
          <CodeRow
            key={view.id}
            view={view}
            highlighted={view.id === highlightId}
            readOnly={readOnly}
            {...handlers}
          />
        ))}
      </ul>
      {shown.length === 0 ? <p class="muted center">{t('no_results', query.trim())}</p> : null}
    </>
  );
}
