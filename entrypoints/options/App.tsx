/** The options page: for now one section, "Add from image" (the popup links to options.html#add-from-image). */
import { useEffect } from 'preact/hooks';
import { AddFromImage, type AddFromImageProps } from '@/components/AddFromImage';
import { useT } from '@/components/i18n';

export function App(props: AddFromImageProps) {
  const t = useT();
  useEffect(() => {
    // The section is rendered after load, so the browser's own jump to the #fragment missed it.
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
      </header>
      <main class="options-main">
        <AddFromImage {...props} />
      </main>
    </>
  );
}
