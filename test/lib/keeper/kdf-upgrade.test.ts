/**
 * A vault written at a lower KDF cost (the floor, 600 000) is raised to today's default at the next unlock:
 * same password, same vault key (the unlocked session keeps working), new salt, one storage write.
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/keeper/handlers';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { readSessionUnlock } from '@/lib/keeper/session/session-key';
import { EMPTY_PAYLOAD } from '@/lib/keeper/accounts/stored-account';
import {
  commitVault,
  createVault,
  KDF_DEFAULT_ITERATIONS,
  KDF_MIN_ITERATIONS,
  unlockVault,
  type KeyValueStore,
} from '@/lib/vault';
import { recordingFillEffects } from '../../support/fill-effects';
import { MemoryStore } from '../../support/memory-store';
import { recordingScanEffects } from '../../support/scan-effects';

const PASSWORD = 'correct horse battery staple';
const CONSOLE = { issuer: 'Trend Micro', account: 'abc@example.co.jp', secret: 'JBSWY3DPEHPK3PXP' };

const headerOf = (record: unknown) =>
  (
    JSON.parse(record as string) as {
      header: { kdf: { iterations: number; salt: string }; revision: number };
    }
  ).header;

function background(local: KeyValueStore, session = new MemoryStore()) {
  const deps: KeeperDeps = { local, session, now: () => Date.now(), newId: () => 'deadbeef' };
  return {
    session,
    handlers: createHandlers(new Keeper(deps), deps, {
      scheduleClipboardClear: async () => undefined,
      ...recordingScanEffects(),
      ...recordingFillEffects(),
    }),
  };
}

async function vaultAt(iterations: number): Promise<MemoryStore> {
  const local = new MemoryStore();
  const { record } = await createVault(PASSWORD, EMPTY_PAYLOAD, { iterations });
  await commitVault(local, record, null);
  return local;
}

describe('KDF upgrade at unlock', () => {
  it('raises a 600 000-iteration vault to the default in one write; the same password still opens it', async () => {
    const local = await vaultAt(KDF_MIN_ITERATIONS);
    const old = local.data.get('vault') as string;
    const before = local.writes.length;
    const bg = background(local);
    await bg.handlers['vault.unlock']({ password: PASSWORD });
    expect(local.writes.length).toBe(before + 1);
    expect(Object.keys(local.writes.at(-1)!).sort()).toEqual(['vault', 'vault_prev']);
    const header = headerOf(local.data.get('vault'));
    expect(header.kdf.iterations).toBe(KDF_DEFAULT_ITERATIONS);
    expect(header.kdf.salt).not.toBe(headerOf(old).kdf.salt);
    expect(header.revision).toBe(headerOf(old).revision + 1);
    // The last good copy is the record it came from (same password).
    expect(local.data.get('vault_prev')).toBe(old);
    expect((await unlockVault(local.data.get('vault') as string, PASSWORD)).header.kdf.iterations).toBe(
      KDF_DEFAULT_ITERATIONS,
    );
    // The session key (the same vault key) keeps working: no second password prompt.
    await bg.handlers['account.add']({ draft: CONSOLE });
    expect((await bg.handlers['codes.list']({})).accounts).toHaveLength(1);
    // And after a lock, the same password opens it without another upgrade.
    await bg.handlers['vault.lock']({});
    const writes = local.writes.length;
    await bg.handlers['vault.unlock']({ password: PASSWORD });
    expect(local.writes.length).toBe(writes);
    expect((await bg.handlers['codes.list']({})).accounts).toHaveLength(1);
  });

  it('leaves a vault at the default cost as it is', async () => {
    const local = await vaultAt(KDF_DEFAULT_ITERATIONS);
    const before = local.writes.length;
    await background(local).handlers['vault.unlock']({ password: PASSWORD });
    expect(local.writes.length).toBe(before);
  });

  it('a failed upgrade (storage full) does not fail the unlock; the next unlock tries again', async () => {
    const local = await vaultAt(KDF_MIN_ITERATIONS);
    const full: KeyValueStore = {
      get: (keys) => local.get(keys),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    };
    const bg = background(full);
    expect(await bg.handlers['vault.unlock']({ password: PASSWORD })).toMatchObject({ vault: 'unlocked' });
    expect(headerOf(local.data.get('vault')).kdf.iterations).toBe(KDF_MIN_ITERATIONS);
    expect(await readSessionUnlock(bg.session)).not.toBeNull();
    await background(local).handlers['vault.unlock']({ password: PASSWORD });
    expect(headerOf(local.data.get('vault')).kdf.iterations).toBe(KDF_DEFAULT_ITERATIONS);
  });
});
