/**
 * Checklist, "Faults": a corrupted stored value (garbage JSON, wrong types in chrome.storage.local and
 * storage.session). The vault reports `unreadable` or recovers from the last good copy; nothing is ever deleted:
 * the damaged value stays in storage (moved to `vault_damaged` by the first edit after a recovery), and a new
 * vault is never created over it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VAULT_STORAGE_KEYS } from '@/lib/vault';
import { SENDERS } from './support/background';
import { remoteCode } from './support/remote-code';
import {
  ACCOUNT_A,
  backgroundOver,
  storageOf,
  VAULT_PASSWORD,
  vaultHistory,
  type VaultHistory,
} from './support/vault-states';

const { current: CURRENT, previous: PREVIOUS, damaged: DAMAGED } = VAULT_STORAGE_KEYS;

let history: VaultHistory;
beforeAll(async () => {
  history = await vaultHistory();
});

/** Values storage can hand back where the vault record should be. */
const GARBAGE: [string, () => unknown][] = [
  ['truncated JSON', () => history.records[3].slice(0, 120)],
  ['text that is not JSON', () => 'not json at all'],
  ['the empty string', () => ''],
  ['JSON null', () => 'null'],
  ['a JSON array', () => '[]'],
  ['an empty JSON object', () => '{}'],
  ['the record with its checksum stripped', () => history.records[3].replace(/,"checksum":"[0-9a-f]+"/, '')],
  ['a number', () => 42],
  ['a boolean', () => true],
  ['null', () => null],
  ['the parsed record (an object, not its text)', () => JSON.parse(history.records[3]) as unknown],
  ['an array of records', () => [history.records[3]]],
  ['a Uint8Array of the text', () => new TextEncoder().encode(history.records[3])],
];

describe('a corrupted stored value', () => {
  it.each(GARBAGE)(
    '%s as the vault, no last good copy: `unreadable`, unlock refused with a typed error, nothing deleted or created over it',
    async (_what, make) => {
      for (const unlocked of [false, true]) {
        const bg = await backgroundOver({ [CURRENT]: make() }, history, unlocked);
        const before = storageOf(bg.localStore);
        expect((await bg.client.call('vault.status', {})).vault).toBe('unreadable');
        const list = await bg.client.call('codes.list', {});
        expect(list.status.vault).toBe('unreadable');
        expect(list.accounts).toEqual([]);
        if (!unlocked)
          expect(await remoteCode(bg.client.call('vault.unlock', { password: VAULT_PASSWORD }))).toBe(
            'corrupt',
          );
        expect(await remoteCode(bg.client.call('vault.create', { password: 'a brand new vault' }))).toBe(
          'vault-exists',
        );
        expect(await remoteCode(bg.client.call('account.add', { draft: ACCOUNT_A }))).toMatch(
          /^(corrupt|locked|no-vault)$/,
        );
        expect(storageOf(bg.localStore)).toBe(before);
        expect(bg.localStore.writes).toEqual([]);
      }
    },
  );

  it.each(GARBAGE)(
    '%s as the vault, with the last good copy: recovers from that copy (flagged, read-only until restored), and the restore keeps the damaged value',
    async (_what, make) => {
      const value = make();
      const bg = await backgroundOver({ [CURRENT]: value, [PREVIOUS]: history.records[2] }, history, false);
      expect((await bg.client.call('vault.status', {})).vault).toBe('locked');
      const opened = await bg.client.call('vault.unlock', { password: VAULT_PASSWORD });
      expect(opened).toMatchObject({ vault: 'unlocked', readOnly: true, recovered: true });
      expect((await bg.client.call('codes.list', {})).accounts.map((a) => a.account)).toEqual([
        ACCOUNT_A.account,
      ]);
      const draft = { issuer: 'After', account: 'recovery@example.jp', secret: 'JBSWY3DPEHPK3PXP' };
      expect(await remoteCode(bg.client.call('account.add', { draft }))).toBe('read-only');
      expect(bg.localStore.writes).toEqual([]);
      const revision = opened.vault === 'unlocked' ? opened.recovery!.copyRevision : -1;
      await bg.client.call('vault.restore-copy', { revision });
      expect(bg.localStore.data.get(DAMAGED)).toEqual(value === undefined ? undefined : [value]);
      expect(bg.localStore.data.get(PREVIOUS)).toBe(history.records[2]);
      await bg.client.call('account.add', { draft });
      const after = await bg.client.call('codes.list', {});
      expect(after.status).toEqual({ vault: 'unlocked', readOnly: false, recovered: false });
      expect(after.accounts.map((a) => a.account).sort()).toEqual(
        [ACCOUNT_A.account, 'recovery@example.jp'].sort(),
      );
    },
  );

  it('the vault key missing but the last good copy there (a half-cleared storage): locked, opens from the copy', async () => {
    const bg = await backgroundOver({ [PREVIOUS]: history.records[3] }, history, false);
    expect((await bg.client.call('vault.status', {})).vault).toBe('locked');
    expect(await remoteCode(bg.client.call('vault.create', { password: 'a brand new vault' }))).toBe(
      'vault-exists',
    );
    await bg.client.call('vault.unlock', { password: VAULT_PASSWORD });
    expect((await bg.client.call('codes.list', {})).accounts).toHaveLength(2);
  });

  it.each(GARBAGE)('%s as the last good copy: the intact vault opens normally', async (_what, make) => {
    const bg = await backgroundOver({ [CURRENT]: history.records[3], [PREVIOUS]: make() }, history, true);
    const list = await bg.client.call('codes.list', {});
    expect(list.status).toEqual({ vault: 'unlocked', readOnly: false, recovered: false });
    expect(list.accounts).toHaveLength(2);
  });

  it('a damaged-values list that is itself garbage is kept, not dropped, by the next restore', async () => {
    for (const old of ['not a list', 42, { a: 1 }, ['earlier damage']]) {
      const bg = await backgroundOver(
        { [CURRENT]: 'broken', [PREVIOUS]: history.records[2], [DAMAGED]: old },
        history,
        true,
      );
      const status = await bg.client.call('vault.status', {});
      const revision = status.vault === 'unlocked' ? status.recovery!.copyRevision : -1;
      await bg.client.call('vault.restore-copy', { revision });
      expect(bg.localStore.data.get(DAMAGED)).toEqual([...(Array.isArray(old) ? old : [old]), 'broken']);
    }
  });
});

describe('wrong types in storage.session', () => {
  /** Every session key the background writes, found by using every feature that keeps something there. */
  async function sessionKeys(): Promise<string[]> {
    const bg = await backgroundOver(
      { [CURRENT]: history.records[3], [PREVIOUS]: history.records[2] },
      history,
      true,
    );
    await bg.client.call('enrol.save', {
      text: 'otpauth://totp/S:s@example.jp?secret=JBSWY3DPEHPK3PXP&issuer=S',
    });
    await bg.client.call('import.read', {
      data: 'otpauth://totp/T:t@example.jp?secret=JBSWY3DPEHPK3PXP&issuer=T',
      encoding: 'text',
    });
    await bg.client
      .call('account.autofill', { id: history.ids.a, origin: 'https://clp.trendmicro.com', on: true })
      .catch(() => undefined);
    await bg.client.call('scan.start', {});
    await bg.client.call('vault.lock', {});
    await bg.route(
      { type: 'scan.decoded', payload: { text: 'otpauth://totp/P:p?secret=JBSWY3DPEHPK3PXP' } },
      { ...SENDERS.contentScript, tab: { id: 1 } },
    );
    return [...bg.sessionStore.data.keys()];
  }

  it('every session value replaced by garbage: the vault locks or keeps working, never an internal error, local untouched', async () => {
    const keys = await sessionKeys();
    expect(keys.length).toBeGreaterThanOrEqual(5);
    const values: unknown[] = [
      '',
      'garbage',
      42,
      -1,
      true,
      null,
      [],
      [1, 'x', null],
      {},
      { token: 42, until: 'x' },
      { text: 42 },
    ];
    for (const key of keys) {
      for (const value of values) {
        const bg = await backgroundOver(
          { [CURRENT]: history.records[3], [PREVIOUS]: history.records[2] },
          history,
          true,
        );
        bg.sessionStore.data.set(key, value);
        const before = storageOf(bg.localStore);
        const what = `${key} = ${JSON.stringify(value)}`;
        for (const [type, payload] of [
          ['vault.status', {}],
          ['codes.list', {}],
          ['enrol.pending', {}],
          ['backup.state', {}],
          ['import.commit', { token: 'A'.repeat(24), selected: [0] }],
          ['tab.context', {}],
        ] as const) {
          const reply = await bg.route({ type, payload }, SENDERS.popup);
          expect(reply.code, `${type} with ${what}`).not.toBe('internal');
        }
        expect(storageOf(bg.localStore), what).toBe(before);
      }
    }
  });
});
