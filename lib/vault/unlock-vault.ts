import { deriveKeyEncryptionKey, type Pbkdf2Params } from './derive-key';
import { VaultError } from './errors';
import { openParsedRecord, type OpenedVault } from './open-vault';
import { parseVaultRecord } from './parse-vault-record';
import { unwrapPasskeySlot } from './passkey-slot';
import { importVaultKey, unwrapVaultKey } from './vault-key';

/** An unlocked vault: the decrypted payload and the vault key for later `openVault`/`sealVault` calls. */
export interface UnlockedVault<T> extends OpenedVault<T> {
  vaultKey: Uint8Array;
}

/** Derives a key-encryption key; replaceable so one unlock attempt can reuse a derivation. */
export type DeriveKek = (password: string, params: Pbkdf2Params) => Promise<CryptoKey>;

/** Same as `unlockVault`, with the KDF step injected. */
export async function unlockVaultWith<T>(
  record: string,
  password: string,
  deriveKek: DeriveKek,
): Promise<UnlockedVault<T>> {
  const parsed = await parseVaultRecord(record);
  const kek = await deriveKek(password, { iterations: parsed.header.kdf.iterations, salt: parsed.salt });
  const vaultKey = await unwrapVaultKey(kek, parsed.wrappedKey, parsed.wrappedKeyAad);
  if (vaultKey === null) throw new VaultError('wrong-password');
  // The password is right; if the payload does not authenticate now, the record itself was altered.
  const opened = await openParsedRecord<T>(parsed, await importVaultKey(vaultKey), 'corrupt');
  return { ...opened, vaultKey };
}

/**
 * Unlocks a record with the password (one PBKDF2 run, checked against the floor first).
 * Throws 'corrupt' (checked before the KDF, or a payload that fails authentication), 'unsupported-version',
 * 'kdf-too-weak' (before deriving anything), 'wrong-password'.
 */
export async function unlockVault<T>(record: string, password: string): Promise<UnlockedVault<T>> {
  return unlockVaultWith<T>(record, password, deriveKeyEncryptionKey);
}

/**
 * Unlocks a record with a passkey: the slot of `credentialId` is opened with the key derived from the PRF
 * output (no PBKDF2), then the payload, whose AAD covers every slot. Throws 'corrupt', 'unsupported-version',
 * 'unknown-passkey' (no slot for this credential), 'wrong-passkey' (the PRF output does not open the slot).
 */
export async function unlockVaultWithPasskey<T>(
  record: string,
  credentialId: string,
  prfOutput: Uint8Array,
): Promise<UnlockedVault<T>> {
  const parsed = await parseVaultRecord(record);
  const slot = parsed.header.passkeys?.find((s) => s.id === credentialId);
  if (!slot) throw new VaultError('unknown-passkey');
  const vaultKey = await unwrapPasskeySlot(slot, prfOutput);
  if (vaultKey === null) throw new VaultError('wrong-passkey');
  const opened = await openParsedRecord<T>(parsed, await importVaultKey(vaultKey), 'corrupt');
  return { ...opened, vaultKey };
}
