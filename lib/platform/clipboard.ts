/**
 * Copying a code and clearing it again. A copied code is cleared after CLEAR_AFTER_MS, but only if the
 * clipboard still holds it (compared by SHA-256, so no code is kept anywhere but in the clipboard itself).
 * Chromium's service worker has no clipboard, so an offscreen document does the clearing there; in Firefox
 * the background page has a document of its own.
 */
import { browser } from 'wxt/browser';

export const CLEAR_AFTER_MS = 30_000;
const TARGET = 'sekimori-clipboard';

interface ClearJob {
  target: typeof TARGET;
  digest: string;
  delayMs: number;
}

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

export async function sha256Hex(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** In an extension page, on a user gesture. */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

function readClipboard(): string {
  const area = document.createElement('textarea');
  document.body.append(area);
  area.focus();
  document.execCommand('paste');
  const text = area.value;
  area.remove();
  return text;
}

function writeEmptyClipboard(): void {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  document.execCommand('copy');
  document.removeEventListener('copy', onCopy);
}

async function clearIfUnchanged(digest: string): Promise<void> {
  const current = readClipboard();
  if (current !== '' && (await sha256Hex(current)) === digest) writeEmptyClipboard();
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

const ACCEPTED = 'accepted';

async function sendJob(job: ClearJob): Promise<boolean> {
  try {
    return (await browser.runtime.sendMessage(job)) === ACCEPTED;
  } catch {
    return false; // no document listening (closed, or closing)
  }
}

/**
 * Background: arrange for the clipboard to be cleared later. The offscreen document acknowledges each job.
 * One that has finished its last job is closing itself and refuses; then we close it at once (not waiting
 * for its own close to complete, which can take a while on a busy machine) and hand the job to a new one.
 */
export async function scheduleClipboardClear(digest: string): Promise<void> {
  const offscreen = offscreenApi();
  if (!offscreen) {
    setTimeout(() => void clearIfUnchanged(digest), CLEAR_AFTER_MS);
    return;
  }
  const job: ClearJob = { target: TARGET, digest, delayMs: CLEAR_AFTER_MS };
  for (let attempt = 0; attempt < 6; attempt++) {
    if (!((await offscreen.hasDocument?.()) ?? false)) {
      await offscreen
        .createDocument({
          url: browser.runtime.getURL('/offscreen.html' as '/popup.html'),
          reasons: ['CLIPBOARD'],
          justification: 'Clear a copied one-time code from the clipboard after 30 seconds',
        })
        .catch(() => undefined); // another request created it first, or the old one is still closing
    }
    if (await sendJob(job)) return;
    await offscreen.closeDocument().catch(() => undefined); // it closed in the meantime
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
  throw new Error('clipboard clearing could not be scheduled');
}

/** Offscreen document: run clear jobs sent by our own background, then close when none is pending. */
export function runClipboardJobs(): void {
  let pending = 0;
  let closing = false;
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (r: unknown) => void) => {
    const job = raw as Partial<ClearJob> | null;
    if (sender.id !== browser.runtime.id || !job || job.target !== TARGET) return undefined;
    if (closing || typeof job.digest !== 'string' || typeof job.delayMs !== 'number') return undefined;
    const digest = job.digest;
    pending++;
    sendResponse(ACCEPTED);
    setTimeout(() => {
      void clearIfUnchanged(digest).finally(() => {
        if (--pending === 0) {
          closing = true;
          window.close();
        }
      });
    }, job.delayMs);
    return undefined;
  });
}
