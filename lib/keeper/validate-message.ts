/**
 * The shape check of every request the background accepts: a plain `{ type, payload }` whose type is declared
 * and whose payload passes that message's guard (lib/protocol/messages.ts). Anything from another context is
 * untrusted, so nothing else is let through.
 */
import type { Message, MessageType } from '../messages';
import { isPlainObject } from '../protocol/guards';
import { MESSAGES } from '../protocol/messages';

export { MAX_ORIGINS, MAX_QR_TEXT } from '../protocol/limits';

const DECLARED = new Set<string>(Object.keys(MESSAGES));

/** Returns the message typed when its shape is exactly right, otherwise null. */
export function validateMessage(raw: unknown): Message | null {
  if (!isPlainObject(raw) || !Object.keys(raw).every((k) => k === 'type' || k === 'payload')) return null;
  const { type, payload } = raw;
  if (typeof type !== 'string' || !DECLARED.has(type)) return null;
  if (!isPlainObject(payload)) return null;
  if (!MESSAGES[type as MessageType].guard(payload)) return null;
  return { type: type as MessageType, payload } as Message;
}
