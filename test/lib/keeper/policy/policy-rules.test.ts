/**
 * The organisation's rules where the background enforces them, over the real keeper, each policy read from
 * managed storage through the platform adapter (WXT's stand-in browser): the vault password length, the longest
 * idle lock, exports (all, or only the unencrypted ones), imports, and the sites Sekimori may fill.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagedPolicy } from '@/lib/platform/policy';
import type { Client } from '@/lib/messages';
import type { ManagedPolicy } from '@/lib/policy/policy';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { codeOf, realClient } from '../../../support/real-client';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const PASSWORD = 'correct horse battery staple';
const CONSOLE = 'https://clp.trendmicro.com';

/** What the organisation pushes: managed storage replaced as a whole, as the browser does. */
async function pushPolicy(managed: ManagedPolicy): Promise<void> {
  fakeBrowser.reset();
  await fakeBrowser.storage.managed.set(managed as Record<string, unknown>);
}

beforeEach(() => fakeBrowser.reset());

async function setUp(managed: ManagedPolicy) {
  await pushPolicy(managed);
  const rig = realClient({ policy: readManagedPolicy });
  await rig.client.call('vault.create', { password: PASSWORD });
  const { added } = await rig.client.call('enrol.save', { text: formatOtpauthUri(SHARED_ACCOUNTS[0]!) });
  await rig.client.call('account.bind', { id: added[0]!, origin: CONSOLE });
  return { ...rig, id: added[0]! };
}

const exportAs = (client: Client, kind: 'sekimori-backup' | 'otpauth-list' | 'google-migration') =>
  client.call('backup.export', { kind, password: PASSWORD, backupPassword: 'backup password 1' });

describe('policy rules', () => {
  it('MinimumPasswordLength: a shorter vault password is refused', async () => {
    await pushPolicy({ MinimumPasswordLength: 16 });
    const { client } = realClient({ policy: readManagedPolicy });
    expect(await codeOf(client.call('vault.create', { password: '15 characters!!' }))).toBe(
      'password-too-short',
    );
    expect(await codeOf(client.call('vault.create', { password: '16 characters!!!' }))).toBe('ok');
  });

  it('DisablePlaintextExport: the encrypted backup only', async () => {
    const { client } = await setUp({ DisablePlaintextExport: true });
    expect(await codeOf(exportAs(client, 'otpauth-list'))).toBe('policy-forbids');
    expect(await codeOf(exportAs(client, 'google-migration'))).toBe('policy-forbids');
    expect(await codeOf(exportAs(client, 'sekimori-backup'))).toBe('ok');
  });

  it('DisableImportExport: no export, no import', async () => {
    const { client } = await setUp({ DisableImportExport: true });
    expect(await codeOf(exportAs(client, 'sekimori-backup'))).toBe('policy-forbids');
    const data = formatOtpauthUri(SHARED_ACCOUNTS[1]!);
    expect(await codeOf(client.call('import.read', { data, encoding: 'text' }))).toBe('policy-forbids');
  });

  it('a policy pushed between preview and commit applies to the commit', async () => {
    const { client } = await setUp({});
    const preview = await client.call('import.read', {
      data: formatOtpauthUri(SHARED_ACCOUNTS[1]!),
      encoding: 'text',
    });
    await pushPolicy({ DisableImportExport: true });
    expect(await codeOf(client.call('import.commit', { token: preview.token, selected: [0] }))).toBe(
      'policy-forbids',
    );
  });

  it('AllowedFillOrigins: Fill and automatic fill only there', async () => {
    const { client, fill, id } = await setUp({ AllowedFillOrigins: ['https://*.example.co.jp'] });
    fill.tab.origin = CONSOLE;
    const request = {
      id,
      tabId: fill.tab.tabId,
      documentId: fill.tab.documentId!,
      origin: CONSOLE,
      frames: [],
      allowOtherOrigin: false,
      allowEmailCode: false,
    };
    expect(await codeOf(client.call('fill.code', request))).toBe('policy-forbids');
    fill.grantedOrigins.add(CONSOLE);
    expect(await codeOf(client.call('account.autofill', { id, origin: CONSOLE, on: true }))).toBe(
      'policy-forbids',
    );
    expect(fill.filled).toEqual([]);
    await pushPolicy({ AllowedFillOrigins: [CONSOLE] });
    expect(await client.call('fill.code', request)).toEqual({ result: 'filled' });
  });

  it('MaximumAutoLockMinutes: the idle lock is never longer, and cannot be turned off', async () => {
    const { client } = await setUp({ MaximumAutoLockMinutes: 10 });
    expect((await client.call('settings.get', {})).idleLockMinutes).toBeLessThanOrEqual(10);
    expect((await client.call('settings.set', { idleLockMinutes: 60 })).idleLockMinutes).toBe(10);
    expect((await client.call('settings.set', { idleLockMinutes: 0 })).idleLockMinutes).toBe(10);
    expect((await client.call('settings.set', { idleLockMinutes: 5 })).idleLockMinutes).toBe(5);
  });

  it('policy.get tells the settings what the organisation set', async () => {
    const { client } = await setUp({ DisablePlaintextExport: true, MaximumAutoLockMinutes: 'x' as never });
    const policy = await client.call('policy.get', {});
    expect(policy.managed).toEqual(['DisablePlaintextExport']);
    expect(policy.ignored).toEqual(['MaximumAutoLockMinutes']);
  });
});
