/**
 * Sync's messages (options → Sync, the popup's one line): its state, turning it on (and joining the vault the
 * browser's sync already holds, after a preview), the new password set on another browser, turning it off.
 */
import type { FeatureHandlers } from '../handler-set';
import type { SyncEngine } from './sync-engine';

export function createSyncHandlers(engine: SyncEngine): FeatureHandlers<'sync'> {
  return {
    'sync.status': () => engine.status(),
    'sync.enable': () => engine.enable(),
    'sync.join': ({ password, confirm }) => engine.join(password, confirm),
    'sync.password': ({ password }) => engine.newPassword(password),
    'sync.disable': () => engine.disable(),
  };
}
