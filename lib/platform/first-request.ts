/**
 * The popup's one start-up question (and the code sheet it may show first: lib/protocol/code-sheet.ts), asked by a tiny classic script as soon as the page starts parsing —
 * before the popup's app script has loaded and run, which on a 2-core machine is some 20 ms later. The answer
 * waits on `globalThis` for entrypoints/popup-app.tsx. Plain `chrome`/`browser` runtime messaging (both return promises in
 * MV3): loading the polyfill here would cost what this saves.
 */
import type { Message } from '../messages';

const KEY = '__sekimoriFirstList';

type Runtime = {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage?: {
    session?: { get(keys: string[]): Promise<Record<string, unknown>> };
    local?: { get(keys: string[]): Promise<Record<string, unknown>> };
  };
};
const SESSION_KEY = '__sekimoriFirstSession';
const LOCAL_KEY = '__sekimoriFirstLocal';
/** A running worker answers within this (about 10 ms here); a later answer means it is starting. */
const SHEET_AFTER_MS = 15;

export function askEarly(message: Message, sessionKeys: string[] = [], localKeys: string[] = []): void {
  const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime } & Record<string, unknown>;
  const api = g.browser ?? g.chrome;
  if (!api) return;
  const reply = api.runtime.sendMessage(message);
  g[KEY] = reply;
  // Session storage is read by the browser itself, without the service worker; but reading the code sheet costs
  // the page more than a running worker's answer takes (measured: +25 ms warm). So it is read only when the
  // answer is late — when the worker has to start first.
  const session = api.storage?.session;
  if (session && sessionKeys.length > 0) {
    let answered = false;
    reply.then(
      () => (answered = true),
      () => (answered = true),
    );
    g[SESSION_KEY] = new Promise((resolve) =>
      setTimeout(() => resolve(answered ? {} : session.get(sessionKeys)), SHEET_AFTER_MS),
    );
  }
  const local = api.storage?.local;
  if (local && localKeys.length > 0) g[LOCAL_KEY] = local.get(localKeys);
}

/** The session entries read with the early question, once. */
export const takeEarlySession = () => take<Promise<Record<string, unknown>>>(SESSION_KEY);
/** The local entries read with the early question (the language setting), once. */
export const takeEarlyLocal = () => take<Promise<Record<string, unknown>>>(LOCAL_KEY);

function take<T>(key: string): T | undefined {
  const g = globalThis as unknown as Record<string, unknown>;
  const value = g[key] as T | undefined;
  delete g[key];
  return value;
}

/** The early answer's raw reply, once (later readers ask again themselves). */
export function takeEarlyReply(): Promise<unknown> | undefined {
  const g = globalThis as unknown as Record<string, unknown>;
  const reply = g[KEY] as Promise<unknown> | undefined;
  delete g[KEY];
  return reply;
}
