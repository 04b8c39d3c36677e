/**
 * The options page: Add from image (the popup links to options.html#add-from-image), Import accounts (#import)
 * and Back up and export (#backup, where the popup's backup reminder leads).
 */
import { useEffect, useState } from 'preact/hooks';
import { AddFromImage } from '@/components/AddFromImage';
import { BackupSection } from '@/components/BackupSection';
import { useT } from '@/components/i18n';
import type { ReadImage } from '@/components/image-to-rgba';
import { ImportSection } from '@/components/ImportSection';

export interface OptionsAppProps {
  /** Image file -> pixels; the canvas version by default (tests pass a PNG decoder). */
  readImage?: ReadImage;
}

const SECTIONS = [
  ['add-from-image', 'add_image_title'],
  ['import', 'import_title'],
  ['backup', 'backup_title'],
] as const;

export function App(props: OptionsAppProps) {
  const t = useT();
  const [imports, setImports] = useState(0);
  useEffect(() => {
    // The sections are rendered after load, so the browser's own jump to the #fragment missed them.
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return (
    <>
      <header class="bar options-bar">
        <span class="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          {t('options_title')}
        </span>
        <nav class="options-nav" aria-label={t('options_nav_label')}>
          {SECTIONS.map(([id, key]) => (
            <a key={id} href={`#${id}`}>
              {t(key)}
            </a>
          ))}
        </nav>
      </header>
      <main class="options-main">
        <AddFromImage {...props} />
        <ImportSection {...props} onImported={() => setImports((n) => n + 1)} />
        <BackupSection accountsVersion={imports} />
      </main>
    </>
  );
}
