/**
 * One scan: try the page's square images first (one click); if not exactly one authenticator code is found,
 * let the user drag a rectangle, as many times as needed. The background captures, validates and saves;
 * this script only crops, decodes and reports the text.
 */
import { createClient, ERRORS, RemoteError, type ScanClient, type ScanOutcome } from '@/lib/messages';
import { translate as t } from '@/lib/platform/i18n';
import { sendToBackground } from '@/lib/platform/runtime';
import { findCandidateRects, isAuthenticatorText, pickCandidates } from '@/lib/qr/candidates';
import { cssRectToImage } from '@/lib/qr/crop';
import { sharedQrDecoder } from '@/lib/qr/shared-decoder';
import type { Rect } from '@/lib/qr/rgba-image';
import { errorLine, outcomeLines } from './outcome-text';
import { overlayGone, selectRegion } from './overlay';
import { cropScreenshot, loadScreenshot } from './screenshot';
import { showToast } from './toast';
import { waitForCode } from './wait-for-code';

async function capture(client: ScanClient): Promise<ImageBitmap> {
  const { dataUrl } = await client.call('scan.capture', {});
  return loadScreenshot(dataUrl);
}

function decodeAt(shot: ImageBitmap, rect: Rect): string | null {
  return sharedQrDecoder().decodeQr(
    cropScreenshot(shot, cssRectToImage(rect, shot.width, window.innerWidth)),
  );
}

/** Every code in the user's selection: more than one is a question for the user, not a guess. */
function decodeAllAt(shot: ImageBitmap, rect: Rect): string[] {
  return sharedQrDecoder().decodeQrCodes(
    cropScreenshot(shot, cssRectToImage(rect, shot.width, window.innerWidth)),
  );
}

/** The viewport a screenshot shows: a crop from it is right only while none of this has changed. */
function viewKey(): string {
  return [
    window.scrollX,
    window.scrollY,
    window.innerWidth,
    window.innerHeight,
    window.devicePixelRatio,
  ].join();
}

/** One click: the distinct authenticator texts among the page's square images in the screenshot. */
function tryCandidates(shot: ImageBitmap): Set<string> {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const found = new Set<string>();
  for (const rect of pickCandidates(findCandidateRects(document), viewport)) {
    const text = decodeAt(shot, rect);
    if (text !== null && isAuthenticatorText(text)) found.add(text.trim());
  }
  return found;
}

/**
 * Whether the page shows any picture big enough to hold a QR code (an image, a canvas, an SVG…): with none, no
 * code is on screen yet (the console shows it after its own button); with one, the user may point at it.
 */
export function picturesOnScreen(): boolean {
  for (const el of document.querySelectorAll('img, canvas, svg, video, object, embed')) {
    const r = el.getBoundingClientRect();
    const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    if (inView && r.width >= 48 && r.height >= 48 && getComputedStyle(el).visibility !== 'hidden')
      return true;
  }
  return false;
}

/** Whether any QR code at all is readable anywhere in the screenshot (then the user points at the one to add). */
function anyCodeIn(shot: ImageBitmap): boolean {
  return (
    sharedQrDecoder().decodeQrCodes(
      cropScreenshot(shot, { x: 0, y: 0, width: shot.width, height: shot.height }),
    ).length > 0
  );
}

/**
 * Nothing on screen yet: wait for the page to show its code (the user presses the page's own button). Resolves
 * with what was found then, or null when the user chose to select it themselves; `undefined`: the scan is over.
 */
async function waitForPageCode(client: ScanClient): Promise<Set<string> | null | undefined> {
  /** The page's square images hold a code now; a code elsewhere on screen: the user points at it. */
  const SELECT = new Set<string>();
  const outcome = await waitForCode({
    brand: t('extName'),
    text: t('scan_waiting'),
    selectLabel: t('scan_select_myself'),
    cancelLabel: t('button_cancel'),
    ready: picturesOnScreen,
    look: async () => {
      const shot = await capture(client);
      try {
        const found = tryCandidates(shot);
        if (found.size > 0) return found;
        return anyCodeIn(shot) ? SELECT : null;
      } finally {
        shot.close();
      }
    },
  });
  if (outcome.kind === 'found') return outcome.value === SELECT ? null : outcome.value;
  if (outcome.kind === 'select') return null;
  if (outcome.kind === 'timeout') toast([t('scan_wait_over')]);
  return undefined;
}

const toast = (lines: string[], error = false) =>
  showToast(t('extName'), lines, { error, closeLabel: t('action_close') });

/** Sends the text; true when the scan is over (saved, or waiting for unlock), else the problem to show. */
async function deliver(client: ScanClient, text: string): Promise<true | string> {
  try {
    const outcome: ScanOutcome = await client.call('scan.decoded', { text });
    toast(outcomeLines(t, outcome));
    return true;
  } catch (error) {
    const code = error instanceof RemoteError ? error.code : 'internal';
    // Dragging again can help (a different QR code, a better rectangle).
    if (ERRORS[code].retryable) return errorLine(t, code);
    toast([errorLine(t, code)], true);
    return true;
  }
}

export async function runScan(): Promise<void> {
  const client: ScanClient = createClient<'scan-tab'>(sendToBackground);
  let first: ImageBitmap | null = null;
  try {
    // Taken before anything of ours is on the page; serves one click, and the drag while nothing moved.
    first = await capture(client);
    const firstView = viewKey();
    let found = tryCandidates(first);
    // No code among the page's images, no picture that could hold one, no code anywhere on screen: the page
    // shows none yet (a console's enrolment page, before its own button): wait for it.
    if (found.size === 0 && !picturesOnScreen() && !anyCodeIn(first)) {
      const shown = await waitForPageCode(client);
      if (shown === undefined) return;
      if (shown !== null) found = shown;
    }
    let problem: string | undefined = found.size > 1 ? t('scan_several') : undefined;
    const [only] = found;
    if (found.size === 1 && only !== undefined) {
      const result = await deliver(client, only);
      if (result === true) return;
      problem = result;
    }
    for (;;) {
      const rect = await selectRegion({ brand: t('extName'), hint: t('scan_hint'), problem });
      if (!rect) return;
      let texts = viewKey() === firstView ? decodeAllAt(first, rect) : [];
      if (texts.length === 0) {
        // The page may have changed under the overlay: a fresh screenshot, taken with the overlay gone.
        await overlayGone();
        const shot = await capture(client);
        texts = decodeAllAt(shot, rect);
        shot.close();
      }
      const [text] = texts;
      if (text === undefined || texts.length > 1) {
        problem = t(text === undefined ? 'scan_nothing_found' : 'scan_several_in_selection');
        continue;
      }
      const result = await deliver(client, text);
      if (result === true) return;
      problem = result;
    }
  } catch (error) {
    toast([errorLine(t, error instanceof RemoteError ? error.code : 'internal')], true);
  } finally {
    first?.close();
    await client.call('scan.finished', {}).catch(() => undefined);
  }
}
