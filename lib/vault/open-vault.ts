import { VaultError, type VaultErrorCode } from './errors';
import { parseVaultRecord, type ParsedVaultRecord } from './parse-vault-record';
import { decodePayload } from './payload-codec';
import { openBytes } from './seal';
import { importVaultKey } from './vault-key';
import type { VaultHeader } from './vault-record';

/** A decrypted vault. `readOnly`: written by a newer version; show it, never seal a new revision from it. */
export interface OpenedVault<T> {
  payload: T;
  header: VaultHeader;
  readOnly: boolean;
}

/** Decrypts the payload of a parsed record; `failure` is the code used when authentication fails. */
export async function openParsedRecord<T>(
  parsed: ParsedVaultRecord,
  vaultKey: CryptoKey,
  failure: VaultErrorCode,
): Promise<OpenedVault<T>> {
  const plaintext = await openBytes(vaultKey, parsed.payload, parsed.payloadAad);
  if (plaintext === null) throw new VaultError(failure);
  return { payload: decodePayload<T>(plaintext), header: parsed.header, readOnly: parsed.readOnly };
}

/**
 * Opens a record with the vault key kept while unlocked: no KDF, a few milliseconds.
 * Throws 'corrupt', 'unsupported-version', 'kdf-too-weak', or 'wrong-key' when the key does not
 * authenticate the record (another vault's key, or a tampered record: lock and ask for the password).
 */
export async function openVault<T>(record: string, vaultKey: Uint8Array): Promise<OpenedVault<T>> {
  const key = await importVaultKey(vaultKey);
  return openParsedRecord<T>(await parseVaultRecord(record), key, 'wrong-key');
}
