/**
 * Checklist, "Bad inputs": wrong backup password; truncated / bit-flipped / future-version backups; 5 000-entry
 * imports; duplicates. Each damaged file is tried both in lib/backup (`openBackup`: a BackupError with its code,
 * never accounts) and through the real background (`import.read`: a typed error code, no preview kept, nothing
 * written to the vault).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BackupError, openBackup, sealBackup, type BackupAccount } from '@/lib/backup';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { tamper } from '../lib/backup/backup-test-helpers';
import { MemoryStore } from '../support/memory-store';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import { background, type Background } from './support/background';
import { remoteCode } from './support/remote-code';

const VAULT_PASSWORD = 'backup campaign vault 2026';
const BACKUP_PASSWORD = 'backup campaign file password';
/** The lowest cost a backup may have: the tests run many. */
const ITERATIONS = 600_000;

const toBackup = (a: (typeof SHARED_ACCOUNTS)[number], k: number): BackupAccount => ({
  ...a,
  origins: k === 0 ? ['https://clp.trendmicro.com'] : [],
  createdAt: 1_767_312_000_000 + k,
});

let file: string;
let bg: Background;
let local: MemoryStore;
let session: MemoryStore;

beforeAll(async () => {
  file = await sealBackup(SHARED_ACCOUNTS.map(toBackup), BACKUP_PASSWORD, { iterations: ITERATIONS });
  local = new MemoryStore();
  session = new MemoryStore();
  bg = background({ local, session });
  await bg.client.call('vault.create', { password: VAULT_PASSWORD });
  await bg.client.call('account.add', {
    draft: { issuer: 'Already', account: 'there@example.jp', secret: 'JBSWY3DPEHPK3PXP' },
  });
});

/** The BackupError code of opening `text`; fails on success or on any other kind of error. */
async function openCode(text: string, password = BACKUP_PASSWORD): Promise<string> {
  try {
    await openBackup(text, password);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return (error as BackupError).code;
  }
  throw new Error('a damaged backup opened');
}

/** `import.read` of `text` through the background: its error code; the vault and the pending import untouched. */
async function importCode(text: string, password: string | null = BACKUP_PASSWORD): Promise<string> {
  const before = JSON.stringify([...local.data, ...session.data]);
  const code = await remoteCode(
    bg.client.call('import.read', { data: text, encoding: 'text', ...(password ? { password } : {}) }),
  );
  expect(JSON.stringify([...local.data, ...session.data])).toBe(before);
  return code;
}

describe('wrong backup password', () => {
  it('`wrong-password` from openBackup and from import.read (also for near misses); nothing kept', async () => {
    for (const password of [
      'wrong',
      BACKUP_PASSWORD.toUpperCase(),
      `${BACKUP_PASSWORD} `,
      BACKUP_PASSWORD.slice(1),
    ]) {
      expect(await openCode(file, password)).toBe('wrong-password');
      expect(await importCode(file, password)).toBe('wrong-password');
    }
    expect(await importCode(file, null)).toBe('password-required');
  });
});

describe('truncated backups', () => {
  it('every truncation (sampled every 1 %, and the last 64 lengths) is refused with a typed code, never accounts', async () => {
    const lengths = new Set<number>();
    for (let p = 0; p < 100; p++) lengths.add(Math.floor((file.length * p) / 100));
    for (let n = Math.max(0, file.trimEnd().length - 64); n < file.trimEnd().length; n++) lengths.add(n);
    for (const n of lengths) {
      expect(['corrupt-backup', 'not-a-backup'], `length ${n}`).toContain(await openCode(file.slice(0, n)));
    }
  });

  it('through import.read (sampled every 5 %): a typed error, no preview, nothing written', async () => {
    for (let p = 5; p < 100; p += 5) {
      const code = await importCode(file.slice(0, Math.floor((file.length * p) / 100)));
      expect(['corrupt-backup', 'not-a-backup', 'unsupported-version'], `${p} %`).toContain(code);
    }
  });
});

describe('bit-flipped backups', () => {
  /** The file with bit (i mod 8) of character i inverted. */
  const flipped = (i: number) =>
    file.slice(0, i) + String.fromCharCode(file.charCodeAt(i) ^ (1 << (i % 8))) + file.slice(i + 1);

  it('a bit flipped in every single character of the file: never opens, always a typed code', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < file.length; i++) {
      const text = flipped(i);
      if (text.trim() === file.trim()) continue; // a flip in the final newline's whitespace
      const code = await openCode(text);
      expect(['corrupt-backup', 'not-a-backup', 'wrong-password'], `character ${i}`).toContain(code);
      seen.add(code);
    }
    expect(seen).toContain('corrupt-backup');
  });

  it('through import.read (every 7th character): a typed error, nothing written', async () => {
    for (let i = 0; i < file.length; i += 7) {
      const text = flipped(i);
      if (text.trim() === file.trim()) continue;
      expect(['corrupt-backup', 'not-a-backup', 'wrong-password'], `character ${i}`).toContain(
        await importCode(text),
      );
    }
  });
});

describe('future-version backups', () => {
  it('version 2 (checksum recomputed): `unsupported-version`, before the password is used', async () => {
    const future = tamper(file, (f) => void (f.version = 2));
    expect(await openCode(future)).toBe('unsupported-version');
    expect(await openCode(future, 'any password at all')).toBe('unsupported-version');
    expect(await importCode(future)).toBe('unsupported-version');
  });

  it('an unknown KDF or cipher, or a cost above the ceiling: `unsupported-version` without deriving', async () => {
    for (const edit of [
      (f: Record<string, unknown>) => void (f.kdf = { name: 'argon2id', m: 65536, t: 3, p: 4 }),
      (f: Record<string, unknown>) =>
        void ((f.cipher as Record<string, unknown>).name = 'xchacha20-poly1305'),
      (f: Record<string, unknown>) => void ((f.kdf as Record<string, unknown>).iterations = 2 ** 32 - 1),
    ]) {
      const future = tamper(file, edit);
      expect(await openCode(future)).toBe('unsupported-version');
      expect(await importCode(future)).toBe('unsupported-version');
    }
  });

  it('version 2 without the checksum recomputed: `corrupt-backup`', async () => {
    const text = file.replace('"version": 1', '"version": 2');
    expect(text).not.toBe(file);
    expect(await openCode(text)).toBe('corrupt-backup');
  });
});

describe('5 000-entry imports', () => {
  const many = Array.from({ length: 5000 }, (_, k) =>
    formatOtpauthUri({
      type: 'totp',
      issuer: `Bulk ${k % 7}`,
      account: `user-${k}@example.jp`,
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    }),
  ).join('\n');

  it('an otpauth list of 5 000 accounts: previewed without secrets, committed in one write, all there', async () => {
    const fresh = background();
    await fresh.client.call('vault.create', { password: VAULT_PASSWORD });
    const preview = await fresh.client.call('import.read', { data: many, encoding: 'text' });
    expect(preview.accounts).toHaveLength(5000);
    expect(JSON.stringify(preview)).not.toContain('JBSWY3DPEHPK3PXP');
    const writes = (fresh.local as MemoryStore).writes.length;
    const all = preview.accounts.map((_, i) => i);
    expect(await fresh.client.call('import.commit', { token: preview.token, selected: all })).toEqual({
      added: 5000,
      duplicates: 0,
    });
    expect((fresh.local as MemoryStore).writes.length).toBe(writes + 1);
    expect((await fresh.client.call('codes.list', {})).accounts).toHaveLength(5000);

    // The same file again: every entry is a duplicate, nothing is added twice.
    const again = await fresh.client.call('import.read', { data: many, encoding: 'text' });
    expect(again.accounts.every((a) => a.duplicate)).toBe(true);
    expect(await fresh.client.call('import.commit', { token: again.token, selected: all })).toEqual({
      added: 0,
      duplicates: 5000,
    });
    expect((await fresh.client.call('codes.list', {})).accounts).toHaveLength(5000);
  }, 60_000);

  it('a Sekimori backup of 5 000 accounts opens and imports whole', async () => {
    const accounts = Array.from({ length: 5000 }, (_, k) =>
      toBackup({ ...SHARED_ACCOUNTS[k % SHARED_ACCOUNTS.length]!, account: `n${k}` }, k),
    );
    const big = await sealBackup(accounts, BACKUP_PASSWORD, { iterations: ITERATIONS });
    expect((await openBackup(big, BACKUP_PASSWORD)).accounts).toHaveLength(5000);
    const fresh = background();
    await fresh.client.call('vault.create', { password: VAULT_PASSWORD });
    const preview = await fresh.client.call('import.read', {
      data: big,
      encoding: 'text',
      password: BACKUP_PASSWORD,
    });
    expect(preview.format).toBe('sekimori-backup');
    expect(preview.accounts).toHaveLength(5000);
  }, 60_000);
});

describe('duplicates', () => {
  it('the same account twice in a file and one already in the vault: flagged, and added once at most', async () => {
    const text = [
      'otpauth://totp/Already:there%40example.jp?secret=JBSWY3DPEHPK3PXP&issuer=Already',
      'otpauth://totp/Twice:twice%40example.jp?secret=JBSWY3DPEHPK3PXP&issuer=Twice',
      'otpauth://totp/Twice:twice%40example.jp?secret=JBSWY3DPEHPK3PXP&issuer=Twice',
      'otpauth://totp/Twice:twice%40example.jp?secret=jbsw%20y3dp%20ehpk%203pxp&issuer=Twice',
    ].join('\n');
    const preview = await bg.client.call('import.read', { data: text, encoding: 'text' });
    expect(preview.accounts.map((a) => a.duplicate)).toEqual([true, false, true, true]);
    // Even when every entry is chosen, the vault gets the new account once and the old one is not doubled.
    expect(
      await bg.client.call('import.commit', { token: preview.token, selected: [0, 1, 2, 3, 3, 1] }),
    ).toEqual({
      added: 1,
      duplicates: 3,
    });
    const list = (await bg.client.call('codes.list', {})).accounts.map((a) => a.account);
    expect(list.filter((a) => a === 'twice@example.jp')).toHaveLength(1);
    expect(list.filter((a) => a === 'there@example.jp')).toHaveLength(1);
  });

  it('a backup restored over the vault it came from adds nothing', async () => {
    const exported = await bg.client.call('backup.export', {
      kind: 'sekimori-backup',
      password: VAULT_PASSWORD,
      backupPassword: BACKUP_PASSWORD,
    });
    const preview = await bg.client.call('import.read', {
      data: exported.text,
      encoding: 'text',
      password: BACKUP_PASSWORD,
    });
    expect(preview.accounts.every((a) => a.duplicate)).toBe(true);
    const count = (await bg.client.call('codes.list', {})).accounts.length;
    await bg.client.call('import.commit', {
      token: preview.token,
      selected: preview.accounts.map((_, i) => i),
    });
    expect((await bg.client.call('codes.list', {})).accounts).toHaveLength(count);
  });
});
