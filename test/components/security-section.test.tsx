// @vitest-environment happy-dom
/**
 * The options page's Security section over the real background (keeper, vault and policy rules on in-memory
 * storage): the auto-lock settings round trip (also while locked), the organisation's ceiling on the idle time and
 * what else it set, changing the password, and the backup and import cards the policy turns off.
 */
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePolicy } from '@/lib/policy/policy';
import { EXAMPLE_POLICY } from '../support/example-policy';
import { codeOf, realClient } from '../support/real-client';
import { card, PASSWORD, tr, type } from './options-harness';
import { mountSecurity, recording } from './security-harness';

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

const NEW_PASSWORD = 'a quite different phrase 2026';

async function background(policy?: Record<string, unknown>) {
  const bg = realClient(policy ? { policy: async () => parsePolicy(policy) } : {});
  await bg.client.call('vault.create', { password: PASSWORD });
  return bg;
}

const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);

function autoLock() {
  const c = within(card('Auto-lock'));
  return {
    c,
    idle: c.getByLabelText<HTMLSelectElement>('Lock after no input for'),
    hours: c.getByLabelText<HTMLSelectElement>('Always lock after being unlocked for'),
    screenLock: c.getByLabelText<HTMLInputElement>('Lock when the screen locks'),
  };
}

describe('Auto-lock', () => {
  it('shows the settings in effect, saves each change at once (also while locked), and shows them after a reload', async () => {
    const bg = await background();
    await bg.client.call('vault.lock', {});
    mountSecurity(bg.client);
    const { c, idle, hours, screenLock } = autoLock();
    await waitFor(() => expect(idle.value).toBe('15'));
    expect(optionTexts(idle)).toEqual([
      '1 minute',
      '5 minutes',
      '10 minutes',
      '15 minutes',
      '30 minutes',
      '1 hour',
      '2 hours',
      '4 hours',
      'Never',
    ]);
    expect(hours.value).toBe('8');
    expect(optionTexts(hours)).toHaveLength(24);
    expect(optionTexts(hours)[0]).toBe('1 hour');
    expect(screenLock.checked).toBe(true);
    expect(c.getByText(/not only in the browser/)).toBeTruthy();

    fireEvent.change(idle, { target: { value: '60' } });
    expect(await c.findByText('Saved.')).toBeTruthy();
    fireEvent.change(hours, { target: { value: '2' } });
    fireEvent.click(screenLock);
    await waitFor(async () =>
      expect(await bg.client.call('settings.get', {})).toEqual({
        idleLockMinutes: 60,
        maxUnlockedHours: 2,
        lockOnScreenLock: false,
      }),
    );

    fireEvent.change(idle, { target: { value: '0' } });
    await waitFor(async () => expect((await bg.client.call('settings.get', {})).idleLockMinutes).toBe(0));

    cleanup();
    mountSecurity(bg.client);
    const again = autoLock();
    await waitFor(() => expect(again.idle.value).toBe('0'));
    expect(again.idle.selectedOptions[0]!.textContent).toBe('Never');
    expect(again.hours.value).toBe('2');
    expect(again.screenLock.checked).toBe(false);
  });

  it('in Japanese', async () => {
    const bg = await background();
    mountSecurity(bg.client, { lang: 'ja' });
    const c = within(card(tr('ja', 'autolock_title')));
    const idle = c.getByLabelText<HTMLSelectElement>('操作がないときにロックするまでの時間');
    await waitFor(() => expect(idle.value).toBe('15'));
    expect(optionTexts(idle)).toEqual([
      '1分',
      '5分',
      '10分',
      '15分',
      '30分',
      '1時間',
      '2時間',
      '4時間',
      'ロックしない',
    ]);
    expect(screen.getByRole('link', { name: 'セキュリティ' }).getAttribute('href')).toBe('#security');
    fireEvent.change(idle, { target: { value: '5' } });
    expect(await c.findByText('保存しました。')).toBeTruthy();
  });
});

describe('the organisation policy', () => {
  const POLICY = EXAMPLE_POLICY;

  it('caps the idle time (no "never"), shows what came back, and lists what it set and what it ignored', async () => {
    const bg = await background(POLICY);
    // Chosen before the policy arrived: kept in storage, but the ceiling applies.
    expect((await bg.client.call('settings.set', { idleLockMinutes: 0 })).idleLockMinutes).toBe(30);
    mountSecurity(bg.client);
    const { c, idle } = autoLock();
    await waitFor(() => expect(optionTexts(idle)).not.toContain('Never'));
    await waitFor(() => expect(idle.value).toBe('30'));
    expect(optionTexts(idle)).toEqual(['1 minute', '5 minutes', '10 minutes', '15 minutes', '30 minutes']);
    const hint = c.getByText(/At most 30 minutes, and it cannot be turned off\./);
    expect(hint.textContent).toContain('Set by your organisation');
    expect(idle.getAttribute('aria-describedby')).toContain(hint.id);

    fireEvent.change(idle, { target: { value: '10' } });
    expect(await c.findByText('Saved.')).toBeTruthy();
    expect((await bg.client.call('settings.get', {})).idleLockMinutes).toBe(10);

    const policy = within(card('Organisation policy'));
    expect(policy.getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual([
      'Passwords must be at least 12 characters.',
      'Sekimori locks after at most 30 minutes without input; this cannot be turned off.',
      'Accounts can be exported only as an encrypted backup file: no Google transfer codes, account QR codes or plain lists.',
      'Codes are filled only on these sites:',
      'https://clp.trendmicro.com',
      'https://*.example.co.jp',
    ]);
    const ignored = policy.getByText(/^For your administrator/);
    expect(ignored.textContent).toContain('DisableImportExport, LockEverything');

    // Password: the organisation's minimum, checked before anything is sent.
    const password = within(card('Change password'));
    expect(password.getByText(/At least 12 characters\./).textContent).toContain('Set by your organisation');
  });

  it('a ceiling that arrives while the page is open: the select shows what the background kept, and says why', async () => {
    let policy = parsePolicy({});
    const bg = realClient({ policy: async () => policy });
    await bg.client.call('vault.create', { password: PASSWORD });
    mountSecurity(bg.client);
    const { c, idle } = autoLock();
    await waitFor(() => expect(idle.value).toBe('15'));
    policy = parsePolicy({ MaximumAutoLockMinutes: 30 });
    fireEvent.change(idle, { target: { value: '120' } });
    expect(
      await c.findByText('Your organisation allows at most 30 minutes, so that is what applies.'),
    ).toBeTruthy();
    expect(idle.value).toBe('30');
    expect(idle.selectedOptions[0]!.textContent).toBe('30 minutes');
  });

  it('turns the unencrypted exports off: those cards say so instead of their forms; the encrypted file stays', async () => {
    const bg = await background({ DisablePlaintextExport: true });
    mountSecurity(bg.client);
    const off = 'Turned off by your organisation. Ask your administrator if you need it.';
    await waitFor(() => expect(screen.getAllByText(off)).toHaveLength(3));
    for (const key of ['google_transfer_title', 'account_qr_title', 'otpauth_list_title']) {
      const c = card(tr('en', key));
      expect(within(c).getByText(off)).toBeTruthy();
      expect(within(c).queryByRole('button')).toBeNull();
      expect(within(c).queryByLabelText('Your Sekimori password')).toBeNull();
    }
    expect(
      within(card('Encrypted backup file')).getByRole('button', { name: 'Download backup file' }),
    ).toBeTruthy();
    expect(within(card('Organisation policy')).getAllByRole('listitem')).toHaveLength(1);
  });

  it('turns import and export off: both sections say so, with no file picker, paste box or export form', async () => {
    const bg = await background({ DisableImportExport: true });
    mountSecurity(bg.client, { lang: 'ja' });
    const off = tr('ja', 'policy_turned_off');
    const importSection = document.getElementById('import')!;
    const backupSection = document.getElementById('backup')!;
    await within(importSection).findByText(off);
    expect(within(backupSection).getByText(off)).toBeTruthy();
    expect(importSection.querySelector('textarea, button')).toBeNull();
    expect(backupSection.querySelector('input, button, form')).toBeNull();
    expect(within(card('組織のポリシー')).getByText(tr('ja', 'policy_import_export_off'))).toBeTruthy();
    expect(card('組織のポリシー').textContent).toContain('組織によって設定されています');
  });

  it('without a policy: no policy card, every form is there', async () => {
    const bg = await background();
    mountSecurity(bg.client);
    await waitFor(() => expect(autoLock().idle.value).toBe('15'));
    expect(screen.queryByRole('heading', { name: /^Organisation policy/ })).toBeNull();
    expect(screen.queryByText(/Turned off by your organisation/)).toBeNull();
    expect(screen.queryByText('Set by your organisation')).toBeNull();
  });
});

describe('Change password', () => {
  function fill(current: string, next: string, confirm = next) {
    const form = within(card('Change password'));
    type(form.getByLabelText('Current password'), current);
    type(form.getByLabelText('New password'), next);
    type(form.getByLabelText('Confirm the new password'), confirm);
    fireEvent.click(form.getByRole('button', { name: 'Change password' }));
    return form;
  }

  it('changes it: the vault stays unlocked, then opens with the new password only', async () => {
    const bg = await background();
    mountSecurity(bg.client);
    const form = fill(PASSWORD, NEW_PASSWORD);
    expect(await form.findByText(/^Password changed\./)).toBeTruthy();
    for (const label of ['Current password', 'New password', 'Confirm the new password'])
      expect(form.getByLabelText<HTMLInputElement>(label).value).toBe('');
    expect(await bg.client.call('vault.status', {})).toMatchObject({ vault: 'unlocked' });
    await bg.client.call('vault.lock', {});
    expect(await codeOf(bg.client.call('vault.unlock', { password: PASSWORD }))).toBe('wrong-password');
    expect(await codeOf(bg.client.call('vault.unlock', { password: NEW_PASSWORD }))).toBe('ok');
  });

  it('a wrong current password changes nothing', async () => {
    const bg = await background();
    mountSecurity(bg.client);
    const form = fill('not my password', NEW_PASSWORD);
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toBe('That is not your current password. Nothing was changed.');
    expect(form.getByLabelText<HTMLInputElement>('Current password').value).toBe('');
    expect(form.getByLabelText('New password').getAttribute('aria-describedby')).toContain(alert.id);
    await bg.client.call('vault.lock', {});
    expect(await codeOf(bg.client.call('vault.unlock', { password: PASSWORD }))).toBe('ok');
  });

  it('a mismatch or a password under the organisation minimum is caught before anything is sent', async () => {
    const bg = await background({ MinimumPasswordLength: 12 });
    const { client, sent } = recording(bg.client);
    mountSecurity(client);
    await within(card('Change password')).findByText(/At least 12 characters\./);
    let form = fill(PASSWORD, 'short one 1');
    expect(form.getByRole('alert').textContent).toBe(
      'The new password must be at least 12 characters. Nothing was changed.',
    );
    form = fill(PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    expect(form.getByRole('alert').textContent).toBe('The two passwords do not match.');
    expect(sent).not.toContain('vault.change-password');
  });

  it('in Japanese', async () => {
    const bg = await background();
    mountSecurity(bg.client, { lang: 'ja' });
    const form = within(card('パスワードの変更'));
    type(form.getByLabelText('現在のパスワード'), 'ちがう');
    type(form.getByLabelText('新しいパスワード'), NEW_PASSWORD);
    type(form.getByLabelText('新しいパスワード（確認）'), NEW_PASSWORD);
    fireEvent.click(form.getByRole('button', { name: 'パスワードを変更' }));
    expect((await form.findByRole('alert')).textContent).toBe(
      '現在のパスワードが違います。何も変更していません。',
    );
  });
});
