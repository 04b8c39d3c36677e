import { deriveKeyEncryptionKey, type Pbkdf2Params } from './derive-key';
import { isVaultError, VaultError, type VaultErrorCode } from './errors';
import { openVault, type OpenedVault } from './open-vault';
import { unlockVaultWith, unlockVaultWithPasskey, type DeriveKek, type UnlockedVault } from './unlock-vault';
import { encodeBase64 } from '../encoding/base64';
import type { StoredVault } from './vault-store';

/** Which stored record was opened. Pass `record` as `previousRecord` to `sealVault` and `commitVault`. */
export interface StoredVaultSource {
  record: string;
  /** True when the current record was damaged and the last good copy was opened instead. */
  recoveredFromPrevious: boolean;
}

async function withFallback<R>(
  stored: StoredVault,
  open: (record: string) => Promise<R>,
  fallbackCodes: VaultErrorCode[],
): Promise<R & StoredVaultSource> {
  if (stored.state === 'absent') throw new VaultError('invalid-argument', 'no vault is stored');
  if (stored.state === 'present') {
    try {
      return { ...(await open(stored.current)), record: stored.current, recoveredFromPrevious: false };
    } catch (error) {
      if (stored.previous === undefined || !isVaultError(error, ...fallbackCodes)) throw error;
      try {
        return { ...(await open(stored.previous)), record: stored.previous, recoveredFromPrevious: true };
      } catch {
        throw error;
      }
    }
  }
  if (stored.previous === undefined) throw new VaultError('corrupt', `current record ${stored.reason}`);
  return { ...(await open(stored.previous)), record: stored.previous, recoveredFromPrevious: true };
}

function derivingOnce(): DeriveKek {
  const cache = new Map<string, Promise<CryptoKey>>();
  return (password: string, params: Pbkdf2Params) => {
    const id = `${params.iterations}:${encodeBase64(params.salt)}`;
    const kek = cache.get(id) ?? deriveKeyEncryptionKey(password, params);
    cache.set(id, kek);
    return kek;
  };
}

/**
 * Unlocks the stored vault with the password. A current record that is damaged ('corrupt') falls back to the
 * last good copy (`recoveredFromPrevious: true`); 'wrong-password', 'unsupported-version' and 'kdf-too-weak'
 * never fall back. Runs the KDF at most once per distinct salt.
 */
export async function unlockStoredVault<T>(
  stored: StoredVault,
  password: string,
): Promise<UnlockedVault<T> & StoredVaultSource> {
  const deriveKek = derivingOnce();
  return withFallback(stored, (record) => unlockVaultWith<T>(record, password, deriveKek), ['corrupt']);
}

/** Opens the stored vault with the session vault key, falling back to the last good copy like unlock. */
export async function openStoredVault<T>(
  stored: StoredVault,
  vaultKey: Uint8Array,
): Promise<OpenedVault<T> & StoredVaultSource> {
  return withFallback(stored, (record) => openVault<T>(record, vaultKey), ['corrupt', 'wrong-key']);
}

/** Unlocks the stored vault with a passkey's PRF output, falling back to the last good copy like unlock. */
export async function unlockStoredVaultWithPasskey<T>(
  stored: StoredVault,
  credentialId: string,
  prfOutput: Uint8Array,
): Promise<UnlockedVault<T> & StoredVaultSource> {
  return withFallback(stored, (record) => unlockVaultWithPasskey<T>(record, credentialId, prfOutput), [
    'corrupt',
  ]);
}
