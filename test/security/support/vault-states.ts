/**
 * A vault with a known history for the tampering campaign: revision 1 (empty), 2 (account A), 3 (A and B), all
 * written by the real keeper, plus helpers to start a background over any stored state, locked or unlocked.
 */
import { VAULT_STORAGE_KEYS } from '@/lib/vault';
import { MemoryStore } from '../../support/memory-store';
import { background, type Background } from './background';

export const VAULT_PASSWORD = 'tamper campaign password';
export const ACCOUNT_A = {
  issuer: 'Trend Micro SaaS Account',
  account: 'a@example.co.jp',
  secret: 'ABCDEFGHIJKL2345',
};
export const ACCOUNT_B = { issuer: 'Webroot', account: 'b@example.jp', secret: 'JBSWY3DPEHPK3PXP' };

export interface VaultHistory {
  /** Records by revision: [1] empty, [2] A, [3] A and B. */
  records: Record<1 | 2 | 3, string>;
  /** storage.session of the background that wrote them, while unlocked (the vault key and what goes with it). */
  unlockedSession: [string, unknown][];
  ids: { a: string; b: string };
}

export async function vaultHistory(): Promise<VaultHistory> {
  const local = new MemoryStore();
  const session = new MemoryStore();
  const bg = background({ local, session });
  await bg.client.call('vault.create', { password: VAULT_PASSWORD });
  const current = () => local.data.get(VAULT_STORAGE_KEYS.current) as string;
  const r1 = current();
  const { id: a } = await bg.client.call('account.add', { draft: ACCOUNT_A });
  const r2 = current();
  const { id: b } = await bg.client.call('account.add', { draft: ACCOUNT_B });
  const unlockedSession = structuredClone([...session.data.entries()]);
  return { records: { 1: r1, 2: r2, 3: current() }, unlockedSession, ids: { a, b } };
}

/** A background over `items` in storage.local; unlocked (the key in storage.session) or locked. */
export async function backgroundOver(
  items: Record<string, unknown>,
  history: VaultHistory,
  unlocked: boolean,
): Promise<Background & { localStore: MemoryStore; sessionStore: MemoryStore }> {
  const localStore = new MemoryStore();
  const sessionStore = new MemoryStore();
  for (const [k, v] of Object.entries(items)) localStore.data.set(k, structuredClone(v));
  if (unlocked) for (const [k, v] of history.unlockedSession) sessionStore.data.set(k, structuredClone(v));
  return { ...background({ local: localStore, session: sessionStore }), localStore, sessionStore };
}

/** storage.local as one comparable value. */
export const storageOf = (store: MemoryStore) => JSON.stringify([...store.data.entries()]);
