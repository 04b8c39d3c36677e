/**
 * The synced record on `storage.sync`: sealed (sync-seal.ts), split into items (chunks.ts), written within the
 * quotas and write limits (sync-quota.ts, write-limits.ts). Format: docs/sync-format.md.
 */
export { SyncRecordError, isSyncRecordError, type SyncRecordErrorCode } from './sync-record-error';
export {
  SYNC_FORMAT,
  SYNC_VERSION,
  type SyncCompression,
  type SyncHeader,
  type SyncWrapping,
} from './sync-envelope';
export { syncKeyId } from './key-id';
export {
  inspectSyncRecord,
  openSyncRecordWithKey,
  openSyncRecordWithPassword,
  sealSyncRecord,
  syncWrappingOf,
  type OpenedSyncRecord,
  type SealSyncOptions,
  type SyncSealHeader,
  type UnlockedSyncRecord,
} from './sync-seal';
export {
  MANIFEST_KEY,
  SYNC_ITEM_PREFIX,
  applyStep,
  planWrite,
  readItems,
  type OverQuota,
  type SyncItems,
  type WritePlan,
  type WriteStep,
} from './chunks';
export {
  MAX_ITEMS,
  MAX_WRITE_OPERATIONS_PER_HOUR,
  MAX_WRITE_OPERATIONS_PER_MINUTE,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
} from './sync-quota';
export {
  SYNC_WRITE_LIMITS,
  debouncedAt,
  nextWriteAt,
  recordWrites,
  type PendingWrite,
  type WriteLimits,
} from './write-limits';
export { accountsThatFit, type Capacity } from './capacity';
