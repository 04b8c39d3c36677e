/**
 * Changing the vault password: the current password is checked again, the vault is written under the new one
 * in ONE storage write (the last good copy too), and the vault stays unlocked. A crash at any storage
 * operation (the write landing or not) leaves a vault that the old or the new password opens — never neither.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers } from '@/lib/keeper/handlers';
import { readSessionUnlock } from '@/lib/keeper/session/session-key';
import { readStoredVault, unlockStoredVault, type KeyValueStore } from '@/lib/vault';
import { recordingFillEffects } from '../../support/fill-effects';
import { MemoryStore } from '../../support/memory-store';
import { recordingScanEffects } from '../../support/scan-effects';

const OLD = 'correct horse battery staple';
const NEW = 'ほかの合言葉 2026 staple';
const T0 = 1_700_000_000_000;
const CONSOLE = { issuer: 'Trend Micro', account: 'abc@example.co.jp', secret: 'JBSWY3DPEHPK3PXP' };

/** Storage of an unlocked vault holding one account, made once (the KDF is slow) and copied into every test. */
let template: { local: [string, unknown][]; session: [string, unknown][] };
beforeAll(async () => {
  const local = new MemoryStore();
  const session = new MemoryStore();
  const s = background(local, session);
  await s.handlers['vault.create']({ password: OLD });
  await s.handlers['account.add']({ draft: CONSOLE });
  template = { local: [...local.data.entries()], session: [...session.data.entries()] };
});

function background(local: KeyValueStore, session: KeyValueStore) {
  const deps: KeeperDeps = { local, session, now: () => T0, newId: () => 'deadbeef' };
  const keeper = new Keeper(deps);
  const handlers = createHandlers(keeper, deps, {
    scheduleClipboardClear: async () => undefined,
    ...recordingScanEffects(),
    ...recordingFillEffects(),
  });
  return { keeper, handlers };
}

function stores() {
  const local = new MemoryStore();
  const session = new MemoryStore();
  for (const [k, v] of template.local) local.data.set(k, structuredClone(v));
  for (const [k, v] of template.session) session.data.set(k, structuredClone(v));
  return { local, session };
}

function setup() {
  const { local, session } = stores();
  return { local, session, ...background(local, session) };
}

/** Which of the two passwords opens what storage holds (the full read, with the last good copy). */
async function opensWith(local: KeyValueStore, accounts = [CONSOLE.account]): Promise<string[]> {
  const stored = await readStoredVault(local);
  const opening: string[] = [];
  for (const password of [OLD, NEW]) {
    const opened = await unlockStoredVault<{ accounts: { account: string }[] }>(stored, password).catch(
      () => null,
    );
    if (opened) {
      expect(opened.payload.accounts.map((a) => a.account)).toEqual(accounts);
      opening.push(password);
    }
  }
  return opening;
}

describe('vault.change-password', () => {
  it('writes the new vault in one set() with its last good copy; only the new password opens it', async () => {
    const s = setup();
    const before = s.local.writes.length;
    const status = await s.handlers['vault.change-password']({ current: OLD, next: NEW });
    expect(status).toEqual({ vault: 'unlocked', readOnly: false, recovered: false });
    const writes = s.local.writes.slice(before);
    expect(writes).toHaveLength(1);
    expect(Object.keys(writes[0]!).sort()).toEqual(['vault', 'vault_prev']);
    // No copy that the old password opens stays in storage.
    expect(s.local.data.get('vault_prev')).toBe(s.local.data.get('vault'));
    expect(await opensWith(s.local)).toEqual([NEW]);
  });

  it('stays unlocked: the accounts keep coming without asking again, the deadline does not move', async () => {
    const s = setup();
    const deadline = (await readSessionUnlock(s.session))!.deadline;
    await s.handlers['vault.change-password']({ current: OLD, next: NEW });
    expect((await s.handlers['codes.list']({})).accounts.map((a) => a.account)).toEqual([CONSOLE.account]);
    await s.handlers['account.add']({ draft: { ...CONSOLE, account: 'after' } });
    expect((await readSessionUnlock(s.session))!.deadline).toBe(deadline);
    // Another worker instance (the service worker restarted) reads the same session.
    const again = background(s.local, s.session);
    expect((await again.handlers['codes.list']({})).accounts).toHaveLength(2);
    await again.handlers['vault.lock']({});
    await expect(again.handlers['vault.unlock']({ password: OLD })).rejects.toMatchObject({
      code: 'wrong-password',
    });
    await again.handlers['vault.unlock']({ password: NEW });
  });

  it.each([
    ['a wrong current password', { current: 'not it at all', next: NEW }, 'wrong-password'],
    ['a short new password', { current: OLD, next: 'short' }, 'password-too-short'],
  ])('refuses %s and writes nothing', async (_name, payload, code) => {
    const s = setup();
    const before = [s.local.writes.length, s.session.writes.length];
    await expect(s.handlers['vault.change-password'](payload)).rejects.toMatchObject({ code });
    expect([s.local.writes.length, s.session.writes.length]).toEqual(before);
    expect(await opensWith(s.local)).toEqual([OLD]);
  });

  it('refuses while locked', async () => {
    const s = setup();
    await s.handlers['vault.lock']({});
    await expect(s.handlers['vault.change-password']({ current: OLD, next: NEW })).rejects.toMatchObject({
      code: 'locked',
    });
    expect(await opensWith(s.local)).toEqual([OLD]);
  });

  it('from the last good copy when the current record is damaged: only once the copy is restored; the damaged value is kept aside', async () => {
    const s = setup();
    const damaged = (s.local.data.get('vault') as string).replace('"revision":', '"revizion":');
    s.local.data.set('vault', damaged);
    const status = await s.handlers['vault.status']({});
    expect(status).toMatchObject({ vault: 'unlocked', recovered: true, readOnly: true });
    // A password change would write the older copy back without the user knowing what is lost.
    await expect(s.handlers['vault.change-password']({ current: OLD, next: NEW })).rejects.toMatchObject({
      code: 'read-only',
    });
    await s.handlers['vault.restore-copy']({
      revision: status.vault === 'unlocked' ? status.recovery!.copyRevision : -1,
    });
    await s.handlers['vault.change-password']({ current: OLD, next: NEW });
    expect(s.local.data.get('vault_damaged')).toEqual([damaged]);
    // The last good copy was the revision before the account was added.
    expect(await opensWith(s.local, [])).toEqual([NEW]);
  });
});

interface Crash {
  /** The storage operation (get or set, on either area, counted in order) at which the worker dies. */
  at: number;
  /** A set() at that point is applied before the worker dies (otherwise it is lost). */
  landed: boolean;
}

/** Storage areas that die together at one operation, as a killed service worker does. */
function crashing(crash: Crash | null) {
  const { local, session } = stores();
  const log: string[] = [];
  let dead = false;
  const wrap = (area: MemoryStore, name: string): KeyValueStore => ({
    async get(keys) {
      if (dead || log.length === crash?.at) throw ((dead = true), new Error('worker stopped'));
      log.push(`${name}.get`);
      return area.get(keys);
    },
    async set(items) {
      if (dead) throw new Error('worker stopped');
      if (log.length === crash?.at) {
        dead = true;
        if (crash.landed) await area.set(items);
        throw new Error('worker stopped');
      }
      log.push(`${name}.set`);
      await area.set(items);
    },
  });
  return { local, session, log, wrapped: { local: wrap(local, 'local'), session: wrap(session, 'session') } };
}

describe('vault.change-password interrupted at every storage operation', () => {
  it('leaves a vault that the old or the new password opens — never neither, never both', async () => {
    const clean = crashing(null);
    await background(clean.wrapped.local, clean.wrapped.session).keeper.changePassword(OLD, NEW);
    expect(clean.log).toContain('local.set');
    const cases: Crash[] = clean.log.flatMap((op, at) =>
      op.endsWith('.set')
        ? [
            { at, landed: false },
            { at, landed: true },
          ]
        : [{ at, landed: false }],
    );
    const outcomes: string[] = [];
    for (const crash of cases) {
      const run = crashing(crash);
      await expect(
        background(run.wrapped.local, run.wrapped.session).keeper.changePassword(OLD, NEW),
      ).rejects.toThrow('worker stopped');
      const opening = await opensWith(run.local);
      expect(opening, `crash at ${clean.log[crash.at]} #${crash.at}, landed ${crash.landed}`).toHaveLength(1);
      // The restarted worker, with the session as the crash left it: unlocked and working, or locked.
      const restarted = background(run.local, run.session);
      const list = await restarted.handlers['codes.list']({});
      if (list.status.vault === 'unlocked') expect(list.accounts).toHaveLength(1);
      else expect(list.status).toEqual({ vault: 'locked' });
      if (list.status.vault === 'locked') await restarted.handlers['vault.unlock']({ password: opening[0]! });
      outcomes.push(`${clean.log[crash.at]}${crash.landed ? '+' : ''}:${opening[0] === NEW ? 'new' : 'old'}`);
    }
    // Both outcomes occur: before the one local write lands, the old password; from then on, the new one.
    expect(outcomes.some((o) => o.endsWith(':old'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith(':new'))).toBe(true);
  }, 180_000);
});
