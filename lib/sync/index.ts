/** End-to-end encrypted sync, the merge: the replicated state, its join, and the way in and out of the vault. */
export { compareHlc, receive, tick, type Hlc } from './hlc';
export {
  EMPTY_SYNC_STATE,
  isDeleted,
  isRecord,
  type AccountFields,
  type AccountRecord,
  type Entry,
  type Flag,
  type Lww,
  type Report,
  type SyncState,
  type Tombstone,
} from './sync-state';
export { merge } from './merge';
export { acknowledge, collectGarbage, stableHorizon, TOMBSTONE_TTL_MS } from './gc';
export { recordLocalChanges } from './record-local';
export { applyToPayload, materialise, previewUnion, type UnionPreview } from './materialise';
export * from './records-index';
