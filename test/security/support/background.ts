/**
 * The real background (keeper, handlers, router, vault) over in-memory storage, with the sender of each message
 * chosen by the test: the campaign forges messages from every kind of context, not only from the popup.
 */
import { createClient, type Client, type Message } from '@/lib/messages';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers } from '@/lib/keeper/handlers';
import { createRouter } from '@/lib/keeper/router';
import { randomHexId } from '@/lib/keeper/random-id';
import type { SenderInfo } from '@/lib/keeper/sender';
import type { KeyValueStore } from '@/lib/vault';
import { MemoryStore } from '../../support/memory-store';
import { recordingFillEffects, type RecordedFillEffects } from '../../support/fill-effects';
import { recordingScanEffects, type RecordedScanEffects } from '../../support/scan-effects';

export const SELF = {
  id: 'sekimoritestextensionidxxxxxxxx',
  origin: 'chrome-extension://sekimoritestextensionidxxxxxxxx',
};

/** Every kind of sender the campaign uses. Only the first two are our own extension pages. */
export const SENDERS = {
  popup: { id: SELF.id, url: `${SELF.origin}/popup.html`, origin: SELF.origin },
  optionsInTab: {
    id: SELF.id,
    url: `${SELF.origin}/options.html#import`,
    origin: SELF.origin,
    tab: { id: 9 },
  },
  /** Our content script in a console's top frame (a compromised renderer can send anything it can). */
  contentScript: {
    id: SELF.id,
    url: 'https://clp.trendmicro.com/login',
    origin: 'https://clp.trendmicro.com',
    tab: { id: 3 },
    frameId: 0,
    documentId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
  },
  /** Our content script in a cross-origin frame of that page. */
  subframeScript: {
    id: SELF.id,
    url: 'https://ads.example.net/frame',
    origin: 'https://ads.example.net',
    tab: { id: 3 },
    frameId: 7,
  },
  /** Another extension (its own id, its own origin). */
  otherExtension: {
    id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
    url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/background.js',
    origin: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
  },
  /** Another extension claiming our page's URL (the id gives it away). */
  otherExtensionWithOurUrl: {
    id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
    url: `${SELF.origin}/popup.html`,
    origin: SELF.origin,
  },
  /** Our id and our page URL, but a web origin: a content script lying about its URL. */
  spoofedOrigin: { id: SELF.id, url: `${SELF.origin}/popup.html`, origin: 'https://evil.example' },
  /** Our id, a URL that only starts like our origin. */
  lookalikeExtensionOrigin: {
    id: SELF.id,
    url: `${SELF.origin}.evil.example/popup.html`,
    origin: `${SELF.origin}.evil.example`,
  },
  /** Our id on a web page URL without a tab (e.g. a page in a worker). */
  webUrlWithoutTab: { id: SELF.id, url: 'https://clp.trendmicro.com/', frameId: 0 },
  /** Firefox-style origin of another add-on. */
  mozExtension: { id: 'other@addon', url: 'moz-extension://0b4f2c3e-aaaa-bbbb-cccc-000000000000/page.html' },
  nothing: {},
} satisfies Record<string, SenderInfo>;

export type SenderName = keyof typeof SENDERS;
export const FOREIGN_SENDERS = (Object.keys(SENDERS) as SenderName[]).filter(
  (name) => name !== 'popup' && name !== 'optionsInTab',
);

export interface Background {
  route(raw: unknown, sender: SenderInfo): Promise<{ ok: boolean; value?: unknown; code?: string }>;
  /** A typed client that speaks as the popup (structured clones, as runtime messaging does). */
  client: Client;
  keeper: Keeper;
  deps: KeeperDeps;
  local: KeyValueStore;
  session: KeyValueStore;
  cleared: string[];
  fill: RecordedFillEffects;
  scan: RecordedScanEffects;
}

export interface BackgroundOptions {
  local?: KeyValueStore;
  session?: KeyValueStore;
  now?: () => number;
  newId?: () => string;
  /** The recorded browser side of fills, prepared before the handlers take its functions. */
  fill?: RecordedFillEffects;
}

export function background(options: BackgroundOptions = {}): Background {
  const local = options.local ?? new MemoryStore();
  const session = options.session ?? new MemoryStore();
  const deps: KeeperDeps = {
    local,
    session,
    now: options.now ?? (() => Date.now()),
    newId: options.newId ?? randomHexId,
  };
  const cleared: string[] = [];
  const scan = recordingScanEffects();
  const fill = options.fill ?? recordingFillEffects();
  const keeper = new Keeper(deps);
  const router = createRouter(
    createHandlers(keeper, deps, {
      scheduleClipboardClear: async (digest) => void cleared.push(digest),
      ...scan,
      ...fill,
    }),
    SELF,
  );
  const route = async (raw: unknown, sender: SenderInfo) =>
    structuredClone(await router(structuredClone(raw), sender)) as {
      ok: boolean;
      value?: unknown;
      code?: string;
    };
  const client = createClient((message: Message) => route(message, SENDERS.popup));
  return { route, client, keeper, deps, local, session, cleared, fill, scan };
}

/** Everything a forged message could have changed, as one comparable value. */
export function sideEffects(bg: Background): string {
  const dump = (store: KeyValueStore) =>
    store instanceof MemoryStore ? { data: [...store.data.entries()], writes: store.writes.length } : null;
  return JSON.stringify({
    local: dump(bg.local),
    session: dump(bg.session),
    cleared: bg.cleared,
    filled: bg.fill.filled,
    registered: bg.fill.registered,
    released: bg.fill.released,
    granted: [...bg.fill.grantedOrigins],
    injected: bg.scan.injected,
    captured: bg.scan.captured,
    activeTab: bg.scan.activeTabId,
  });
}

/** Copies of a background's storage (local and session), to start another background from the same state. */
export function copyStores(bg: Background): { local: MemoryStore; session: MemoryStore } {
  const copy = (store: KeyValueStore) => {
    const out = new MemoryStore();
    if (store instanceof MemoryStore) for (const [k, v] of store.data) out.data.set(k, structuredClone(v));
    return out;
  };
  return { local: copy(bg.local), session: copy(bg.session) };
}
