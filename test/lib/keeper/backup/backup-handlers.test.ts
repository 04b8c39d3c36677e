/**
 * Backups and imports through the real background (router, keeper, vault on in-memory storage): exports only
 * after the vault password is checked again; a Sekimori backup made by one vault restores into a fresh one with
 * the same codes and sites; other apps' real files preview and commit; duplicates, all-or-nothing, expiry; the
 * backup reminder's count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openBackup } from '@/lib/backup';
import { parseMigrationUri } from '@/lib/formats';
import type { Client } from '@/lib/messages';
import { RemoteError } from '@/lib/messages';
import { generateCode } from '@/lib/otp/generate-code';
import { parseOtpauthUri } from '@/lib/otp/parse-otpauth-uri';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { realClient } from '../../../support/real-client';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const VAULT_PASSWORD = 'correct horse battery staple';
const BACKUP_PASSWORD = 'a different backup phrase';
const OTHER_APPS = join(__dirname, '../../../../../shared/fixtures/other-apps');
const CONSOLE = 'https://clp.trendmicro.com';

async function codeOf(error: Promise<unknown>): Promise<string> {
  try {
    await error;
  } catch (e) {
    if (e instanceof RemoteError) return e.code;
    throw e;
  }
  throw new Error('no error');
}

async function freshVault(clock?: { now: number }): Promise<Client> {
  const { client } = realClient(clock ? { now: () => clock.now } : {});
  await client.call('vault.create', { password: VAULT_PASSWORD });
  return client;
}

async function withSharedAccounts(): Promise<Client> {
  const client = await freshVault();
  for (const a of SHARED_ACCOUNTS) {
    const { added } = await client.call('enrol.save', { text: formatOtpauthUri(a) });
    if (a.issuer.startsWith('Trend')) await client.call('account.bind', { id: added[0]!, origin: CONSOLE });
  }
  return client;
}

const exportBackup = (client: Client) =>
  client.call('backup.export', {
    kind: 'sekimori-backup',
    password: VAULT_PASSWORD,
    backupPassword: BACKUP_PASSWORD,
  });

let client: Client;
beforeEach(async () => {
  client = await withSharedAccounts();
});

describe('export', () => {
  it('a Sekimori backup holds every account and its sites, and only after the vault password', async () => {
    expect(
      await codeOf(
        client.call('backup.export', {
          kind: 'sekimori-backup',
          password: 'not the password',
          backupPassword: BACKUP_PASSWORD,
        }),
      ),
    ).toBe('wrong-password');
    const { text, count } = await exportBackup(client);
    expect(count).toBe(SHARED_ACCOUNTS.length);
    const { accounts } = await openBackup(text, BACKUP_PASSWORD);
    expect(accounts.map(({ origins: _o, createdAt: _c, ...a }) => a)).toEqual([...SHARED_ACCOUNTS]);
    expect(accounts.find((a) => a.issuer.startsWith('Trend'))?.origins).toEqual([CONSOLE]);
    expect(text).not.toContain(SHARED_ACCOUNTS[0]!.secret);
  });

  it('no backup password, or a short one: refused', async () => {
    expect(
      await codeOf(client.call('backup.export', { kind: 'sekimori-backup', password: VAULT_PASSWORD })),
    ).toBe('password-required');
    expect(
      await codeOf(
        client.call('backup.export', {
          kind: 'sekimori-backup',
          password: VAULT_PASSWORD,
          backupPassword: 'short',
        }),
      ),
    ).toBe('password-too-short');
  });

  it('the plain otpauth list and one account as a QR code', async () => {
    const { text } = await client.call('backup.export', { kind: 'otpauth-list', password: VAULT_PASSWORD });
    expect(text.trim().split('\n').map(parseOtpauthUri)).toEqual([...SHARED_ACCOUNTS]);
    const { accounts } = await client.call('codes.list', {});
    const { uris } = await client.call('backup.export', {
      kind: 'account-qr',
      password: VAULT_PASSWORD,
      ids: [accounts[1]!.id],
    });
    expect(uris.map(parseOtpauthUri)).toEqual([SHARED_ACCOUNTS[1]]);
  });

  it('Google transfer: what Google cannot carry is left out and named', async () => {
    const { uris, leftOut, count } = await client.call('backup.export', {
      kind: 'google-migration',
      password: VAULT_PASSWORD,
    });
    const carried = uris.flatMap((u) => parseMigrationUri(u).accounts);
    expect(count).toBe(carried.length);
    expect(carried.map((a) => a.secret)).toEqual(
      SHARED_ACCOUNTS.filter((a) => a.type !== 'steam' && a.period === 30 && a.digits !== 7).map(
        (a) => a.secret,
      ),
    );
    expect(leftOut).toEqual([
      { label: '株式会社サンプル 管理コンソール: 山田 太郎', reason: 'period' },
      { label: 'Steam: sekimori-test', reason: 'steam' },
      { label: 'ServiceNow: admin.鈴木@example.jp', reason: 'digits' },
    ]);
  });

  it('while locked: nothing leaves', async () => {
    await client.call('vault.lock', {});
    expect(await codeOf(exportBackup(client))).toBe('locked');
  });
});

describe('import', () => {
  it('a backup restores into a fresh vault: same accounts, same codes, same sites', async () => {
    const { text } = await exportBackup(client);
    const fresh = await freshVault();
    expect(await codeOf(fresh.call('import.read', { data: text, encoding: 'text' }))).toBe(
      'password-required',
    );
    expect(
      await codeOf(fresh.call('import.read', { data: text, encoding: 'text', password: 'wrong one!' })),
    ).toBe('wrong-password');
    const preview = await fresh.call('import.read', {
      data: text,
      encoding: 'text',
      password: BACKUP_PASSWORD,
    });
    expect(preview.format).toBe('sekimori-backup');
    expect(preview.accounts.every((a) => !a.duplicate && !('secret' in a))).toBe(true);
    const all = preview.accounts.map((_, i) => i);
    expect(await fresh.call('import.commit', { token: preview.token, selected: all })).toEqual({
      added: SHARED_ACCOUNTS.length,
      duplicates: 0,
    });
    const before = (await client.call('codes.list', {})).accounts;
    const listed = await fresh.call('codes.list', {});
    expect(listed.backup?.unbacked).toBe(0); // restored from a backup: they are in one
    const after = listed.accounts;
    const key = (a: { issuer: string; account: string; code: string; origins: string[] }) =>
      `${a.issuer}|${a.account}|${a.code}|${a.origins.join()}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
  });

  it('the list’s order and its pinned accounts survive a backup and its restore', async () => {
    const source = await withSharedAccounts();
    const { accounts } = await source.call('codes.list', {});
    const [first, second, third] = accounts;
    await source.call('account.move', { id: first!.id, to: accounts.length - 1 });
    await source.call('account.pin', { id: third!.id, pinned: true });
    await source.call('account.move', { id: second!.id, to: 1 });
    const shown = (await source.call('codes.list', {})).accounts;
    expect(shown[0]!.id).toBe(third!.id);
    expect(shown.at(-1)!.id).toBe(first!.id);
    const { text } = await exportBackup(source);
    const fresh = await freshVault();
    const preview = await fresh.call('import.read', {
      data: text,
      encoding: 'text',
      password: BACKUP_PASSWORD,
    });
    await fresh.call('import.commit', { token: preview.token, selected: preview.accounts.map((_, i) => i) });
    const restored = (await fresh.call('codes.list', {})).accounts;
    const label = (a: { issuer: string; account: string; pinned: boolean }) =>
      `${a.issuer}|${a.account}|${a.pinned}`;
    expect(restored.map(label)).toEqual(shown.map(label));
  });

  it('into the same vault: every account is marked a duplicate and nothing is added twice', async () => {
    const { text } = await exportBackup(client);
    const preview = await client.call('import.read', {
      data: text,
      encoding: 'text',
      password: BACKUP_PASSWORD,
    });
    expect(preview.accounts.every((a) => a.duplicate)).toBe(true);
    const result = await client.call('import.commit', { token: preview.token, selected: [0, 1] });
    expect(result).toEqual({ added: 0, duplicates: 2 });
    expect((await client.call('codes.list', {})).accounts).toHaveLength(SHARED_ACCOUNTS.length);
  });

  it('the real Aegis encrypted file: password asked, the accounts listed, the chosen ones added', async () => {
    const fresh = await freshVault();
    const data = readFileSync(join(OTHER_APPS, 'aegis_encrypted.json'), 'utf8');
    expect(await codeOf(fresh.call('import.read', { data, encoding: 'text' }))).toBe('password-required');
    const preview = await fresh.call('import.read', { data, encoding: 'text', password: 'test' });
    expect(preview.format).toBe('aegis-encrypted');
    expect(preview.accounts.map((a) => a.issuer)).toContain('Deno');
    const deno = preview.accounts.findIndex((a) => a.issuer === 'Deno');
    expect(await fresh.call('import.commit', { token: preview.token, selected: [deno] })).toEqual({
      added: 1,
      duplicates: 0,
    });
    const [added] = (await fresh.call('codes.list', {})).accounts;
    expect(added?.account).toBe('Mason');
    expect(added?.code).toBe(
      await generateCode(
        {
          type: 'totp',
          issuer: 'Deno',
          account: 'Mason',
          secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
        },
        Date.now(),
      ),
    );
  });

  it('binary files come as Base64 (andOTP encrypted)', async () => {
    const fresh = await freshVault();
    const data = readFileSync(join(OTHER_APPS, 'andotp_encrypted.bin')).toString('base64');
    const preview = await fresh.call('import.read', { data, encoding: 'base64', password: 'test' });
    expect(preview.format).toMatch(/^andotp-encrypted/);
    expect(preview.accounts.length).toBeGreaterThan(0);
  });

  it('"not a backup", and a damaged one, are told apart', async () => {
    const fresh = await freshVault();
    expect(await codeOf(fresh.call('import.read', { data: 'hello, world', encoding: 'text' }))).toBe(
      'not-a-backup',
    );
    const { text } = await exportBackup(client);
    const cut = text.slice(0, Math.floor(text.length / 2));
    expect(
      await codeOf(fresh.call('import.read', { data: cut, encoding: 'text', password: BACKUP_PASSWORD })),
    ).not.toMatch(/^(internal|wrong-password)$/);
  });

  it('a preview is good for one commit, of its own accounts, for a while', async () => {
    const fresh = await freshVault();
    const data = SHARED_ACCOUNTS.map(formatOtpauthUri).join('\n');
    const preview = await fresh.call('import.read', { data, encoding: 'text' });
    expect(await codeOf(fresh.call('import.commit', { token: 'B'.repeat(24), selected: [0] }))).toBe(
      'import-expired',
    );
    expect(await codeOf(fresh.call('import.commit', { token: preview.token, selected: [99] }))).toBe(
      'bad-request',
    );
    expect(await fresh.call('import.commit', { token: preview.token, selected: [0] })).toEqual({
      added: 1,
      duplicates: 0,
    });
    expect(await codeOf(fresh.call('import.commit', { token: preview.token, selected: [1] }))).toBe(
      'import-expired',
    );
  });

  it('5 000 accounts: read and committed in one write, in under 3 s', async () => {
    const fresh = await freshVault();
    const lines = Array.from({ length: 5000 }, (_, i) => {
      const secret = Buffer.from(`sekimori-bulk-${i.toString().padStart(6, '0')}`)
        .toString('hex')
        .toUpperCase()
        .replace(/[^A-Z2-7]/g, 'A')
        .slice(0, 32);
      return `otpauth://totp/Bulk:user${i}?secret=${secret}&issuer=Bulk`;
    });
    const started = performance.now();
    const preview = await fresh.call('import.read', { data: lines.join('\n'), encoding: 'text' });
    const result = await fresh.call('import.commit', {
      token: preview.token,
      selected: preview.accounts.map((_, i) => i),
    });
    const elapsed = performance.now() - started;
    expect(result.added + result.duplicates).toBe(5000);
    expect((await fresh.call('codes.list', {})).accounts.length).toBe(result.added);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('backup reminder', () => {
  it('counts accounts in no backup; reminds once one is a day old; a backup clears it; "Not now" hides it until there are more', async () => {
    const clock = { now: Date.now() };
    const fresh = await freshVault(clock);
    expect((await fresh.call('codes.list', {})).backup).toEqual({
      unbacked: 0,
      lastBackupAt: null,
      remind: false,
    });
    await fresh.call('enrol.save', { text: formatOtpauthUri(SHARED_ACCOUNTS[0]!) });
    // A new account may still be a trial: nothing to remind of yet.
    expect((await fresh.call('codes.list', {})).backup).toMatchObject({ unbacked: 1, remind: false });
    // A day later (the vault locked itself meanwhile: unlocked again).
    clock.now += 24 * 60 * 60 * 1000 - 1;
    await fresh.call('vault.unlock', { password: VAULT_PASSWORD });
    expect((await fresh.call('codes.list', {})).backup).toMatchObject({ unbacked: 1, remind: false });
    clock.now += 1;
    expect((await fresh.call('codes.list', {})).backup).toMatchObject({ unbacked: 1, remind: true });
    expect(await fresh.call('backup.dismiss', {})).toMatchObject({ unbacked: 1, remind: false });
    await fresh.call('enrol.save', { text: formatOtpauthUri(SHARED_ACCOUNTS[1]!) });
    expect((await fresh.call('codes.list', {})).backup).toMatchObject({ unbacked: 2, remind: true });
    await fresh.call('backup.export', {
      kind: 'sekimori-backup',
      password: VAULT_PASSWORD,
      backupPassword: BACKUP_PASSWORD,
    });
    const state = (await fresh.call('codes.list', {})).backup!;
    expect(state.unbacked).toBe(0);
    expect(state.remind).toBe(false);
    expect(state.lastBackupAt).toBe(clock.now);
  });

  it('a new key for an account is not in the last backup', async () => {
    await exportBackup(client);
    const { accounts } = await client.call('codes.list', {});
    await client.call('account.update', { id: accounts[0]!.id, patch: { issuer: 'Renamed' } });
    expect((await client.call('backup.state', {})).unbacked).toBe(0);
    await client.call('account.update', { id: accounts[0]!.id, patch: { secret: 'MFRGGZDFMZTWQ2LK' } });
    expect((await client.call('backup.state', {})).unbacked).toBe(1);
  });
});
