import { Keeper } from '@/lib/keeper/keeper';
import { createHandlers } from '@/lib/keeper/handlers';
import { createRouter } from '@/lib/keeper/router';
import { clearSessionKey } from '@/lib/keeper/session-key';
import { scheduleClipboardClear } from '@/lib/platform/clipboard';
import { listenForMessages, onLifecycle, selfIdentity } from '@/lib/platform/runtime';
import { localStore, sessionStore } from '@/lib/platform/storage';
import { randomHexId } from '@/lib/keeper/random-id';

export default defineBackground(() => {
  const deps = { local: localStore, session: sessionStore, now: () => Date.now(), newId: randomHexId };
  const keeper = new Keeper(deps);
  listenForMessages(createRouter(createHandlers(keeper, deps, { scheduleClipboardClear }), selfIdentity()));
  // The browser already empties session storage on restart and update; clearing again makes "locked after
  // an update or restart" independent of that behaviour.
  onLifecycle((reason) => {
    if (reason !== 'install') void clearSessionKey(sessionStore);
  });
});
