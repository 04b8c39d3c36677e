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

export function sendToBackground(message: Message): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/** Runs `task` when the extension is installed or updated, and at browser start-up. */
export function onLifecycle(task: (reason: 'install' | 'update' | 'startup' | 'other') => void): void {
  browser.runtime.onInstalled.addListener((details) => {
    task(details.reason === 'install' ? 'install' : details.reason === 'update' ? 'update' : 'other');
  });
  browser.runtime.onStartup.addListener(() => task('startup'));
}
