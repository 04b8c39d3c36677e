/**
 * Where an export file comes in: a labelled button opening the file picker (any file, several images at once)
 * and a zone that takes dropped files, highlighted while files are dragged over it. The file input exists only
 * while the picker is open, so the page keeps a single standing one (Add from image's).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';
import { carriesFiles } from './image-input';

export interface ImportDropZoneProps {
  busy: boolean;
  onFiles: (files: File[]) => void;
  buttonRef?: { current: HTMLButtonElement | null };
}

/** Every file of a drop or paste. */
export function filesOf(data: DataTransfer | null | undefined): File[] {
  if (!data) return [];
  const files = Array.from(data.files ?? []);
  for (const item of Array.from(data.items ?? [])) {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    if (file && !files.includes(file)) files.push(file);
  }
  return files;
}

export function ImportDropZone({ busy, onFiles, buttonRef }: ImportDropZoneProps) {
  const t = useT();
  const zone = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);
  const latest = useRef({ busy, onFiles });
  latest.current = { busy, onFiles };

  useEffect(() => {
    // Listened to directly, as in DropZone: the DOM names these events in lower case.
    const el = zone.current;
    if (!el) return;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = latest.current.busy ? 'none' : 'copy';
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget instanceof Node && el.contains(e.relatedTarget)) return;
      setOver(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const files = filesOf(e.dataTransfer);
      if (files.length > 0 && !latest.current.busy) latest.current.onFiles(files);
    };
    const listeners = { dragenter: enter, dragover: enter, dragleave: leave, drop } as const;
    for (const [type, listener] of Object.entries(listeners))
      el.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of Object.entries(listeners))
        el.removeEventListener(type, listener as EventListener);
    };
  }, []);

  function choose() {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    input.tabIndex = -1;
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      if (files.length > 0) latest.current.onFiles(files);
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
