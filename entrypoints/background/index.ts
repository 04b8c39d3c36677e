import { Keeper } from '@/lib/keeper/keeper';
import { createHandlers } from '@/lib/keeper/handlers';
import { createAutoFill } from '@/lib/keeper/fill/auto-fill-handlers';
import { createAutoLock } from '@/lib/keeper/session/auto-lock';
import { policyIdleCeiling } from '@/lib/keeper/policy/policy-rules';
import { autoLockEffects, startAutoLock } from '@/lib/platform/auto-lock';
import { autoFillEffects, listenForGrants } from '@/lib/platform/auto-fill';
import { createRouter } from '@/lib/keeper/router';
import { clearSessionKey } from '@/lib/keeper/session/session-key';
import { listenForClipboardAlarm, scheduleClipboardClear } from '@/lib/platform/clipboard';
import { translate } from '@/lib/platform/i18n';
import { listenForMessages, onLifecycle, selfIdentity } from '@/lib/platform/runtime';
import { localStore, sessionStore } from '@/lib/platform/storage';
import { fillEffects } from '@/lib/platform/fill';
import { openActionPopup, registerScanTriggers, scanEffects } from '@/lib/platform/tabs';
import { fillFromTrigger } from '@/lib/keeper/fill/fill-trigger';
import { randomHexId } from '@/lib/keeper/random-id';
import { readManagedPolicy } from '@/lib/platform/policy';
import { measureClock } from '@/lib/platform/clock';
import { SyncEngine } from '@/lib/keeper/sync/sync-engine';
import { browserSyncArea, onSyncChanged } from '@/lib/platform/sync-area';

/** Runs one task at a time, 1.5 s after it was asked for: by then the popup that asked has painted. */
function afterStartUp(): (task: () => Promise<unknown>) => void {
  let pending = false;
  return (task) => {
    if (pending) return;
    pending = true;
    setTimeout(
      () =>
        void task()
          .finally(() => (pending = false))
          .catch(() => undefined),
      1500,
    );
  };
}

export default defineBackground(() => {
  const deps = {
    local: localStore,
    session: sessionStore,
    now: () => Date.now(),
    newId: randomHexId,
    readPolicy: readManagedPolicy,
  };
  const keeper = new Keeper(deps);
  const effects = {
    scheduleClipboardClear,
    ...scanEffects,
    ...fillEffects,
    ...autoFillEffects,
    measureClock,
    later: afterStartUp(),
  };
  const autoFill = createAutoFill(keeper, deps, effects);
  const autoLock = createAutoLock(keeper, deps, autoLockEffects, policyIdleCeiling(deps));
  const sync = new SyncEngine(keeper, deps, browserSyncArea);
  const handlers = createHandlers(keeper, deps, effects, autoFill, autoLock, sync);
  onSyncChanged(() => sync.schedule());
  listenForGrants(autoFill);
  listenForMessages(createRouter(handlers, selfIdentity()));
  listenForClipboardAlarm();
  // The lock alarm and idle events wake the worker; the deadline is checked again at every start-up.
  startAutoLock(autoLock);
  // The context menu and the keyboard command grant activeTab on their tab, as the toolbar popup does.
  registerScanTriggers(
    translate('menu_scan'),
    (tabId) => void handlers['scan.start']({ tabId }).catch(() => {}),
    undefined,
    { title: translate('menu_fill'), run: (tabId) => void fillFromTrigger(handlers, tabId, openActionPopup) },
  );
  // The browser already empties session storage on restart and update; clearing again makes "locked after
  // an update or restart" independent of that behaviour.
  onLifecycle((reason) => {
    if (reason !== 'install') void clearSessionKey(sessionStore);
  });
});
