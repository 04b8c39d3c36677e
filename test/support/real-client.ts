import { createClient, RemoteError, type Client } from '@/lib/messages';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers, type HandlerEffects } from '@/lib/keeper/handlers';
import { createRouter } from '@/lib/keeper/router';
import { randomHexId } from '@/lib/keeper/random-id';
import { MemoryStore } from './memory-store';
import { MemorySyncArea } from '@/lib/keeper/sync/memory-sync-area';
import { SyncEngine } from '@/lib/keeper/sync/sync-engine';
import type { Policy } from '@/lib/policy/policy';
import { recordingScanEffects, type RecordedScanEffects } from './scan-effects';
import { recordingFillEffects, type RecordedFillEffects } from './fill-effects';

const SELF = {
  id: 'sekimoritestextensionidxxxxxxxx',
  origin: 'chrome-extension://sekimoritestextensionidxxxxxxxx',
};

/** A client wired to the real keeper, router and vault over in-memory storage (no mocks). */
export function realClient(
  options: {
    policy?: () => Promise<Policy>;
    measureClock?: HandlerEffects['measureClock'];
    /** The background's clock (default the real one). */
    now?: () => number;
    /** Work the background runs after an answer (the code sheet); none by default. */
    later?: HandlerEffects['later'];
    /** This browser's sync area (a test sync service carries items between browsers); a private one by default. */
    syncArea?: MemorySyncArea;
  } = {},
): {
  client: Client;
  local: MemoryStore;
  session: MemoryStore;
  cleared: string[];
  scan: RecordedScanEffects;
  fill: RecordedFillEffects;
  sync: SyncEngine;
  syncArea: MemorySyncArea;
} {
  const local = new MemoryStore();
  const session = new MemoryStore();
  const deps: KeeperDeps = {
    local,
    session,
    now: options.now ?? (() => Date.now()),
    newId: randomHexId,
    readPolicy: options.policy,
  };
  const cleared: string[] = [];
  const scan = recordingScanEffects();
  const fill = recordingFillEffects();
  const keeper = new Keeper(deps);
  const syncArea = options.syncArea ?? new MemorySyncArea();
  const sync = new SyncEngine(keeper, deps, syncArea, () => null);
  const route = createRouter(
    createHandlers(
      keeper,
      deps,
      {
        scheduleClipboardClear: async (d) => void cleared.push(d),
        ...scan,
        ...fill,
        measureClock: options.measureClock,
        later: options.later,
      },
      undefined,
      undefined,
      sync,
    ),
    SELF,
  );
  const sender = { id: SELF.id, url: `${SELF.origin}/popup.html`, origin: SELF.origin };
  // Structured cloning, as runtime messaging does.
  const client = createClient(async (message) =>
    structuredClone(await route(structuredClone(message), sender)),
  );
  return { client, local, session, cleared, scan, fill, sync, syncArea };
}

/** The error code a request ends with, or 'ok' when it succeeds. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (e instanceof RemoteError) return e.code;
    throw e;
  }
  return 'ok';
}
