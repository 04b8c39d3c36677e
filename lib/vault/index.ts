/** The encrypted vault: format, key handling and storage rules. Format: docs/vault-format.md. */
export { VaultError, isVaultError, type VaultErrorCode } from './errors';
export {
  CIPHER_AES_256_GCM,
  KDF_DEFAULT_ITERATIONS,
  KDF_MIN_ITERATIONS,
  KDF_PBKDF2_SHA256,
  VAULT_FORMAT,
  PASSKEY_VAULT_VERSION,
  PASSWORD_VAULT_VERSION,
  VAULT_VERSION,
} from './vault-constants';
export type { KdfParams, VaultHeader } from './vault-record';
export {
  MAX_PASSKEY_NAME,
  MAX_PASSKEY_SLOTS,
  PASSKEY_SALT_BYTES,
  PRF_OUTPUT_BYTES,
  makePasskeySlot,
  slotInfo,
  type PasskeyChallenge,
  type PasskeySlot,
  type PasskeySlotInfo,
} from './passkey-slot';
export type { RandomBytes } from './random-bytes';
export type { WrittenVault } from './write-record-with-new-key';
export { createVault, type CreateVaultOptions } from './create-vault';
export { unlockVault, unlockVaultWithPasskey, type UnlockedVault } from './unlock-vault';
export { openVault, type OpenedVault } from './open-vault';
export { sealVault, type SealVaultOptions } from './seal-vault';
export { rewrapVault, type RewrapVaultOptions, type VaultCredential } from './rewrap-vault';
export { adoptVaultKey, type PasswordSlot } from './adopt-vault';
export { needsKdfUpgrade, upgradeVaultKdf, type UpgradeVaultKdfOptions } from './upgrade-vault-kdf';
export { encodeVaultKey, decodeVaultKey } from './vault-key';
export {
  readCurrentRecord,
  readStoredVault,
  VAULT_STORAGE_KEYS,
  type KeyValueStore,
  type StoredVault,
} from './vault-store';
export { commitVault, type CommitVaultOptions } from './commit-vault';
export {
  openStoredVault,
  unlockStoredVault,
  unlockStoredVaultWithPasskey,
  type StoredVaultSource,
} from './open-stored-vault';
