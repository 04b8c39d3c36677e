/**
 * Checklist, "Faults": browser restart; extension update while unlocked; clock off by minutes. The browser clears
 * storage.session on a restart and on an extension update or reload; storage.local stays. A vault written by a
 * newer Sekimori (what an update rolled back meets) opens read-only and is never rewritten.
 */
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '@/lib/encoding/base64';
import { generateCode } from '@/lib/otp/generate-code';
import { createVault, VAULT_STORAGE_KEYS, VAULT_VERSION } from '@/lib/vault';
import { secureRandomBytes } from '@/lib/vault/random-bytes';
import { writeChecksummedText } from '@/lib/vault/record-checksum';
import { sealBytes } from '@/lib/vault/seal';
import { utf8Encode } from '@/lib/vault/utf8';
import { payloadAad } from '@/lib/vault/vault-aad';
import { importVaultKey } from '@/lib/vault/vault-key';
import { MemoryStore } from '../support/memory-store';
import { background } from './support/background';
import { remoteCode } from './support/remote-code';

const PASSWORD = 'restart and clock campaign';
const SECRET = 'ABCDEFGHIJKL2345';
const TOTP = {
  type: 'totp',
  issuer: 'Trend Micro SaaS Account',
  account: 'abc@example.co.jp',
  secret: SECRET,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
} as const;

async function unlockedVault(now: () => number = Date.now) {
  const local = new MemoryStore();
  const session = new MemoryStore();
  const bg = background({ local, session, now });
  await bg.client.call('vault.create', { password: PASSWORD });
  const { id } = await bg.client.call('account.add', { draft: TOTP });
  await bg.client.call('enrol.save', {
    text: 'otpauth://hotp/VPN:ops?secret=JBSWY3DPEHPK3PXP&counter=7&issuer=VPN',
  });
  return { local, session, bg, id };
}

describe('browser restart', () => {
  it('storage.session gone: locked, unlocks with every account; storage.local untouched by the restart', async () => {
    const { local } = await unlockedVault();
    const stored = JSON.stringify([...local.data]);
    const restarted = background({ local, session: new MemoryStore() });
    const before = await restarted.client.call('codes.list', {});
    expect(before.status.vault).toBe('locked');
    expect(before.accounts).toEqual([]);
    expect(JSON.stringify([...local.data])).toBe(stored);
    await restarted.client.call('vault.unlock', { password: PASSWORD });
    expect((await restarted.client.call('codes.list', {})).accounts.map((a) => a.account).sort()).toEqual(
      ['abc@example.co.jp', 'ops'].sort(),
    );
  });
});

describe('extension update while unlocked', () => {
  it('the new version starts with an empty storage.session: locked, data intact, the old key nowhere', async () => {
    const { local, session } = await unlockedVault();
    // The vault key (and anything else long) kept while unlocked: it must never have reached storage.local.
    const sessionSecrets = [...session.data.values()].filter(
      (v): v is string => typeof v === 'string' && v.length >= 40,
    );
    expect(sessionSecrets.length).toBeGreaterThan(0);
    const updated = background({ local, session: new MemoryStore() });
    expect((await updated.client.call('vault.status', {})).vault).toBe('locked');
    expect(await remoteCode(updated.client.call('account.add', { draft: { ...TOTP, account: 'x' } }))).toBe(
      'locked',
    );
    for (const secret of sessionSecrets) expect(JSON.stringify([...local.data])).not.toContain(secret);
    await updated.client.call('vault.unlock', { password: PASSWORD });
    expect((await updated.client.call('codes.list', {})).accounts).toHaveLength(2);
  });

  it('a vault written by a newer version (an update rolled back) opens read-only and is never rewritten', async () => {
    const { record, vaultKey } = await createVault(PASSWORD, { schema: 1, accounts: [] });
    const { checksum: _c, ...body } = JSON.parse(record) as Record<string, Record<string, unknown>>;
    body.header = { ...body.header, version: VAULT_VERSION + 1, compression: 'none' };
    const payload = {
      schema: 1,
      accounts: [{ ...TOTP, id: '0123abcd', origins: [], createdAt: 1 }],
      futureField: true,
    };
    const sealed = await sealBytes(
      await importVaultKey(vaultKey),
      utf8Encode(JSON.stringify(payload)),
      payloadAad(body.header, body.wrappedKey!),
      secureRandomBytes,
    );
    body.payload = { nonce: encodeBase64(sealed.nonce), ciphertext: encodeBase64(sealed.ciphertext) };
    const newer = await writeChecksummedText(body);
    const local = new MemoryStore();
    local.data.set(VAULT_STORAGE_KEYS.current, newer);
    const bg = background({ local });
    expect(await bg.client.call('vault.unlock', { password: PASSWORD })).toMatchObject({
      vault: 'unlocked',
      readOnly: true,
    });
    expect((await bg.client.call('codes.list', {})).accounts.map((a) => a.account)).toEqual([
      'abc@example.co.jp',
    ]);
    for (const call of [
      bg.client.call('account.add', { draft: { ...TOTP, account: 'new' } }),
      bg.client.call('account.update', { id: '0123abcd', patch: { issuer: 'x' } }),
      bg.client.call('account.delete', { id: '0123abcd' }),
    ]) {
      expect(await remoteCode(call)).toBe('read-only');
    }
    expect(local.writes).toEqual([]);
    expect(local.data.get(VAULT_STORAGE_KEYS.current)).toBe(newer);
  });
});

describe('clock off by minutes', () => {
  it.each([-10, -3, 3, 10])(
    'clock %i min off: codes follow the device clock (a wrong code, as in every authenticator), nothing else changes',
    async (minutes) => {
      const skew = minutes * 60_000;
      const { bg, id } = await unlockedVault(() => Date.now() + skew);
      const list = await bg.client.call('codes.list', {});
      const row = list.accounts.find((a) => a.id === id)!;
      expect(Math.abs(list.now - (Date.now() + skew))).toBeLessThan(5_000);
      expect(row.code).toBe(await generateCode(TOTP, list.now));
      expect(row.validUntilMs).toBeGreaterThan(list.now);
      expect(row.validUntilMs - list.now).toBeLessThanOrEqual(30_000);
      // HOTP does not depend on the clock at all.
      const hotp = list.accounts.find((a) => a.type === 'hotp')!;
      expect(hotp.counter).toBe(7);
    },
  );

  it('the clock jumping back 10 minutes: it may lock (a clock set back must not stretch the unlocked time), writes go on, an undo still works, nothing is lost', async () => {
    const clock = { now: Date.now() };
    const { bg, id, local } = await unlockedVault(() => clock.now);
    /** Runs `call`; if the vault locked itself meanwhile, unlocks as the user would and runs it again. */
    const asUser = async <T>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if ((await remoteCode(Promise.reject(error)).catch(() => '')) !== 'locked') throw error;
        await bg.client.call('vault.unlock', { password: PASSWORD });
        return call();
      }
    };
    const other = await bg.client.call('account.add', { draft: { ...TOTP, account: 'second@example.jp' } });
    await bg.client.call('account.delete', { id: other.id });
    clock.now -= 10 * 60_000;
    await asUser(() => bg.client.call('account.update', { id, patch: { issuer: 'After the jump' } }));
    await asUser(() => bg.client.call('account.restore', { id: other.id }));
    clock.now += 25 * 60_000;
    await asUser(() => bg.client.call('account.update', { id, patch: { issuer: 'After the jump forward' } }));
    const accounts = (await bg.client.call('codes.list', {})).accounts;
    expect(accounts.map((a) => a.account).sort()).toEqual(
      ['abc@example.co.jp', 'ops', 'second@example.jp'].sort(),
    );
    expect(accounts.find((a) => a.id === id)!.issuer).toBe('After the jump forward');
    const revision = (record: unknown) =>
      (JSON.parse(record as string) as { header: { revision: number } }).header.revision;
    expect(revision(local.data.get(VAULT_STORAGE_KEYS.current))).toBeGreaterThan(
      revision(local.data.get(VAULT_STORAGE_KEYS.previous)),
    );
  });

  it('a clock jumping forward past the undo window purges only deleted accounts, never live ones', async () => {
    const clock = { now: Date.now() };
    const { bg, id } = await unlockedVault(() => clock.now);
    const other = await bg.client.call('account.add', { draft: { ...TOTP, account: 'gone@example.jp' } });
    await bg.client.call('account.delete', { id: other.id });
    clock.now += 11 * 60_000;
    await bg.client.call('account.update', { id, patch: { issuer: 'Still here' } });
    expect(await remoteCode(bg.client.call('account.restore', { id: other.id }))).toBe('not-found');
    expect((await bg.client.call('codes.list', {})).accounts.map((a) => a.account).sort()).toEqual(
      ['abc@example.co.jp', 'ops'].sort(),
    );
  });
});
