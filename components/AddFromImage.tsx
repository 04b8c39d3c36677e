/**
 * "Add from image" (options page): a screenshot or photo of a QR code comes in by file picker, drop or paste;
 * its QR code is decoded here (lib/qr), then the background previews and saves what it holds. The text of the
 * QR code goes only to the background; nothing secret comes back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EnrolPreview, EnrolResult } from '@/lib/messages';
import { ERRORS, RemoteError, type ErrorCode } from '@/lib/messages';
import { sharedQrDecoder } from '@/lib/qr/shared-decoder';
import { useClient } from './client-context';
import { DropZone } from './DropZone';
import { EnrolDone } from './EnrolDone';
import { EnrolPreviewCard } from './EnrolPreviewCard';
import { errorText, useT, type Translate } from './i18n';
import { openedPixels, openImage as openImageFile, type OpenImage, type ReadImage } from './image-to-rgba';
import { isEditable, isImage, pickFile } from './image-input';
import { findQrCode, type TileProgress } from './read-qr-image';

export interface AddFromImageProps {
  /** Image file -> pixels, for tests (a PNG decoder): the pixels are then read as the canvas would give them. */
  readImage?: ReadImage;
  /** Image file -> an image drawn whole or by tiles; the canvas version by default. */
  openImage?: OpenImage;
}

type Stage =
  | { step: 'pick' }
  /** `tiles`: a large photo read part by part (read-qr-image.ts), how far it has come. */
  | { step: 'reading'; tiles?: TileProgress }
  | { step: 'preview' | 'saving'; text: string; preview: EnrolPreview };

/** A sentence of this page (`key`) or an error code from the background, with a retry where one can help. */
type Problem = { key: string } | { code: ErrorCode; retry?: () => void };

function problemText(t: Translate, p: Problem): string {
  if ('key' in p) return t(p.key);
  if (p.code === 'locked') return t('add_image_locked');
  if (p.code === 'no-vault') return t('add_image_no_vault');
  return errorText(t, p.code);
}

/** Lets the browser paint "Reading the image…" before the decoder holds the main thread. */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    const next = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible')
      requestAnimationFrame(next);
    else next();
  });
}

export function AddFromImage({ readImage, openImage }: AddFromImageProps) {
  const t = useT();
  const open: OpenImage =
    openImage ?? (readImage ? async (file) => openedPixels(await readImage(file)) : openImageFile);
  const client = useClient();
  const [stage, setStage] = useState<Stage>({ step: 'pick' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<EnrolResult | null>(null);
  const choose = useRef<HTMLButtonElement>(null);
  const busy = stage.step === 'reading' || stage.step === 'saving';
  const busyNow = useRef(false);
  busyNow.current = busy;

  const fail = (error: unknown, retry: () => void) => {
    const code = error instanceof RemoteError ? error.code : 'internal';
    setProblem(ERRORS[code].transient ? { code, retry } : { code });
  };

  async function previewText(text: string) {
    setStage({ step: 'reading' });
    setProblem(null);
    try {
      setStage({ step: 'preview', text, preview: await client.call('enrol.preview', { text }) });
    } catch (error) {
      setStage({ step: 'pick' });
      fail(error, () => void previewText(text));
    }
  }

  async function saveText(text: string, preview: EnrolPreview) {
    setStage({ step: 'saving', text, preview });
    setProblem(null);
    try {
      setDone(await client.call('enrol.save', { text }));
      setStage({ step: 'pick' });
    } catch (error) {
      setStage({ step: 'preview', text, preview });
      fail(error, () => void saveText(text, preview));
    }
  }

  async function readFile(file: File) {
    if (busyNow.current) return;
    busyNow.current = true;
    setDone(null);
    setProblem(null);
    if (!isImage(file)) {
      busyNow.current = false;
      return setProblem({ key: 'add_image_not_image' });
    }
    setStage({ step: 'reading' });
    let text: string | null;
    try {
      const image = await open(file);
      try {
        await painted();
        const { decodeQr } = sharedQrDecoder();
        text = await findQrCode(image, {
          decode: decodeQr,
          pause: painted,
          onProgress: (tiles) => setStage({ step: 'reading', tiles }),
        });
      } finally {
        image.close();
      }
    } catch {
      setStage({ step: 'pick' });
      return setProblem({ key: 'add_image_unreadable' });
    }
    if (text === null) {
      setStage({ step: 'pick' });
      return setProblem({ key: 'add_image_no_qr' });
    }
    await previewText(text);
  }

  const latest = useRef({ readFile, previewText });
  latest.current = { readFile, previewText };

  useEffect(() => {
    // A screenshot pasted anywhere on the page (or the text of a key link), except into a text field.
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || busyNow.current) return;
      e.preventDefault();
      const file = pickFile(e.clipboardData);
      if (file) return void latest.current.readFile(file);
      const text = e.clipboardData?.getData('text/plain').trim() ?? '';
      setDone(null);
      if (text) void latest.current.previewText(text);
      else setProblem({ key: 'add_image_nothing_pasted' });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  useEffect(() => {
    if (done) choose.current?.focus();
  }, [done]);

  return (
    <section id="add-from-image" class="options-section" aria-labelledby="add-from-image-title">
      <h2 id="add-from-image-title">{t('add_image_title')}</h2>
      <p class="muted">{t('add_image_intro')}</p>
      <DropZone busy={busy} onFile={(file) => void readFile(file)} buttonRef={choose} />
      <div role="status" aria-live="polite" class="enrol-status">
        {stage.step === 'reading' ? <p class="reading">{t('add_image_reading')}</p> : null}
        {stage.step === 'reading' && stage.tiles ? (
          <p class="muted">{t('add_image_reading_closer')}</p>
        ) : null}
        {done ? <EnrolDone result={done} /> : null}
      </div>
      {stage.step === 'reading' && stage.tiles ? (
        <div class="reading-parts">
          <progress
            max={stage.tiles.total}
            value={stage.tiles.done}
            aria-label={t('add_image_reading_closer')}
          />
          <span class="muted">
            {t('add_image_reading_part', [String(stage.tiles.done + 1), String(stage.tiles.total)])}
          </span>
        </div>
      ) : null}
      {problem ? (
        <div class="banner error enrol-problem" role="alert">
          <p>{problemText(t, problem)}</p>
          {'retry' in problem && problem.retry ? (
            <button type="button" class="small" onClick={problem.retry}>
              {t('button_retry')}
            </button>
          ) : null}
        </div>
      ) : null}
      {stage.step === 'preview' || stage.step === 'saving' ? (
        <EnrolPreviewCard
          preview={stage.preview}
          busy={stage.step === 'saving'}
          onSave={() => void saveText(stage.text, stage.preview)}
          onCancel={() => {
            setStage({ step: 'pick' });
            choose.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
