/**
 * The pages' language (options page header): the browser's, 日本語 or English. A change reloads the page in the
 * new language; the popup uses it from its next opening. Language names are written in their own language.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LanguageSetting } from '@/lib/platform/i18n';
import { useT } from './i18n';

export type { LanguageSetting };

export interface LanguageStore {
  read(): Promise<LanguageSetting>;
  write(value: LanguageSetting): Promise<void>;
}

export function LanguagePicker({
  store,
  reload = () => location.reload(),
}: {
  store: LanguageStore;
  reload?: () => void;
}) {
  const t = useT();
  const [value, setValue] = useState<LanguageSetting | null>(null);
  useEffect(() => {
    store.read().then(setValue, () => setValue('browser'));
  }, [store]);
  if (value === null) return null;
  return (
    <label class="language-picker">
      <span>{t('label_language')}</span>
      <select
        value={value}
        onChange={(event) => {
          const next = event.currentTarget.value as LanguageSetting;
          setValue(next);
          void store.write(next).then(reload);
        }}
      >
        <option value="browser">{t('language_browser')}</option>
        <option value="ja" lang="ja">
          日本語
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </label>
  );
}
