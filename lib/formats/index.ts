/** Public API of the import/export formats. Pure: no DOM, no browser APIs. */
export { FormatError, isFormatError, type FormatErrorCode } from './format-error';
export {
  formatMigrationUris,
  migrationProblem,
  parseMigrationUri,
  type MigrationBatch,
  type MigrationExportOptions,
  type MigrationImport,
} from './google-migration';
export { MAX_MIGRATION_URI_LENGTH } from './migration-uri';
