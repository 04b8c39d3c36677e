/**
 * Checklist, "Faults": the service worker killed during a vault write (hundreds of times: afterwards the vault
 * opens, old or new, never empty); the popup closed mid-import / mid-password-change (all or nothing).
 *
 * The real background runs on a worker that dies at a random storage call (support/dying-worker.ts): the call
 * it dies in lands whole or not at all, and nothing after it happens. A new worker (a new Keeper over the same
 * storage) must then open the vault with exactly the committed changes, plus at most the one in flight, whole.
 */
import { describe, expect, it } from 'vitest';
import { VAULT_STORAGE_KEYS } from '@/lib/vault';
import { background, type Background } from './support/background';
import { DyingWorker, prng, Storage, type Death } from './support/dying-worker';
import { remoteCode } from './support/remote-code';

const PASSWORD = 'worker killing campaign 2026';
const NEW_PASSWORD = 'a second long passphrase 77';
const SECRET = 'JBSWY3DPEHPK3PXP';
const NEVER: Death = { afterOps: Infinity, lands: false };

/** What the user sees of the vault: account name → issuer (live accounts only). */
type Model = Map<string, string>;

/** The clock of every worker (moved on a minute per cycle, so deleted accounts leave the vault after ten). */
const clock = { now: Date.now() };

const workerOn = (storage: Storage, death: Death) => {
  const worker = new DyingWorker(storage, death);
  return { worker, bg: background({ local: worker.local, session: worker.session, now: () => clock.now }) };
};

async function observe(bg: Background): Promise<{ model: Model; ids: Map<string, string>; vault: string }> {
  const list = await bg.client.call('codes.list', {});
  return {
    model: new Map(list.accounts.map((a) => [a.account, a.issuer])),
    ids: new Map(list.accounts.map((a) => [a.account, a.id])),
    vault: list.status.vault,
  };
}

const sameModel = (a: Model, b: Model) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

interface Step {
  what: string;
  run: (bg: Background) => Promise<unknown>;
  /** The model once this step is committed. */
  after: (model: Model) => Model;
}

/** A random edit of the vault, as the popup or the options page makes them. */
function randomStep(random: () => number, model: Model, ids: Map<string, string>, n: number): Step {
  const names = [...model.keys()];
  const pick = names[Math.floor(random() * names.length)]!;
  const id = ids.get(pick);
  const roll = random();
  const add = model.size < 6 || (model.size < 14 && roll < 0.4);
  if (add || !id) {
    const name = `acct-${n}@example.jp`;
    return {
      what: `add ${name}`,
      run: (bg) =>
        bg.client.call('account.add', { draft: { issuer: `Issuer ${n}`, account: name, secret: SECRET } }),
      after: (m) => new Map(m).set(name, `Issuer ${n}`),
    };
  }
  if (roll < 0.65) {
    return {
      what: `rename ${pick}`,
      run: (bg) => bg.client.call('account.update', { id, patch: { issuer: `Renamed ${n}` } }),
      after: (m) => new Map(m).set(pick, `Renamed ${n}`),
    };
  }
  if (roll < 0.85 && names.length > 2) {
    return {
      what: `delete ${pick}`,
      run: (bg) => bg.client.call('account.delete', { id }),
      after: (m) => {
        const next = new Map(m);
        next.delete(pick);
        return next;
      },
    };
  }
  // An import of three accounts: read (no vault change), then commit (all three, or none).
  const added = [0, 1, 2].map((k) => `imp-${n}-${k}@example.jp`);
  const text = added
    .map((name) => `otpauth://totp/Imported:${name}?secret=${SECRET}&issuer=Imported`)
    .join('\n');
  return {
    what: `import ${added.length}`,
    run: async (bg) => {
      const { token } = await bg.client.call('import.read', { data: text, encoding: 'text' });
      return bg.client.call('import.commit', { token, selected: [0, 1, 2] });
    },
    after: (m) => {
      const next = new Map(m);
      for (const name of added) next.set(name, 'Imported');
      return next;
    },
  };
}

describe('service worker killed during vault writes', () => {
  it('killed 200 times at random storage calls: the vault always opens, old or new state, never empty, the change in flight whole or not at all', async () => {
    const random = prng(20_261_122);
    const storage = new Storage();
    const first = workerOn(storage, NEVER);
    await first.bg.client.call('vault.create', { password: PASSWORD });
    for (const name of ['seed-1@example.jp', 'seed-2@example.jp'])
      await first.bg.client.call('account.add', { draft: { issuer: 'Seed', account: name, secret: SECRET } });
    let { model, ids } = await observe(first.bg);
    let n = 0;
    const outcomes = { landed: 0, lost: 0, committed: 0, inWrite: 0 };

    for (let cycle = 0; cycle < 200; cycle++) {
      clock.now += 60_000;
      // Half the deaths at any storage call, half inside one of the next writes.
      const inWrite = random() < 0.5;
      const death = {
        afterOps: 1 + Math.floor(random() * (inWrite ? 4 : 30)),
        lands: random() < 0.5,
        inWrite,
      };
      const { worker, bg } = workerOn(storage, death);
      let inFlight: Step | null = null;
      for (let k = 0; k < 5 && !worker.dead; k++) {
        const step = randomStep(random, model, ids, ++n);
        const result = await worker.run(() => step.run(bg));
        if (result.done) {
          model = step.after(model);
          // Accounts added in this cycle are not edited before the next one (their ids come from a list).
          ids = new Map([...ids].filter(([name]) => model.has(name)));
          outcomes.committed++;
        } else inFlight = step;
      }
      // A new worker on the same storage: the session (the key) survived, as storage.session does.
      const next = await observe(workerOn(storage, NEVER).bg);
      const what = `cycle ${cycle}, died in ${worker.diedIn} at call ${death.afterOps} during ${inFlight?.what}`;
      expect(next.vault, what).toBe('unlocked');
      expect(next.model.size, what).toBeGreaterThan(0);
      const landed = inFlight !== null && !sameModel(next.model, model);
      if (landed) expect(sameModel(next.model, inFlight!.after(model)), `${what}: half a change`).toBe(true);
      else expect(sameModel(next.model, model), `${what}: a committed change lost`).toBe(true);
      if (inFlight) outcomes[landed ? 'landed' : 'lost']++;
      if (worker.diedIn === 'set' || worker.diedIn === 'set-lost') outcomes.inWrite++;
      model = next.model;
      ids = next.ids;
      expect(storage.local.has(VAULT_STORAGE_KEYS.damaged), what).toBe(false);
    }

    // Both fates of the change in flight were seen many times, and work went on in between.
    expect(outcomes.landed).toBeGreaterThan(40);
    expect(outcomes.lost).toBeGreaterThan(40);
    expect(outcomes.committed).toBeGreaterThan(150);
    expect(outcomes.inWrite, 'deaths inside a storage write').toBeGreaterThan(80);

    // After a browser restart (session gone) the password opens exactly that state.
    storage.session.clear();
    const restarted = workerOn(storage, NEVER).bg;
    expect((await restarted.client.call('codes.list', {})).status.vault).toBe('locked');
    await restarted.client.call('vault.unlock', { password: PASSWORD });
    expect(sameModel((await observe(restarted)).model, model)).toBe(true);
  }, 60_000);
});

describe('popup closed mid-import', () => {
  it('an import of 50 accounts cut at every storage call of its commit: all 50 or none', async () => {
    const storage = new Storage();
    const setup = workerOn(storage, NEVER).bg;
    await setup.client.call('vault.create', { password: PASSWORD });
    await setup.client.call('account.add', {
      draft: { issuer: 'Seed', account: 'seed@example.jp', secret: SECRET },
    });
    const text = Array.from(
      { length: 50 },
      (_, k) => `otpauth://totp/Bulk:bulk-${k}@example.jp?secret=${SECRET}&issuer=Bulk`,
    ).join('\n');
    const selected = Array.from({ length: 50 }, (_, k) => k);

    // How many storage calls one whole import makes (read and commit), to cut at each of them.
    const probe = workerOn(structuredClone(storage), NEVER);
    const { token } = await probe.bg.client.call('import.read', { data: text, encoding: 'text' });
    await probe.bg.client.call('import.commit', { token, selected });
    const calls = probe.worker.log.length;
    expect(calls).toBeGreaterThan(3);

    for (let at = 1; at <= calls; at++) {
      for (const lands of [true, false]) {
        const copy = new Storage();
        for (const [k, v] of storage.local) copy.local.set(k, structuredClone(v));
        for (const [k, v] of storage.session) copy.session.set(k, structuredClone(v));
        const { worker, bg } = workerOn(copy, { afterOps: at, lands });
        const done = await worker.run(async () => {
          const read = await bg.client.call('import.read', { data: text, encoding: 'text' });
          return bg.client.call('import.commit', { token: read.token, selected });
        });
        const seen = await observe(workerOn(copy, NEVER).bg);
        const bulk = [...seen.model.keys()].filter((name) => name.startsWith('bulk-')).length;
        expect([0, 50], `cut at call ${at} (${worker.log.at(-1)}, lands ${lands})`).toContain(bulk);
        if (done.done) expect(bulk).toBe(50);
        expect(seen.model.get('seed@example.jp')).toBe('Seed');
      }
    }
  });
});

describe('popup closed mid-password-change', () => {
  it('cut at each storage write of a password change: exactly one of the two passwords opens, with every account', async () => {
    const storage = new Storage();
    const setup = workerOn(storage, NEVER).bg;
    await setup.client.call('vault.create', { password: PASSWORD });
    for (const name of ['one@example.jp', 'two@example.jp'])
      await setup.client.call('account.add', { draft: { issuer: 'Kept', account: name, secret: SECRET } });
    const clone = () => {
      const copy = new Storage();
      for (const [k, v] of storage.local) copy.local.set(k, structuredClone(v));
      for (const [k, v] of storage.session) copy.session.set(k, structuredClone(v));
      return copy;
    };

    // Which calls the change makes: cut at its first call, at each write (landing or not), and never.
    const probe = workerOn(clone(), NEVER);
    await probe.bg.client.call('vault.change-password', { current: PASSWORD, next: NEW_PASSWORD });
    const writes = probe.worker.log.flatMap((call, i) => (call.endsWith('.set') ? [i + 1] : []));
    expect(probe.worker.log).toContain('local.set');
    const cuts: Death[] = [
      ...writes.flatMap((at) => [
        { afterOps: at, lands: true },
        { afterOps: at, lands: false },
      ]),
      NEVER,
    ];

    for (const death of cuts) {
      const copy = clone();
      const { worker, bg } = workerOn(copy, death);
      await worker.run(() =>
        bg.client.call('vault.change-password', { current: PASSWORD, next: NEW_PASSWORD }),
      );
      const what = `cut at call ${death.afterOps} (${worker.log.at(-1)}, lands ${death.lands})`;
      // The popup opens again at once: unlocked (the session key fits) or locked (it asks), never broken.
      const again = await observe(workerOn(copy, NEVER).bg);
      expect(['unlocked', 'locked'], what).toContain(again.vault);
      if (again.vault === 'unlocked')
        expect([...again.model.keys()].sort(), what).toEqual(['one@example.jp', 'two@example.jp']);
      // After a restart: exactly one password opens it.
      copy.session.clear();
      const opens: string[] = [];
      for (const password of [PASSWORD, NEW_PASSWORD]) {
        const fresh = workerOn(copy, NEVER).bg;
        const code = await remoteCode(fresh.client.call('vault.unlock', { password })).catch(() => 'opened');
        if (code === 'opened') {
          opens.push(password);
          expect([...(await observe(fresh)).model.keys()].sort(), what).toEqual([
            'one@example.jp',
            'two@example.jp',
          ]);
        } else expect(code, what).toBe('wrong-password');
      }
      expect(opens, what).toHaveLength(1);
      expect(copy.local.has(VAULT_STORAGE_KEYS.damaged), what).toBe(false);
    }
  }, 60_000);
});
