/**
 * Entry point for every runtime message: checks who sent it, checks its shape, runs the handler and turns
 * any typed error into `{ ok: false, code }`. Secrets, URIs and codes are never logged.
 */
import { ALLOWED_SENDER, type Message, type Result } from '../messages';
import type { Handlers } from './handlers';
import {
  isExtensionPage,
  isTopFrameContentScript,
  isWebFrameContentScript,
  type SelfIdentity,
  type SenderInfo,
} from './sender';

const SENDER_CHECKS = {
  'extension-page': isExtensionPage,
  'scan-tab': isTopFrameContentScript,
  'web-frame': isWebFrameContentScript,
} as const;
import { validateMessage } from './validate-message';

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return 'internal';
}

export function createRouter(handlers: Handlers, self: SelfIdentity) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Result<unknown>> {
    const message = validateMessage(raw);
    if (!message) return { ok: false, code: 'bad-request' };
    const allowed = SENDER_CHECKS[ALLOWED_SENDER[message.type]](sender, self);
    if (!allowed) return { ok: false, code: 'forbidden' };
    try {
      const handler = handlers[message.type] as (
        payload: Message['payload'],
        sender: SenderInfo,
      ) => Promise<unknown>;
      return { ok: true, value: await handler(message.payload, sender) };
    } catch (error) {
      return { ok: false, code: errorCode(error) };
    }
  };
}
