/**
 * The popup's one start-up question, asked by a tiny classic script as soon as the page starts parsing —
 * before the popup's app script has loaded and run, which on a 2-core machine is some 20 ms later. The answer
 * waits on `globalThis` for entrypoints/popup-app.tsx. Plain `chrome`/`browser` runtime messaging (both return promises in
 * MV3): loading the polyfill here would cost what this saves.
 */
import type { Message } from '../messages';

const KEY = '__sekimoriFirstList';

type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export function askEarly(message: Message): void {
  const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime } & Record<string, unknown>;
  const api = g.browser ?? g.chrome;
  if (api) g[KEY] = api.runtime.sendMessage(message);
}

/** The early answer's raw reply, once (later readers ask again themselves). */
export function takeEarlyReply(): Promise<unknown> | undefined {
  const g = globalThis as unknown as Record<string, unknown>;
  const reply = g[KEY] as Promise<unknown> | undefined;
  delete g[KEY];
  return reply;
}
