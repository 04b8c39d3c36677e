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

export function askEarly(message: Message, sessionKeys: string[] = [], localKeys: string[] = []): void {
  const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime } & Record<string, unknown>;
  const api = g.browser ?? g.chrome;
  if (!api) return;
  g[KEY] = api.runtime.sendMessage(message);
  // Session storage is read by the browser itself: no need to wake the service worker for it.
  const session = api.storage?.session;
  if (session && sessionKeys.length > 0) g[SESSION_KEY] = session.get(sessionKeys);
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
