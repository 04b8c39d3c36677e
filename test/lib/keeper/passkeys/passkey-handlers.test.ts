/**
 * Passkeys in the background: adding one needs the password again, unlocking with one needs no KDF, removing one
 * leaves no stored copy with its slot, a password change removes them all, and the organisation's policy can
 * turn them off. What the page's ceremony answers is played by fixed PRF outputs (the real ceremony runs in
 * Chromium: test/e2e/passkey.e2e.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64 } from '@/lib/encoding/base64';
import { createHandlers } from '@/lib/keeper/handlers';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { RemoteError, type ErrorCode } from '@/lib/messages';
import { DEFAULT_POLICY, type Policy } from '@/lib/policy/policy';
import { readStoredVault, VAULT_STORAGE_KEYS, type KeyValueStore } from '@/lib/vault';
import { parseVaultRecord } from '@/lib/vault/parse-vault-record';
import { recordingFillEffects } from '../../../support/fill-effects';
import { MemoryStore } from '../../../support/memory-store';
import { recordingScanEffects } from '../../../support/scan-effects';

const PASSWORD = 'correct horse battery staple';
const T0 = 1_700_000_000_000;
const CONSOLE = { issuer: 'Trend Micro', account: 'abc@example.co.jp', secret: 'JBSWY3DPEHPK3PXP' };
const b64 = (byte: number, length = 32) => encodeBase64(new Uint8Array(length).fill(byte));
const KEY_A = { id: b64(1, 16), prfSalt: b64(0x11), prf: b64(0xa1) };
const KEY_B = { id: b64(2, 16), prfSalt: b64(0x22), prf: b64(0xb2) };

let template: { local: [string, unknown][]; session: [string, unknown][] };
beforeAll(async () => {
  const { handlers, local, session } = background();
  await handlers['vault.create']({ password: PASSWORD });
  await handlers['account.add']({ draft: CONSOLE });
  template = { local: [...local.data.entries()], session: [...session.data.entries()] };
});

function background(policy: Partial<Policy> = {}, from = template) {
  const local = new MemoryStore();
  const session = new MemoryStore();
  for (const [k, v] of from?.local ?? []) local.data.set(k, structuredClone(v));
  for (const [k, v] of from?.session ?? []) session.data.set(k, structuredClone(v));
  const clock = { now: T0 };
  const deps: KeeperDeps = {
    local,
    session,
    now: () => clock.now,
    newId: () => 'deadbeef',
    readPolicy: async () => ({ ...DEFAULT_POLICY, ...policy }),
  };
  const keeper = new Keeper(deps);
  const handlers = createHandlers(keeper, deps, {
    scheduleClipboardClear: async () => undefined,
    ...recordingScanEffects(),
    ...recordingFillEffects(),
  });
  return { handlers, keeper, local, session, clock };
}

async function code(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemoteError) return error.code;
    if (error && typeof error === 'object' && 'code' in error) return (error as { code: ErrorCode }).code;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function slotsIn(local: KeyValueStore, key: string): Promise<string[]> {
  const text = (await local.get([key]))[key];
  if (typeof text !== 'string') return [];
  return ((await parseVaultRecord(text)).header.passkeys ?? []).map((s) => s.name);
}

describe('passkeys in the background', () => {
  it('adds a passkey with the password, lists it, and unlocks with it after a lock (no password)', async () => {
    const { handlers } = background();
    const added = await handlers['passkey.add']({ password: PASSWORD, name: 'Windows Hello', ...KEY_A });
    expect(added).toMatchObject({ allowed: true, userVerification: 'required' });
    expect(added.passkeys).toEqual([
      { id: KEY_A.id, name: 'Windows Hello', createdAt: T0, prfSalt: KEY_A.prfSalt },
    ]);
    expect(await handlers['vault.lock']({})).toEqual({ vault: 'locked' });
    // While locked the list is still there: the popup offers the passkey.
    expect((await handlers['passkey.list']({})).passkeys).toHaveLength(1);
    const status = await handlers['vault.unlock-passkey']({ id: KEY_A.id, prf: KEY_A.prf });
    expect(status).toMatchObject({ vault: 'unlocked', readOnly: false });
    const { accounts } = await handlers['codes.list']({});
    expect(accounts.map((a) => a.account)).toEqual([CONSOLE.account]);
  });

  it('a wrong password adds nothing and writes nothing', async () => {
    const { handlers, local } = background();
    const before = [...local.data.entries()];
    expect(await code(handlers['passkey.add']({ password: 'not it at all', name: 'Key', ...KEY_A }))).toBe(
      'wrong-password',
    );
    expect([...local.data.entries()]).toEqual(before);
  });

  it('is refused while locked, and for a credential already added', async () => {
    const { handlers } = background();
    await handlers['passkey.add']({ password: PASSWORD, name: 'A', ...KEY_A });
    expect(await code(handlers['passkey.add']({ password: PASSWORD, name: 'A again', ...KEY_A }))).toBe(
      'duplicate',
    );
    await handlers['vault.lock']({});
    expect(await code(handlers['passkey.add']({ password: PASSWORD, name: 'B', ...KEY_B }))).toBe('locked');
  });

  it('refuses another vault’s credential and a wrong PRF output, and stays locked', async () => {
    const { handlers } = background();
    await handlers['passkey.add']({ password: PASSWORD, name: 'A', ...KEY_A });
    await handlers['vault.lock']({});
    expect(await code(handlers['vault.unlock-passkey']({ id: KEY_B.id, prf: KEY_B.prf }))).toBe(
      'unknown-passkey',
    );
    expect(await code(handlers['vault.unlock-passkey']({ id: KEY_A.id, prf: KEY_B.prf }))).toBe(
      'wrong-passkey',
    );
    expect(await handlers['vault.status']({})).toEqual({ vault: 'locked' });
  });

  it('removing a passkey leaves no stored copy with its slot; the other still unlocks', async () => {
    const { handlers, local } = background();
    await handlers['passkey.add']({ password: PASSWORD, name: 'A', ...KEY_A });
    await handlers['passkey.add']({ password: PASSWORD, name: 'B', ...KEY_B });
    const left = await handlers['passkey.remove']({ id: KEY_A.id });
    expect(left.passkeys.map((p) => p.name)).toEqual(['B']);
    expect(await slotsIn(local, VAULT_STORAGE_KEYS.current)).toEqual(['B']);
    expect(await slotsIn(local, VAULT_STORAGE_KEYS.previous)).toEqual(['B']);
    await handlers['vault.lock']({});
    expect(await code(handlers['vault.unlock-passkey']({ id: KEY_A.id, prf: KEY_A.prf }))).toBe(
      'unknown-passkey',
    );
    expect(await handlers['vault.unlock-passkey']({ id: KEY_B.id, prf: KEY_B.prf })).toMatchObject({
      vault: 'unlocked',
    });
    expect(await code(handlers['passkey.remove']({ id: KEY_A.id }))).toBe('not-found');
  });

  it('account changes keep the slots; a password change removes them all (they wrap the old key)', async () => {
    const { handlers, local } = background();
    await handlers['passkey.add']({ password: PASSWORD, name: 'A', ...KEY_A });
    await handlers['account.add']({ draft: { ...CONSOLE, account: 'second@example.co.jp' } });
    expect(await slotsIn(local, VAULT_STORAGE_KEYS.current)).toEqual(['A']);
    await handlers['vault.change-password']({ current: PASSWORD, next: 'another long password 2026' });
    expect((await handlers['passkey.list']({})).passkeys).toEqual([]);
    const stored = await readStoredVault(local);
    expect(stored.state).toBe('present');
    expect(await slotsIn(local, VAULT_STORAGE_KEYS.previous)).toEqual([]);
  });

  it('a vault holds ten passkeys at most', async () => {
    const { handlers } = background();
    for (let i = 0; i < 10; i++) {
      await handlers['passkey.add']({
        password: PASSWORD,
        name: `Key ${i}`,
        id: b64(i + 10, 8),
        prfSalt: b64(i + 40),
        prf: b64(i + 80),
      });
    }
    expect(
      await code(
        handlers['passkey.add']({
          password: PASSWORD,
          name: 'Eleventh',
          id: b64(99, 8),
          prfSalt: b64(1),
          prf: b64(2),
        }),
      ),
    ).toBe('too-many-passkeys');
  });

  it('policy: passkeys turned off (none added, none unlocks, list says so); user verification relaxed', async () => {
    const on = background();
    await on.handlers['passkey.add']({ password: PASSWORD, name: 'A', ...KEY_A });
    await on.handlers['vault.lock']({});
    const stored = {
      local: [...on.local.data.entries()] as [string, unknown][],
      session: [...on.session.data.entries()] as [string, unknown][],
    };
    const off = background({ disablePasskeyUnlock: true }, stored);
    expect(await off.handlers['passkey.list']({})).toMatchObject({ allowed: false });
    expect(await code(off.handlers['vault.unlock-passkey']({ id: KEY_A.id, prf: KEY_A.prf }))).toBe(
      'policy-forbids',
    );
    await off.handlers['vault.unlock']({ password: PASSWORD });
    expect(await code(off.handlers['passkey.add']({ password: PASSWORD, name: 'B', ...KEY_B }))).toBe(
      'policy-forbids',
    );
    const relaxed = background({ requirePasskeyUserVerification: false }, stored);
    expect(await relaxed.handlers['passkey.list']({})).toMatchObject({
      allowed: true,
      userVerification: 'preferred',
    });
  });

  it('the unlock by passkey is timed like any unlock: locked again at the deadline', async () => {
    const { handlers, clock } = background();
    await handlers['passkey.add']({ password: PASSWORD, name: 'A', ...KEY_A });
    await handlers['vault.lock']({});
    await handlers['vault.unlock-passkey']({ id: KEY_A.id, prf: KEY_A.prf });
    clock.now += 25 * 60 * 60 * 1000;
    expect(await handlers['vault.status']({})).toEqual({ vault: 'locked' });
  });
});
