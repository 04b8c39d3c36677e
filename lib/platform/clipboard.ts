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
 * Hands a clearing to the offscreen document, which clears at once (if the clipboard still holds the code) and
 * then closes. A document that has finished its last job is closing itself and refuses; then we close it at
 * once and hand the job to a new one.
 */
async function clearViaDocument(offscreen: OffscreenApi, digest: string, delayMs: number): Promise<void> {
  const job: ClearJob = { target: TARGET, digest, delayMs };
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
  throw new Error('the clipboard could not be cleared');
}

/**
 * Two ways to the same clearing. The offscreen document's own timer is on time, but Chromium stops an idle
 * service worker after about 30 s and its offscreen document with it. So the clearing is also kept in session
 * storage (a SHA-256 digest and a due time: never the code) with an alarm that wakes the background when it is
 * due — Chromium may run alarms late (up to a minute), but they survive the worker. Clearing twice is harmless:
 * the second finds the clipboard changed or empty and leaves it alone.
 */
const ALARM = 'sekimori-clipboard-clear';
const PENDING_KEY = 'clipboard_pending';
/** Clearings kept at most (each copy adds one; older ones are moot once the clipboard changed). */
const MAX_PENDING = 8;

interface PendingClear {
  digest: string;
  due: number;
}

async function readPending(): Promise<PendingClear[]> {
  const value = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is PendingClear =>
      typeof p === 'object' && p !== null && typeof p.digest === 'string' && typeof p.due === 'number',
  );
}

async function writePending(pending: PendingClear[]): Promise<void> {
  await browser.storage.session.set({ [PENDING_KEY]: pending });
  const next = Math.min(...pending.map((p) => p.due));
  if (pending.length === 0) await browser.alarms.clear(ALARM);
  else await browser.alarms.create(ALARM, { when: next });
}

/** Background: arrange for the clipboard to be cleared in CLEAR_AFTER_MS if it still holds this digest. */
export async function scheduleClipboardClear(digest: string): Promise<void> {
  // The same code copied again is due 30 s after this copy, not the earlier one.
  const earlier = (await readPending()).filter((p) => p.digest !== digest);
  await writePending([...earlier, { digest, due: Date.now() + CLEAR_AFTER_MS }].slice(-MAX_PENDING));
  const offscreen = offscreenApi();
  if (offscreen) await clearViaDocument(offscreen, digest, CLEAR_AFTER_MS);
  else setTimeout(() => void clearIfUnchanged(digest), CLEAR_AFTER_MS);
}

async function clearDue(): Promise<void> {
  const now = Date.now();
  const pending = await readPending();
  const due = pending.filter((p) => p.due <= now + 500);
  await writePending(pending.filter((p) => p.due > now + 500));
  const offscreen = offscreenApi();
  for (const { digest } of due) {
    // Firefox's background page has a document of its own; Chromium's worker needs the offscreen one.
    await (offscreen ? clearViaDocument(offscreen, digest, 0) : clearIfUnchanged(digest)).catch(
      () => undefined,
    );
  }
}

/** Background, at every start-up (alarms wake a stopped worker only if their listener is registered at once). */
export function listenForClipboardAlarm(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void clearDue();
  });
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
