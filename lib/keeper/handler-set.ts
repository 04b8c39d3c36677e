/**
 * How the background's handlers are typed and assembled. Each feature's module answers the messages declared
 * with its `feature` (lib/protocol/messages.ts): `FeatureHandlers<'scan'>` is exactly those, so a message
 * without a handler, or a handler in the wrong feature, does not compile. The groups are merged with
 * `mergeHandlers`, which throws at start-up when two groups answer the same message; a handler that another
 * feature extends (re-arms the lock alarm, re-syncs the automatic fill) is wrapped explicitly with
 * `wrapHandlers`, never replaced by a later key.
 */
import type { MessageType, RequestOf, ResponseOf } from '../messages';
import { MESSAGE_TYPES } from '../protocol/messages';
import type { Feature } from '../protocol/declare';
import type { MESSAGES } from '../protocol/messages';
import type { SenderInfo } from './sender';

/** `sender` is given by the router; extension-page handlers ignore it. */
export type Handler<K extends MessageType> = (
  payload: RequestOf<K>,
  sender?: SenderInfo,
) => Promise<ResponseOf<K>>;

/** The background's answer to every message type. */
export type Handlers = { [K in MessageType]: Handler<K> };

/** The messages one feature answers. */
export type MessageOf<F extends Feature> = {
  [K in MessageType]: (typeof MESSAGES)[K]['feature'] extends F ? K : never;
}[MessageType];

/** One feature's handlers: exactly its messages. */
export type FeatureHandlers<F extends Feature> = { [K in MessageOf<F>]: Handler<K> };

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

const DECLARED = new Set<string>(MESSAGE_TYPES);

/**
 * Merges handler groups into one table. Throws when two groups answer the same message, or a group answers a
 * message that is not declared; the result's type is every group's together (assign it to `Handlers` to have
 * the compiler check that every message is answered).
 */
export function mergeHandlers<const G extends readonly object[]>(...groups: G): Intersection<G[number]> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [type, handler] of Object.entries(group)) {
      if (!DECLARED.has(type)) throw new Error(`A handler for an undeclared message: ${type}`);
      if (Object.hasOwn(merged, type)) throw new Error(`Two handlers for ${type}`);
      merged[type] = handler;
    }
  }
  return merged as Intersection<G[number]>;
}

/** A step around an existing handler: runs before or after it, never instead of it without saying so. */
export type Wrappers = { [K in MessageType]?: (inner: Handler<K>) => Handler<K> };

/** Wraps handlers of the table; throws when a wrapped message has no handler to wrap. */
export function wrapHandlers(handlers: Handlers, wrappers: Wrappers): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [type, wrap] of Object.entries(wrappers) as [MessageType, (inner: unknown) => unknown][]) {
    if (!Object.hasOwn(handlers, type)) throw new Error(`Nothing to wrap for ${type}`);
    wrapped[type] = wrap(handlers[type]);
  }
  return wrapped as Handlers;
}
