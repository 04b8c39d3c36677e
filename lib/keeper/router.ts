/**
 * Entry point for every runtime message: checks its shape and who sent it against the message's declaration
 * (lib/protocol/messages.ts), runs the handler and turns any typed error into `{ ok: false, code }`. Secrets,
 * URIs and codes are never logged.
 */
import type { Message, Result } from '../messages';
import type { SenderKind } from '../protocol/declare';
import { isErrorCode, type ErrorCode } from '../protocol/errors';
import { MESSAGES } from '../protocol/messages';
import type { Handlers } from './handler-set';
import {
  isExtensionPage,
  isTopFrameContentScript,
  isWebFrameContentScript,
  type SelfIdentity,
  type SenderInfo,
} from './sender';
import { validateMessage } from './validate-message';

const SENDER_CHECKS: Record<SenderKind, (sender: SenderInfo, self: SelfIdentity) => boolean> = {
  'extension-page': isExtensionPage,
  'scan-tab': isTopFrameContentScript,
  'web-frame': isWebFrameContentScript,
};

/** A typed error's code; anything else (an unknown code included) is 'internal'. */
function errorCode(error: unknown): ErrorCode {
  if (error && typeof error === 'object' && 'code' in error && isErrorCode(error.code)) return error.code;
  return 'internal';
}

export function createRouter(handlers: Handlers, self: SelfIdentity) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Result<unknown>> {
    const message = validateMessage(raw);
    if (!message) return { ok: false, code: 'bad-request' };
    const allowed = SENDER_CHECKS[MESSAGES[message.type].sender](sender, self);
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
