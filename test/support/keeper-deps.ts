import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import type { KeyValueStore } from '@/lib/vault';
import { MemoryStore } from './memory-store';

/** The keeper's dependencies for a test: its stores, a clock the test moves, and ids 00000001, 00000002… */
export function testDeps(local: KeyValueStore, session: KeyValueStore, clock: { now: number }): KeeperDeps {
  let n = 0;
  return { local, session, now: () => clock.now, newId: () => (++n).toString(16).padStart(8, '0') };
}

/** storage.local holding a new vault (created once: the KDF is slow), to copy into each test's own store. */
export async function vaultTemplate(password: string, now: number): Promise<[string, unknown][]> {
  const local = new MemoryStore();
  await new Keeper({ local, session: new MemoryStore(), now: () => now, newId: () => 'deadbeef' }).create(
    password,
  );
  return [...local.data.entries()];
}

/** A store holding a copy of `entries`. */
export function storeFrom(entries: [string, unknown][]): MemoryStore {
  const store = new MemoryStore();
  for (const [k, v] of entries) store.data.set(k, structuredClone(v));
  return store;
}
