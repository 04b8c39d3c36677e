/**
 * Where an export file comes in: a labelled button opening the file picker (any file, several images at once)
 * and a zone that takes dropped files, highlighted while files are dragged over it. The file input exists only
 * while the picker is open, so the page keeps a single standing one (Add from image's).
 */
import { useRef } from 'preact/hooks';
import { useT } from './i18n';
import { filesOf } from './image-input';
import { useFileDrop } from './use-file-drop';

export interface ImportDropZoneProps {
  busy: boolean;
  onFiles: (files: File[]) => void;
  buttonRef?: { current: HTMLButtonElement | null };
}

export function ImportDropZone({ busy, onFiles, buttonRef }: ImportDropZoneProps) {
  const t = useT();
  const zone = useRef<HTMLDivElement>(null);
  const latest = useRef(onFiles);
  latest.current = onFiles;
  const over = useFileDrop(zone, busy, (data) => {
    const files = filesOf(data);
    if (files.length > 0) onFiles(files);
  });

  function choose() {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    input.tabIndex = -1;
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      if (files.length > 0) latest.current(files);
    });
    input.addEventListener('cancel', () => input.remove());
    document.body.append(input);
    input.click();
  }

  return (
    <div ref={zone} class={over ? 'drop-zone over' : 'drop-zone'} aria-busy={busy}>
      <svg class="drop-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
        <path d="M14 3v5h5M12 11v6M9 14l3 3 3-3" />
      </svg>
      <p class="drop-title">{t('import_drop')}</p>
      <button type="button" class="primary" ref={buttonRef} disabled={busy} onClick={choose}>
        {t('import_choose')}
      </button>
      <p class="hint">{t('import_drop_hint')}</p>
    </div>
  );
}
