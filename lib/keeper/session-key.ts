/**
 * The unlocked vault key lives only in session storage (memory, trusted contexts only): it survives the
 * service worker being stopped, and the browser drops it on restart, extension update and reload.
 */
import { decodeVaultKey, encodeVaultKey, type KeyValueStore } from '../vault';

const KEY = 'unlocked';

export async function readSessionKey(session: KeyValueStore): Promise<Uint8Array | null> {
  const value = (await session.get([KEY]))[KEY];
  if (typeof value !== 'string' || value === '') return null;
  try {
    return decodeVaultKey(value);
  } catch {
    return null;
  }
}

export async function writeSessionKey(session: KeyValueStore, key: Uint8Array): Promise<void> {
  await session.set({ [KEY]: encodeVaultKey(key) });
}

export async function clearSessionKey(session: KeyValueStore): Promise<void> {
  await session.set({ [KEY]: '' });
}
