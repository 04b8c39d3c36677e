/**
 * Checklist, "Attacks": vault header tampered (lower KDF cost, swapped salt, changed version, changed nonce,
 * older revision replayed), and bit flips over the whole stored record. Through the real background on the
 * stored state: the vault never opens with wrong data, never silently downgrades, and nothing is overwritten or
 * deleted after a failed decrypt (storage.local is byte-for-byte what it was).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeBase64 } from '@/lib/encoding/base64';
import { createVault, VAULT_STORAGE_KEYS } from '@/lib/vault';
import { member, tamper } from '../lib/vault/vault-test-helpers';
import { remoteCode } from './support/remote-code';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  backgroundOver,
  storageOf,
  VAULT_PASSWORD,
  vaultHistory,
  type VaultHistory,
} from './support/vault-states';

const { current: CURRENT, previous: PREVIOUS, damaged: DAMAGED } = VAULT_STORAGE_KEYS;

let history: VaultHistory;
let otherSalt: string;

beforeAll(async () => {
  history = await vaultHistory();
  const other = await createVault(VAULT_PASSWORD, { schema: 1, accounts: [] }, { iterations: 600_000 });
  otherSalt = member(JSON.parse(other.record) as Record<string, unknown>, 'header', 'kdf').salt as string;
});

afterEach(() => {
  vi.restoreAllMocks();
});

type Bg = Awaited<ReturnType<typeof backgroundOver>>;

const labels = async (bg: Bg) =>
  (await bg.client.call('codes.list', {})).accounts.map((a) => a.account).sort();

/** Every way the background could be asked to use (and so to "repair") the stored vault: none may write. */
async function expectNothingWritten(bg: Bg, what: string): Promise<void> {
  const before = storageOf(bg.localStore);
  const writes = bg.localStore.writes.length;
  await bg.client.call('vault.status', {}).catch(() => undefined);
  await bg.client.call('codes.list', {}).catch(() => undefined);
  await bg.client.call('account.add', { draft: { ...ACCOUNT_B, account: 'new@x' } }).catch(() => undefined);
  expect(await remoteCode(bg.client.call('vault.create', { password: 'a brand new vault' })), what).toBe(
    'vault-exists',
  );
  expect(storageOf(bg.localStore), `${what}: storage.local unchanged`).toBe(before);
  expect(bg.localStore.writes.length, `${what}: no write at all`).toBe(writes);
}

const kdf = (b: Record<string, unknown>) => member(b, 'header', 'kdf');

/** The iteration counts PBKDF2 is run with from now on (each derivation still runs for real). */
function recordDerivations(): number[] {
  const derived: number[] = [];
  const subtle = globalThis.crypto.subtle;
  const real = subtle.deriveKey.bind(subtle);
  const realBits = subtle.deriveBits.bind(subtle);
  vi.spyOn(subtle, 'deriveKey').mockImplementation((params, ...rest) => {
    derived.push((params as Pbkdf2Params).iterations);
    return real(params, ...rest);
  });
  vi.spyOn(subtle, 'deriveBits').mockImplementation((params, ...rest) => {
    derived.push((params as Pbkdf2Params).iterations);
    return realBits(params, ...rest);
  });
  return derived;
}

describe('vault header tampered: lower KDF cost', () => {
  it.each([599_999, 100_000, 1])(
    'iterations set to %d: refused `kdf-too-weak` before any derivation at that cost, locked or unlocked; storage unchanged',
    async (iterations) => {
      const tampered = await tamper(history.records[3], (b) => void (kdf(b).iterations = iterations));
      const derived = recordDerivations();
      for (const prev of [undefined, history.records[2]]) {
        const items = { [CURRENT]: tampered, ...(prev ? { [PREVIOUS]: prev } : {}) };
        const locked = await backgroundOver(items, history, false);
        expect(await remoteCode(locked.client.call('vault.unlock', { password: VAULT_PASSWORD }))).toBe(
          'kdf-too-weak',
        );
        await expectNothingWritten(locked, `locked, ${iterations}`);
        const unlocked = await backgroundOver(items, history, true);
        const list = await unlocked.client.call('codes.list', {}).catch((e: Error) => e);
        // Either refused with a typed error or reported as not openable; never the tampered record's data.
        if (!(list instanceof Error)) expect(list.status.vault).not.toBe('unlocked');
        await expectNothingWritten(unlocked, `unlocked, ${iterations}`);
      }
      expect(derived).toEqual([]);
    },
  );

  it('a lower cost still above the floor does not unwrap the key (`wrong-password`): no downgrade, storage unchanged', async () => {
    const tampered = await tamper(history.records[3], (b) => void (kdf(b).iterations = 600_000));
    const bg = await backgroundOver({ [CURRENT]: tampered, [PREVIOUS]: history.records[2] }, history, false);
    const derived = recordDerivations();
    expect(await remoteCode(bg.client.call('vault.unlock', { password: VAULT_PASSWORD }))).toBe(
      'wrong-password',
    );
    expect(derived).toEqual([600_000]);
    await expectNothingWritten(bg, 'lower cost above the floor');
  });

  it('a raised cost beyond any real vault (2^32 - 1 iterations) is refused before deriving: no unlock that runs for hours', async () => {
    const tampered = await tamper(history.records[3], (b) => void (kdf(b).iterations = 0xffff_ffff));
    const bg = await backgroundOver({ [CURRENT]: tampered }, history, false);
    const derived: number[] = [];
    // Never really run it: record what would be derived and stop there.
    vi.spyOn(globalThis.crypto.subtle, 'deriveKey').mockImplementation(async (params) => {
      derived.push((params as Pbkdf2Params).iterations);
      throw new DOMException('stopped by the test', 'OperationError');
    });
    const code = await remoteCode(bg.client.call('vault.unlock', { password: VAULT_PASSWORD })).catch(
      (e: Error) => `untyped: ${e.message}`,
    );
    // Found by this campaign (README, defect 2): without a ceiling PBKDF2 would run 2^32 - 1 rounds.
    expect(derived, 'iterations handed to PBKDF2').toEqual([]);
    expect(['unsupported-version', 'corrupt', 'kdf-too-strong']).toContain(code);
    await expectNothingWritten(bg, 'huge cost');
  });
});

describe('vault header tampered: swapped salt', () => {
  it("another vault's salt: `wrong-password` (locked) or locked again (unlocked); storage unchanged", async () => {
    const tampered = await tamper(history.records[3], (b) => void (kdf(b).salt = otherSalt));
    const locked = await backgroundOver({ [CURRENT]: tampered }, history, false);
    expect(await remoteCode(locked.client.call('vault.unlock', { password: VAULT_PASSWORD }))).toBe(
      'wrong-password',
    );
    await expectNothingWritten(locked, 'swapped salt, locked');
    const unlocked = await backgroundOver({ [CURRENT]: tampered }, history, true);
    const list = await unlocked.client.call('codes.list', {});
    expect(list.status.vault).not.toBe('unlocked');
    expect(list.accounts).toEqual([]);
    await expectNothingWritten(unlocked, 'swapped salt, unlocked');
  });

  it('a salt of 8 bytes (below the floor): `kdf-too-weak` without deriving', async () => {
    const tampered = await tamper(
      history.records[3],
      (b) => void (kdf(b).salt = encodeBase64(new Uint8Array(8))),
    );
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    const bg = await backgroundOver({ [CURRENT]: tampered }, history, false);
    expect(await remoteCode(bg.client.call('vault.unlock', { password: VAULT_PASSWORD }))).toBe(
      'kdf-too-weak',
    );
    expect(deriveKey).not.toHaveBeenCalled();
    await expectNothingWritten(bg, 'short salt');
  });
});

describe('vault header tampered: changed version', () => {
  it.each([
    ['version 2 (a "newer" format)', 2],
    ['version 0', 0],
    ['version "1" (a string)', '1'],
    ['version 2^53', 2 ** 53],
  ])(
    '%s: never opens the tampered payload; the last good copy opens flagged `recovered`, read-only; storage unchanged',
    async (_what, version) => {
      const tampered = await tamper(history.records[3], (b) => void (member(b, 'header').version = version));
      const alone = await backgroundOver({ [CURRENT]: tampered }, history, true);
      const list = await alone.client.call('codes.list', {});
      expect(list.status.vault).not.toBe('unlocked');
      expect(list.accounts).toEqual([]);
      await expectNothingWritten(alone, 'changed version, no copy');

      const withCopy = await backgroundOver(
        { [CURRENT]: tampered, [PREVIOUS]: history.records[2] },
        history,
        true,
      );
      const recovered = await withCopy.client.call('codes.list', {});
      expect(recovered.status).toMatchObject({ vault: 'unlocked', readOnly: true, recovered: true });
      expect(recovered.accounts.map((a) => a.account)).toEqual([ACCOUNT_A.account]);
      await expectNothingWritten(withCopy, 'changed version, with the copy');
    },
  );

  it('version 2 with the right password: `corrupt`, or the last good copy flagged `recovered` (never read-only data from the tampered record)', async () => {
    const tampered = await tamper(history.records[3], (b) => void (member(b, 'header').version = 2));
    const alone = await backgroundOver({ [CURRENT]: tampered }, history, false);
    expect(await remoteCode(alone.client.call('vault.unlock', { password: VAULT_PASSWORD }))).toBe('corrupt');
    await expectNothingWritten(alone, 'version 2, unlock');
    const withCopy = await backgroundOver(
      { [CURRENT]: tampered, [PREVIOUS]: history.records[2] },
      history,
      false,
    );
    expect(await withCopy.client.call('vault.unlock', { password: VAULT_PASSWORD })).toMatchObject({
      vault: 'unlocked',
      readOnly: true,
      recovered: true,
    });
    expect(await labels(withCopy)).toEqual([ACCOUNT_A.account]);
  });
});

describe('vault header tampered: changed nonce', () => {
  it.each([
    ['payload', 'nonce'],
    ['payload', 'ciphertext'],
    ['wrappedKey', 'nonce'],
    ['wrappedKey', 'ciphertext'],
  ])(
    '%s.%s changed (checksum recomputed): the tampered record never opens; storage unchanged',
    async (box, name) => {
      const tampered = await tamper(history.records[3], (b) => {
        const value = member(b, box)[name] as string;
        member(b, box)[name] = (value[0] === 'A' ? 'B' : 'A') + value.slice(1);
      });
      const unlocked = await backgroundOver({ [CURRENT]: tampered }, history, true);
      const list = await unlocked.client.call('codes.list', {});
      expect(list.status.vault).not.toBe('unlocked');
      expect(list.accounts).toEqual([]);
      await expectNothingWritten(unlocked, `${box}.${name}, unlocked`);
      const locked = await backgroundOver({ [CURRENT]: tampered }, history, false);
      expect(['corrupt', 'wrong-password']).toContain(
        await remoteCode(locked.client.call('vault.unlock', { password: VAULT_PASSWORD })),
      );
      await expectNothingWritten(locked, `${box}.${name}, locked`);
    },
  );
});

describe('older revision replayed', () => {
  /**
   * What the background must not do with a replayed record while it knows better (unlocked: it has just served
   * revision 3): present revision 2 as the vault, as if nothing happened.
   */
  const servedSilently = (list: {
    status: { vault: string; recovered?: boolean; readOnly?: boolean };
    accounts: { account: string }[];
  }) =>
    list.status.vault === 'unlocked' &&
    !list.status.recovered &&
    !list.status.readOnly &&
    !list.accounts.some((a) => a.account === ACCOUNT_B.account);

  it.each([
    [
      'the previous record written back as current',
      () => ({ [CURRENT]: history.records[2], [PREVIOUS]: history.records[1] }),
    ],
    [
      'current and last good copy swapped',
      () => ({ [CURRENT]: history.records[2], [PREVIOUS]: history.records[3] }),
    ],
    ['revision 1 written back alone', () => ({ [CURRENT]: history.records[1] })],
  ])(
    '%s while unlocked: not served silently as the vault, and nothing is written over it',
    async (_what, replay) => {
      const bg = await backgroundOver(
        { [CURRENT]: history.records[3], [PREVIOUS]: history.records[2] },
        history,
        true,
      );
      expect(await labels(bg)).toEqual([ACCOUNT_A.account, ACCOUNT_B.account].sort());
      // The attacker (malware with the profile, a sync gone wrong) writes an older state back.
      bg.localStore.data.clear();
      for (const [k, v] of Object.entries(replay())) bg.localStore.data.set(k, v);
      const before = storageOf(bg.localStore);
      const list = await bg.client.call('codes.list', {}).catch((e: Error) => e);
      // Found by this campaign (README, defect 1): an older record that the key opens was served as current.
      if (!(list instanceof Error)) expect(servedSilently(list), JSON.stringify(list.status)).toBe(false);
      // An edit must not commit on top of the replayed record (the newer revision would be gone for good).
      await bg.client
        .call('account.add', { draft: { ...ACCOUNT_B, account: 'over@example.jp' } })
        .catch(() => undefined);
      expect(storageOf(bg.localStore)).toBe(before);
    },
  );

  it('while locked (nothing trusted remembers the revision): opens only authentic data of that older revision, deletes nothing', async () => {
    // A known limit, documented in test/security/README.md: after a browser restart nothing trusted is left
    // to compare with, so a replayed older record of the same vault opens as it is.
    const bg = await backgroundOver(
      { [CURRENT]: history.records[2], [PREVIOUS]: history.records[1] },
      history,
      false,
    );
    await bg.client.call('vault.unlock', { password: VAULT_PASSWORD });
    expect(await labels(bg)).toEqual([ACCOUNT_A.account]);
    expect(bg.localStore.data.get(CURRENT)).toBe(history.records[2]);
  });
});

describe('an older copy planted as the last good copy, behind a damaged current record (issue #12)', () => {
  const revisionOf = (record: string) =>
    (JSON.parse(record) as { header: { revision: number } }).header.revision;

  it('while unlocked: served read-only and flagged with what is lost; no edit commits on it; only a confirmed restore does, above every seen revision', async () => {
    // The session has seen revision 3; the attacker damages it and plants revision 1 as the last good copy.
    const bg = await backgroundOver({ [CURRENT]: 'damaged', [PREVIOUS]: history.records[1] }, history, true);
    const before = storageOf(bg.localStore);
    const list = await bg.client.call('codes.list', {});
    expect(list.status).toEqual({
      vault: 'unlocked',
      readOnly: true,
      recovered: true,
      recovery: { copyRevision: 1, newestSeen: 3, restorable: true },
    });
    expect(await remoteCode(bg.client.call('account.add', { draft: ACCOUNT_B }))).toBe('read-only');
    expect(await remoteCode(bg.client.call('account.delete', { id: history.ids.a }))).toMatch(
      /read-only|not-found/,
    );
    expect(
      await remoteCode(
        bg.client.call('vault.change-password', { current: VAULT_PASSWORD, next: 'another long password' }),
      ),
    ).toBe('read-only');
    // A restore of any other copy than the one the user was shown writes nothing.
    expect(await remoteCode(bg.client.call('vault.restore-copy', { revision: 2 }))).toBe('read-only');
    expect(storageOf(bg.localStore)).toBe(before);
    // The user confirms: the copy becomes the vault at revision 4, the damaged record kept aside.
    expect(await bg.client.call('vault.restore-copy', { revision: 1 })).toEqual({
      vault: 'unlocked',
      readOnly: false,
      recovered: false,
    });
    expect(revisionOf(bg.localStore.data.get(CURRENT) as string)).toBe(4);
    expect(bg.localStore.data.get(DAMAGED)).toEqual(['damaged']);
    await bg.client.call('account.add', { draft: ACCOUNT_B });
    expect((await bg.client.call('codes.list', {})).status).toEqual({
      vault: 'unlocked',
      readOnly: false,
      recovered: false,
    });
  });

  it('an older record written back over a newer one (intact) is restorable the same way, and only that way', async () => {
    const bg = await backgroundOver(
      { [CURRENT]: history.records[2], [PREVIOUS]: history.records[1] },
      history,
      true,
    );
    const list = await bg.client.call('codes.list', {});
    expect(list.status).toMatchObject({
      readOnly: true,
      recovered: true,
      recovery: { copyRevision: 2, newestSeen: 3 },
    });
    await bg.client.call('vault.restore-copy', { revision: 2 });
    expect(revisionOf(bg.localStore.data.get(CURRENT) as string)).toBe(4);
    expect(bg.localStore.data.get(PREVIOUS)).toBe(history.records[2]);
  });

  it('after a restart (nothing remembers the revision): the last good copy still opens read-only until restored', async () => {
    const bg = await backgroundOver({ [CURRENT]: 'damaged', [PREVIOUS]: history.records[1] }, history, false);
    const before = storageOf(bg.localStore);
    expect(await bg.client.call('vault.unlock', { password: VAULT_PASSWORD })).toMatchObject({
      vault: 'unlocked',
      readOnly: true,
      recovered: true,
      recovery: { copyRevision: 1, newestSeen: 1, restorable: true },
    });
    expect(await remoteCode(bg.client.call('account.add', { draft: ACCOUNT_B }))).toBe('read-only');
    expect(storageOf(bg.localStore)).toBe(before);
  });
});

describe('bit flips over the whole stored record (every byte sampled)', () => {
  /** The record with one bit of character `i` inverted (bit i mod 8), as storage would hand it back. */
  const flipped = (record: string, i: number) =>
    record.slice(0, i) + String.fromCharCode(record.charCodeAt(i) ^ (1 << (i % 8))) + record.slice(i + 1);

  it('unlocked, no last good copy: every flipped byte makes the vault `unreadable`, never opened, never written', async () => {
    const record = history.records[3];
    for (let i = 0; i < record.length; i++) {
      expect(record.length).toBeGreaterThan(500);
      const bg = await backgroundOver({ [CURRENT]: flipped(record, i) }, history, true);
      const before = storageOf(bg.localStore);
      const list = await bg.client.call('codes.list', {});
      expect(list.status.vault, `byte ${i}`).toBe('unreadable');
      expect(list.accounts).toEqual([]);
      expect(await remoteCode(bg.client.call('account.add', { draft: ACCOUNT_B }))).toMatch(
        /corrupt|locked|no-vault/,
      );
      expect(await remoteCode(bg.client.call('vault.create', { password: 'a brand new vault' }))).toBe(
        'vault-exists',
      );
      expect(storageOf(bg.localStore), `byte ${i}`).toBe(before);
    }
  });

  it('locked, no last good copy: every flipped byte is `corrupt` before any key derivation; storage unchanged', async () => {
    const record = history.records[3];
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    for (let i = 0; i < record.length; i++) {
      const bg = await backgroundOver({ [CURRENT]: flipped(record, i) }, history, false);
      const before = storageOf(bg.localStore);
      expect(
        await remoteCode(bg.client.call('vault.unlock', { password: VAULT_PASSWORD })),
        `byte ${i}`,
      ).toBe('corrupt');
      expect(storageOf(bg.localStore)).toBe(before);
    }
    expect(deriveKey).not.toHaveBeenCalled();
  });

  it('with the last good copy: every flipped byte opens that copy flagged `recovered`, read-only; restoring it keeps the damaged value', async () => {
    const record = history.records[3];
    for (let i = 0; i < record.length; i++) {
      const damaged = flipped(record, i);
      const bg = await backgroundOver({ [CURRENT]: damaged, [PREVIOUS]: history.records[2] }, history, true);
      const list = await bg.client.call('codes.list', {});
      expect(list.status, `byte ${i}`).toMatchObject({ vault: 'unlocked', readOnly: true, recovered: true });
      expect(list.accounts.map((a) => a.account)).toEqual([ACCOUNT_A.account]);
      if (i % 8 !== 0) continue; // one restore in eight: each costs a full seal and commit
      const before = storageOf(bg.localStore);
      expect(await remoteCode(bg.client.call('account.add', { draft: ACCOUNT_B }))).toBe('read-only');
      expect(storageOf(bg.localStore), `byte ${i}: nothing written before the restore`).toBe(before);
      const revision = list.status.vault === 'unlocked' ? list.status.recovery!.copyRevision : -1;
      await bg.client.call('vault.restore-copy', { revision });
      expect(bg.localStore.data.get(DAMAGED), `byte ${i}: damaged value kept`).toEqual([damaged]);
      expect(bg.localStore.data.get(PREVIOUS)).toBe(history.records[2]);
    }
  });

  it('locked with the last good copy (sampled): the right password opens that copy, never the damaged one', async () => {
    const record = history.records[3];
    for (const i of [0, Math.floor(record.length / 3), Math.floor(record.length / 2), record.length - 3]) {
      const bg = await backgroundOver(
        { [CURRENT]: flipped(record, i), [PREVIOUS]: history.records[2] },
        history,
        false,
      );
      expect(await bg.client.call('vault.unlock', { password: VAULT_PASSWORD })).toMatchObject({
        vault: 'unlocked',
        readOnly: true,
        recovered: true,
      });
      expect(await labels(bg)).toEqual([ACCOUNT_A.account]);
    }
  });
});

interface Pbkdf2Params {
  iterations: number;
}
