/** A local vault and its synced record, for the sync-record tests (one PBKDF2 at the floor per vault). */
import { createVault, rewrapVault, type WrittenVault } from '../../../lib/vault';
import { KDF_MIN_ITERATIONS } from '../../../lib/vault/vault-constants';
import { syncWrappingOf, type SyncWrapping } from '../../../lib/sync/records-index';

export const PASSWORD = 'correct horse ぱすわーど';
export const NEW_PASSWORD = 'battery staple 新しい';
export const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface TestVault extends WrittenVault {
  wrapping: SyncWrapping;
}

export async function makeVault(password = PASSWORD): Promise<TestVault> {
  const written = await createVault(
    password,
    { schema: 1, accounts: [] },
    { iterations: KDF_MIN_ITERATIONS },
  );
  return { ...written, wrapping: await syncWrappingOf(written.record, written.vaultKey) };
}

/** A password change on one device: a new vault key, a new slot. */
export async function changePassword(vault: TestVault, newPassword = NEW_PASSWORD): Promise<TestVault> {
  const written = await rewrapVault(vault.record, { vaultKey: vault.vaultKey }, newPassword, {
    iterations: KDF_MIN_ITERATIONS,
  });
  return { ...written, wrapping: await syncWrappingOf(written.record, written.vaultKey) };
}

export function plainOf(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** Bytes as Latin-1 text, to search a record for a plaintext string. */
export function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
}
