/**
 * "Import accounts" (options page, `#import`): a backup or another app's export comes in by file picker, drop or
 * paste (text, or screenshots of transfer QR codes). The background detects the format, asks for the file's
 * password when it needs one, answers a preview without secrets, and adds the chosen accounts all or none.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ERRORS, RemoteError, type ErrorCode, type ImportPreview } from '@/lib/messages';
import { countText, importErrorText } from './backup-text';
import { useClient } from './client-context';
import { useT } from './i18n';
import { ImportDropZone } from './ImportDropZone';
import { filesOf } from './image-input';
import { ImportInputError, filesToImportData, type ImportData } from './import-input';
import { ImportPasswordForm } from './ImportPasswordForm';
import { ImportPreviewCard } from './ImportPreviewCard';
import { imageToRgba, type ReadImage } from './image-to-rgba';
import { isEditable } from './image-input';
import { OrgOff } from './OrgOff';
import { usePolicy } from './policy-context';

export interface ImportSectionProps {
  /** Image file -> pixels; the canvas version by default (tests pass a PNG decoder). */
  readImage?: ReadImage;
  /** After accounts were added (the backup section counts them again). */
  onImported?: () => void;
}

type Stage =
  | { step: 'pick' }
  | { step: 'reading'; input?: ImportData }
  /** The file needs its own password; `checking` while the background tries one. */
  | { step: 'password'; input: ImportData; wrong: boolean; checking: boolean }
  | { step: 'preview' | 'adding'; preview: ImportPreview };

/** A sentence of this section (`key`, with a file name) or an error code, with a retry where one can help. */
type Problem = { key: string; detail?: string } | { code: ErrorCode; retry?: () => void };

export function ImportSection({ readImage = imageToRgba, onImported }: ImportSectionProps) {
  const t = useT();
  const client = useClient();
  const [stage, setStage] = useState<Stage>({ step: 'pick' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<{ added: number; duplicates: number } | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteEmpty, setPasteEmpty] = useState(false);
  const choose = useRef<HTMLButtonElement>(null);
  const off = usePolicy()?.disableImportExport ?? false;
  const checking = stage.step === 'password' && stage.checking;
  const busy = stage.step === 'reading' || stage.step === 'adding' || checking;
  const busyNow = useRef(false);
  busyNow.current = busy;

  const codeOf = (e: unknown) => (e instanceof RemoteError ? e.code : 'internal');

  async function read(input: ImportData, password?: string) {
    setStage(
      password === undefined
        ? { step: 'reading', input }
        : { step: 'password', input, wrong: false, checking: true },
    );
    setProblem(null);
    try {
      const preview = await client.call(
        'import.read',
        password === undefined ? input : { ...input, password },
      );
      setStage({ step: 'preview', preview });
    } catch (e) {
      const code = codeOf(e);
      if (code === 'password-required' || (code === 'wrong-password' && password !== undefined))
        return setStage({ step: 'password', input, wrong: code === 'wrong-password', checking: false });
      setStage({ step: 'pick' });
      setProblem(ERRORS[code].transient ? { code, retry: () => void read(input, password) } : { code });
    }
  }

  async function readFiles(files: File[]) {
    if (busyNow.current) return;
    busyNow.current = true;
    setDone(null);
    setProblem(null);
    setStage({ step: 'reading' });
    try {
      await read(await filesToImportData(files, readImage));
    } catch (e) {
      setStage({ step: 'pick' });
      setProblem(e instanceof ImportInputError ? { key: e.key, detail: e.detail } : { code: 'internal' });
    }
  }

  async function add(preview: ImportPreview, selected: number[]) {
    setStage({ step: 'adding', preview });
    setProblem(null);
    try {
      setDone(await client.call('import.commit', { token: preview.token, selected }));
      setStage({ step: 'pick' });
      setPasted('');
      onImported?.();
    } catch (e) {
      const code = codeOf(e);
      setStage({ step: 'preview', preview });
      setProblem(ERRORS[code].transient ? { code, retry: () => void add(preview, selected) } : { code });
    }
  }

  function reset() {
    setStage({ step: 'pick' });
    setProblem(null);
    setTimeout(() => choose.current?.focus(), 0);
  }

  useEffect(() => {
    if (done) choose.current?.focus();
  }, [done]);

  const latest = useRef(readFiles);
  latest.current = readFiles;
  function onPaste(e: ClipboardEvent) {
    // Add from image takes pastes on the rest of the page; pastes within this section are this section's.
    e.stopPropagation();
    const files = filesOf(e.clipboardData);
    if (files.length > 0) {
      e.preventDefault();
      if (!busyNow.current) void latest.current(files);
    } else if (!isEditable(e.target)) {
      e.preventDefault();
      setPasted(e.clipboardData?.getData('text/plain') ?? '');
    }
  }

  const failedCommit = stage.step === 'preview' && problem !== null && 'code' in problem;
  return (
    <section
      id="import"
      class="options-section"
      aria-labelledby="import-title"
      aria-busy={busy}
      onPaste={onPaste}
    >
      <h2 id="import-title">{t('import_title')}</h2>
      <p class="muted">{t('import_intro')}</p>
      {off ? (
        <OrgOff />
      ) : (
        <>
          <ImportDropZone busy={busy} onFiles={(files) => void readFiles(files)} buttonRef={choose} />
          <form
            class="import-paste"
            onSubmit={(e) => {
              e.preventDefault();
              setPasteEmpty(pasted.trim() === '');
              if (pasted.trim() && !busy) {
                setDone(null);
                void read({ data: pasted, encoding: 'text' });
              }
            }}
          >
            <label for="import-text">{t('import_paste_label')}</label>
            <textarea
              id="import-text"
              rows={3}
              spellcheck={false}
              autocomplete="off"
              value={pasted}
              placeholder={t('import_paste_placeholder')}
              aria-invalid={pasteEmpty}
              aria-describedby={pasteEmpty ? 'import-paste-empty' : undefined}
              onInput={(e) => {
                setPasted(e.currentTarget.value);
                setPasteEmpty(false);
              }}
            />
            {pasteEmpty ? (
              <p id="import-paste-empty" class="field-error" role="alert">
                {t('import_paste_empty')}
              </p>
            ) : null}
            <div class="buttons start">
              <button type="submit" disabled={busy}>
                {t('import_read_text')}
              </button>
            </div>
          </form>
          <div role="status" aria-live="polite" class="enrol-status">
            {stage.step === 'reading' || checking ? <p class="reading">{t('import_reading')}</p> : null}
            {done ? (
              <div class="enrol-done">
                <p class="enrol-done-title">{countText(t, 'import_done', done.added)}</p>
                {done.duplicates > 0 ? (
                  <p>{countText(t, 'import_done_duplicates', done.duplicates)}</p>
                ) : null}
              </div>
            ) : null}
          </div>
          {problem ? (
            <div class="banner error enrol-problem" role="alert">
              <p>
                {failedCommit ? t('import_nothing_added') + ' ' : ''}
                {'key' in problem ? t(problem.key, problem.detail ?? '') : importErrorText(t, problem.code)}
              </p>
              {'retry' in problem && problem.retry ? (
                <button type="button" class="small" onClick={problem.retry}>
                  {t('button_retry')}
                </button>
              ) : null}
            </div>
          ) : null}
          {stage.step === 'password' ? (
            <ImportPasswordForm
              wrong={stage.wrong}
              busy={stage.checking}
              onSubmit={(password) => void read(stage.input, password)}
              onCancel={reset}
            />
          ) : null}
          {stage.step === 'preview' || stage.step === 'adding' ? (
            <ImportPreviewCard
              key={stage.preview.token}
              preview={stage.preview}
              busy={stage.step === 'adding'}
              onImport={(selected) => void add(stage.preview, selected)}
              onCancel={reset}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
