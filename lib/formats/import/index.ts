/** Importers for other authenticator apps' backups and exports. Pure: no DOM, no browser APIs beyond WebCrypto. */
export { detectImportFormat, importAccounts, readImport } from './read-import';
export type {
  ImportDetection,
  ImportFormat,
  ImportInput,
  ImportOptions,
  ImportRead,
  SkippedEntry,
  SkipReason,
} from './import-types';
export { MAX_IMPORT_SIZE } from './import-limits';
