/** Runtime messaging and identity. */
import { browser } from 'wxt/browser';
import type { Message, Result } from '../messages';
import type { SelfIdentity, SenderInfo } from '../keeper/sender';

export function selfIdentity(): SelfIdentity {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
}

/** Registers the one message listener of the background. Always answers through sendResponse. */
export function listenForMessages(
  route: (raw: unknown, sender: SenderInfo) => Promise<Result<unknown>>,
): void {
  browser.runtime.onMessage.addListener(
    (raw: unknown, sender: SenderInfo, sendResponse: (r: unknown) => void) => {
      void route(raw, sender).then(sendResponse, () => sendResponse({ ok: false, code: 'internal' }));
      return true;
    },
  );
}

/**
 * Longer than the slowest request (an export of thousands of accounts at 800 000 PBKDF2 rounds takes a few
 * seconds): beyond it the background is not going to answer.
 */
export const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Sends one request. Chromium very occasionally drops a message sent while it stops the service worker; then no
 * answer ever comes, and after ANSWER_TIMEOUT_MS this resolves undefined (the client reports `no-response`)
 * instead of leaving the page waiting for ever.
 */
export function sendToBackground(message: Message): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([browser.runtime.sendMessage(message), late]).finally(() => clearTimeout(timer));
}

/** Runs `task` when the extension is installed or updated, and at browser start-up. */
export function onLifecycle(task: (reason: 'install' | 'update' | 'startup' | 'other') => void): void {
  browser.runtime.onInstalled.addListener((details) => {
    task(details.reason === 'install' ? 'install' : details.reason === 'update' ? 'update' : 'other');
  });
  browser.runtime.onStartup.addListener(() => task('startup'));
}
