/**
 * Sekimori's browser-free library: the public API the extension is built on, usable and tested in Node.
 * See README.md ("Library API").
 */
export type { Account, OtpAlgorithm, OtpType } from './otp/account';
export { OtpError, isOtpError, type OtpErrorCode } from './otp/errors';
export { parseOtpauthUri } from './otp/parse-otpauth-uri';
export { formatOtpauthUri } from './otp/format-otpauth-uri';
export { generateCode, generateCodes, type CodePair } from './otp/generate-code';
export { validateAccount, type AccountDraft } from './otp/validate-account';
export { normalizeSecret, encodeBase32, decodeBase32 } from './otp/base32';
export { timeStep, secondsRemaining, nextStepStartMs } from './otp/time';
export {
  VaultError,
  isVaultError,
  type VaultErrorCode,
  createVault,
  unlockVault,
  openVault,
  sealVault,
  KDF_MIN_ITERATIONS,
  KDF_DEFAULT_ITERATIONS,
} from './vault';
export { decodeQr } from './qr/decode-qr';
export type { RgbaImage } from './qr/rgba-image';
export {
  FormatError,
  isFormatError,
  type FormatErrorCode,
  parseMigrationUri,
  formatMigrationUris,
  migrationProblem,
  type MigrationImport,
} from './formats';
export {
  importAccounts,
  readAnyImport,
  type AnyImportFormat,
  type AnyImportRead,
} from './formats/import-any';
export {
  detectImportFormat,
  type ImportFormat,
  type ImportInput,
  type ImportOptions,
} from './formats/import';
export { exportAccounts, type ExportFormat, type ExportOptions } from './formats/export-accounts';
export {
  BackupError,
  isBackupError,
  type BackupErrorCode,
  type BackupAccount,
  sealBackup,
  openBackup,
  isSekimoriBackup,
} from './backup';
