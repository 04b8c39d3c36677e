/**
 * The options page: Add from image (the popup links to options.html#add-from-image), Import accounts (#import),
 * Back up and export (#backup, where the popup's backup reminder leads), Sync (#sync) and Security (#security). The
 * organisation's policy is read once here; the sections show what it turned off or set.
 */
import { useEffect, useState } from 'preact/hooks';
import { AddFromImage } from '@/components/AddFromImage';
import { BackupSection } from '@/components/BackupSection';
import { useClient } from '@/components/client-context';
import { useT } from '@/components/i18n';
import type { ReadImage } from '@/components/image-to-rgba';
import { ImportSection } from '@/components/ImportSection';
import { PolicyContext } from '@/components/policy-context';
import { LanguagePicker, type LanguageStore } from '@/components/LanguagePicker';
import { SecuritySection } from '@/components/SecuritySection';
import { SyncSection } from '@/components/SyncSection';
import type { Policy } from '@/lib/policy/policy';

export interface OptionsAppProps {
  /** Image file -> pixels; the canvas version by default (tests pass a PNG decoder). */
  readImage?: ReadImage;
  /** The pages' language setting (absent: not offered). */
  language?: LanguageStore;
}

const SECTIONS = [
  ['add-from-image', 'add_image_title'],
  ['import', 'import_title'],
  ['backup', 'backup_title'],
  ['sync', 'sync_title'],
  ['security', 'security_title'],
] as const;

export function App(props: OptionsAppProps) {
  const t = useT();
  const client = useClient();
  const [imports, setImports] = useState(0);
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    // Not known (or not readable): the forms show, and the background still enforces the policy.
    client.call('policy.get', {}).then(setPolicy, () => undefined);
  }, [client]);
  useEffect(() => {
    // The sections are rendered after load, so the browser's own jump to the #fragment missed them.
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return (
    <PolicyContext.Provider value={policy}>
      <header class="bar options-bar">
        <span class="brand">{t('options_title')}</span>
        <nav class="options-nav" aria-label={t('options_nav_label')}>
          {SECTIONS.map(([id, key]) => (
            <a key={id} href={`#${id}`}>
              {t(key)}
            </a>
          ))}
        </nav>
        {props.language ? <LanguagePicker store={props.language} /> : null}
      </header>
      <main class="options-main">
        <AddFromImage {...props} />
        <ImportSection {...props} onImported={() => setImports((n) => n + 1)} />
        <BackupSection accountsVersion={imports} />
        <SyncSection />
        <SecuritySection />
      </main>
    </PolicyContext.Provider>
  );
}
