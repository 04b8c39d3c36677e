import { beforeAll, describe, expect, it } from 'vitest';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers, type Handlers } from '@/lib/keeper/handlers';
import { recordingFillEffects } from '../../support/fill-effects';
import { recordingScanEffects } from '../../support/scan-effects';
import { generateCode } from '@/lib/otp/generate-code';
import { MemoryStore } from '../../support/memory-store';

const PASSWORD = 'correct horse battery staple';
const CONSOLE = {
  issuer: 'Trend Micro SaaS Account',
  account: 'abc@example.co.jp',
  secret: 'abcd efgh ijkl 2345',
};

function setup(now = 1_700_000_000_000) {
  const local = new MemoryStore();
  const session = new MemoryStore();
  let n = 0;
  const clock = { now };
  const deps: KeeperDeps = {
    local,
    session,
    now: () => clock.now,
    newId: () => (++n).toString(16).padStart(8, '0'),
  };
  const keeper = new Keeper(deps);
  const cleared: string[] = [];
  const handlers: Handlers = createHandlers(keeper, deps, {
    scheduleClipboardClear: async (d) => void cleared.push(d),
    ...recordingScanEffects(),
    ...recordingFillEffects(),
  });
  return { local, session, keeper, handlers, clock, cleared };
}

describe('keeper: vault life cycle', () => {
  let s: ReturnType<typeof setup>;
  beforeAll(async () => {
    s = setup();
    await s.handlers['vault.create']({ password: PASSWORD });
  });

  it('creates an unlocked vault and writes it in one set() with no plaintext', async () => {
    expect(await s.handlers['vault.status']({})).toEqual({
      vault: 'unlocked',
      readOnly: false,
      recovered: false,
    });
    const { id } = await s.handlers['account.add']({ draft: CONSOLE });
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    const lastWrite = s.local.writes.at(-1)!;
    expect(Object.keys(lastWrite).sort()).toEqual(['vault', 'vault_prev']);
    const everything = JSON.stringify([...s.local.data.entries(), ...s.session.data.entries()]);
    expect(everything).not.toContain('ABCDEFGHIJKL2345');
    expect(everything).not.toContain('Trend Micro');
    expect(everything).not.toContain('example.co.jp');
  });

  it('lists codes that equal an independent computation, without secrets', async () => {
    const { status, accounts, now } = await s.handlers['codes.list']({});
    expect(status.vault).toBe('unlocked');
    expect(accounts).toHaveLength(1);
    const row = accounts[0]!;
    expect(row).not.toHaveProperty('secret');
    const account = {
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      ...CONSOLE,
    } as const;
    expect(row.code).toBe(await generateCode({ ...account, secret: 'ABCDEFGHIJKL2345' }, now));
    expect(row.next).toBe(await generateCode({ ...account, secret: 'ABCDEFGHIJKL2345' }, now + 30_000));
    expect(row.validUntilMs % 30_000).toBe(0);
  });

  it('refuses a duplicate and a second vault', async () => {
    await expect(s.handlers['account.add']({ draft: CONSOLE })).rejects.toMatchObject({ code: 'duplicate' });
    await expect(s.handlers['vault.create']({ password: PASSWORD })).rejects.toMatchObject({
      code: 'vault-exists',
    });
  });

  it('locks, refuses work while locked, and unlocks with the right password only', async () => {
    await s.handlers['vault.lock']({});
    expect(await s.handlers['vault.status']({})).toEqual({ vault: 'locked' });
    expect((await s.handlers['codes.list']({})).accounts).toEqual([]);
    await expect(s.handlers['account.add']({ draft: { ...CONSOLE, account: 'x' } })).rejects.toMatchObject({
      code: 'locked',
    });
    await expect(s.handlers['vault.unlock']({ password: 'wrong password' })).rejects.toMatchObject({
      code: 'wrong-password',
    });
    await s.handlers['vault.unlock']({ password: PASSWORD });
    expect((await s.handlers['codes.list']({})).accounts).toHaveLength(1);
  });

  it('edits, deletes with undo, and keeps the secret when the edit leaves it empty', async () => {
    const [row] = (await s.handlers['codes.list']({})).accounts;
    await s.handlers['account.update']({ id: row!.id, patch: { issuer: 'トレンドマイクロ', secret: '' } });
    let list = (await s.handlers['codes.list']({})).accounts;
    expect(list[0]!.issuer).toBe('トレンドマイクロ');
    expect(list[0]!.code).toBe(row!.code);
    await s.handlers['account.delete']({ id: row!.id });
    expect((await s.handlers['codes.list']({})).accounts).toEqual([]);
    await s.handlers['account.restore']({ id: row!.id });
    list = (await s.handlers['codes.list']({})).accounts;
    expect(list.map((a) => a.id)).toEqual([row!.id]);
  });

  it('purges deleted accounts after the undo window', async () => {
    const { id } = await s.handlers['account.add']({ draft: { ...CONSOLE, account: 'temp' } });
    await s.handlers['account.delete']({ id });
    s.clock.now += 11 * 60 * 1000;
    await s.handlers['account.add']({ draft: { ...CONSOLE, account: 'later' } });
    await expect(s.handlers['account.restore']({ id })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('HOTP: the next code persists the new counter before it is returned', async () => {
    const { id } = await s.handlers['account.add']({
      draft: {
        issuer: 'RFC',
        account: '4226',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        type: 'hotp',
        counter: 0,
      },
    });
    const first = await s.handlers['hotp.next']({ id });
    expect(first).toEqual({ code: '287082', counter: 1 });
    await s.handlers['vault.lock']({});
    await s.handlers['vault.unlock']({ password: PASSWORD });
    const row = (await s.handlers['codes.list']({})).accounts.find((a) => a.id === id)!;
    expect(row.counter).toBe(1);
    expect(row.code).toBe('287082');
    expect((await s.handlers['hotp.next']({ id })).code).toBe('359152');
  });

  it('serialises concurrent edits: none is lost', async () => {
    const before = (await s.handlers['codes.list']({})).accounts.length;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        s.handlers['account.add']({ draft: { ...CONSOLE, account: `parallel-${i}` } }),
      ),
    );
    expect((await s.handlers['codes.list']({})).accounts).toHaveLength(before + 8);
  });

  it('previews a draft without saving it, and reports typed errors', async () => {
    const before = s.local.writes.length;
    const preview = await s.handlers['account.preview']({ draft: CONSOLE });
    expect(preview.code).toMatch(/^\d{6}$/);
    expect(preview.account).not.toHaveProperty('secret');
    expect(s.local.writes.length).toBe(before);
    await expect(
      s.handlers['account.preview']({ draft: { ...CONSOLE, secret: '0189' } }),
    ).rejects.toMatchObject({
      code: 'invalid-secret',
    });
  });
});

describe('keeper: creation rules', () => {
  it('refuses a short password', async () => {
    const s = setup();
    await expect(s.handlers['vault.create']({ password: 'short' })).rejects.toMatchObject({
      code: 'password-too-short',
    });
    expect(s.local.writes).toEqual([]);
  });

  it('never creates over an unreadable vault, and reports it', async () => {
    const s = setup();
    await s.local.set({ vault: '{"this is":"not a vault"' });
    expect(await s.handlers['vault.status']({})).toEqual({ vault: 'unreadable' });
    await expect(s.handlers['vault.create']({ password: PASSWORD })).rejects.toMatchObject({
      code: 'vault-exists',
    });
    expect(s.local.data.get('vault')).toBe('{"this is":"not a vault"');
  });
});

describe('keeper: what it remembers between requests', () => {
  it('never serves a stale payload: a change written by another worker instance is seen at once', async () => {
    const s = setup();
    await s.handlers['vault.create']({ password: PASSWORD });
    const other = createHandlers(
      new Keeper({ local: s.local, session: s.session, now: () => s.clock.now, newId: () => 'beefcafe' }),
      {
        local: s.local,
        session: s.session,
        now: () => s.clock.now,
        newId: () => 'beefcafe',
      },
      { scheduleClipboardClear: async () => undefined, ...recordingScanEffects(), ...recordingFillEffects() },
    );
    expect((await s.handlers['codes.list']({})).accounts).toEqual([]);
    await other['account.add']({ draft: CONSOLE });
    expect((await s.handlers['codes.list']({})).accounts.map((a) => a.id)).toEqual(['beefcafe']);
    await s.handlers['account.update']({ id: 'beefcafe', patch: { issuer: 'Renamed' } });
    expect((await other['codes.list']({})).accounts[0]!.issuer).toBe('Renamed');
  });

  it('after a lock, nothing is served from memory', async () => {
    const s = setup();
    await s.handlers['vault.create']({ password: PASSWORD });
    await s.handlers['account.add']({ draft: CONSOLE });
    await s.handlers['vault.lock']({});
    expect(await s.handlers['codes.list']({})).toMatchObject({ status: { vault: 'locked' }, accounts: [] });
  });
});
