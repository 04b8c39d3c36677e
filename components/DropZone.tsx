/**
 * Where an image comes in: a labelled button opening the file picker, and a zone that takes a dropped file
 * (highlighted while a file is dragged over it). The file input itself stays hidden behind the button.
 */
import { useRef } from 'preact/hooks';
import { useT } from './i18n';
import { pickFile } from './image-input';
import { useFileDrop } from './use-file-drop';

export interface DropZoneProps {
  busy: boolean;
  onFile: (file: File) => void;
  /** Focus lands here after a save, ready for the next image. */
  buttonRef?: { current: HTMLButtonElement | null };
}

export function DropZone({ busy, onFile, buttonRef }: DropZoneProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const zone = useRef<HTMLDivElement>(null);
  const over = useFileDrop(zone, busy, (data) => {
    const file = pickFile(data);
    if (file) onFile(file);
  });

  return (
    <div ref={zone} class={over ? 'drop-zone over' : 'drop-zone'} aria-busy={busy}>
      <svg class="drop-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3" />
        <path d="M9 9h2v2H9zM13 13h2v2h-2zM13 9h2M9 15h2" />
      </svg>
      <p class="drop-title">{t('add_image_drop')}</p>
      <button
        type="button"
        class="primary"
        ref={buttonRef}
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {t('add_image_choose')}
      </button>
      <p class="hint">{t('add_image_paste_hint')}</p>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so choosing the same file again (the next QR code saved under the same name) still fires.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
