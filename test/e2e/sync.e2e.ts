/**
 * Sync between two real browsers (two Chromium profiles, each with Sekimori): a test sync service carries the
 * `storage.sync` items from one profile's extension to the other's through each service worker — in the order
 * chosen, with delays, duplicates and losses — so `storage.onChanged` fires in the receiving browser as it does
 * with the real service. Turned on through the options page (Sync) in both; edits apart converge; a delete against
 * a rename; a password change; an over-quota vault; both profiles searched for secrets in the clear.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOtpauthUri } from '../../lib/otp/format-otpauth-uri';
import { readItems } from '../../lib/sync';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import {
  askFromPage,
  checkLayout,
  E2E_EXTENSION,
  launchExtension,
  searchProfileFor,
  type ExtensionSession,
} from './harness';

const PASSWORD = 'office pc password 2026';
const OTHER_PASSWORD = 'second pc password 2026';
const NEW_PASSWORD = 'a new office password 2026';
const SHOTS = resolve(__dirname, '../../.output/screenshots');

interface Browser {
  session: ExtensionSession;
  profile: string;
  page: Page;
}

async function open(name: string, password: string, accounts: typeof SHARED_ACCOUNTS): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), `sekimori-sync-${name}-`));
  const session = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile });
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await askFromPage(page, 'vault.create', { password });
  for (const account of accounts) await askFromPage(page, 'enrol.save', { text: formatOtpauthUri(account) });
  return { session, profile, page };
}

/** The sync items of a profile, read through its service worker. */
async function items(b: Browser): Promise<Record<string, string>> {
  const worker = await b.session.serviceWorker();
  return (await worker.evaluate(`chrome.storage.sync.get(null)`)) as Record<string, string>;
}

/**
 * The test sync service: what `from` holds now is delivered to `to`, one key per write (so the receiving
 * browser sees the record arrive in pieces), in the order given, each key `times` times; keys in `lose` are not
 * delivered this time; keys `to` has that `from` no longer has are removed, last.
 */
async function carry(
  from: Browser,
  to: Browser,
  opts: {
    order?: 'as-is' | 'reverse';
    times?: number;
    lose?: (key: string) => boolean;
    delayMs?: number;
  } = {},
): Promise<void> {
  const source = await items(from);
  const target = await items(to);
  let keys = Object.keys(source).filter((k) => source[k] !== target[k] && !(opts.lose?.(k) ?? false));
  if (opts.order === 'reverse') keys = keys.reverse();
  const worker = await to.session.serviceWorker();
  for (let i = 0; i < (opts.times ?? 1); i++) {
    for (const key of keys) {
      await worker.evaluate(`chrome.storage.sync.set(${JSON.stringify({ [key]: source[key] })})`);
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    }
  }
  const gone = Object.keys(target).filter((k) => !(k in source));
  if (gone.length) await worker.evaluate(`chrome.storage.sync.remove(${JSON.stringify(gone)})`);
}

const list = async (b: Browser) =>
  (
    (await askFromPage(b.page, 'codes.list', {})) as {
      accounts: {
        id: string;
        issuer: string;
        account: string;
        code: string;
        pinned: boolean;
        origins: string[];
      }[];
    }
  ).accounts;
const names = async (b: Browser) => (await list(b)).map((a) => `${a.issuer}/${a.account}`).sort();
const status = async (b: Browser) =>
  (await askFromPage(b.page, 'sync.status', {})) as { on: boolean | null; problem: { kind: string } | null };

/** Waits until the browser has written what it has (its own run after a change comes within 2 s). */
async function settled(b: Browser): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = JSON.stringify(await items(b));
    if (now === last) return;
    last = now;
  }
}

let a: Browser;
let b: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  a = await open('a', PASSWORD, SHARED_ACCOUNTS.slice(0, 2));
  b = await open('b', OTHER_PASSWORD, SHARED_ACCOUNTS.slice(1, 4));
}, 120_000);

afterAll(async () => {
  for (const x of [a, b]) {
    await x?.session.close().catch(() => undefined);
    if (x) await rm(x.profile, { recursive: true, force: true });
  }
});

describe('sync between two browsers (two Chromium profiles, a test sync service between them)', () => {
  it('on in A, then in B: B asks the synced vault’s password, shows the union, and both have the same accounts and codes', async () => {
    const options = await a.session.context.newPage();
    await options.goto(`chrome-extension://${a.session.extensionId}/options.html#sync`);
    const card = options.locator('#sync');
    await card.getByRole('button', { name: 'Turn on sync' }).click();
    await card.getByText(/^Sync is on\./).waitFor();
    await settled(a);
    expect(Object.keys(await items(a)).length).toBeGreaterThan(1);
    await options.close();

    await carry(a, b, { order: 'reverse', times: 2 }); // pieces out of order, each twice
    const other = await b.session.context.newPage();
    await other.setViewportSize({ width: 1000, height: 900 });
    await other.goto(`chrome-extension://${b.session.extensionId}/options.html#sync`);
    const sync = other.locator('#sync');
    await sync.getByRole('button', { name: 'Turn on sync' }).click();
    await sync.getByLabel('Password of the synced vault').fill('not it');
    await sync.getByRole('button', { name: 'Continue' }).click();
    await sync.getByText('That is not the password of the synced vault.').waitFor();
    await sync.getByLabel('Password of the synced vault').fill(PASSWORD);
    await sync.getByRole('button', { name: 'Continue' }).click();
    await sync.getByText('From your other browsers, added here: 1').waitFor();
    await sync.getByText('In both, shown once with their sites combined: 1').waitFor();
    await sync.getByText('Only in this browser, kept and sent to the others: 2').waitFor();
    await checkLayout(other);
    await sync.screenshot({ path: join(SHOTS, 'en-light-sync-preview.png') });
    await sync.getByRole('button', { name: 'Join and combine' }).click();
    await sync.getByText(/^Sync is on\./).waitFor();
    await sync.screenshot({ path: join(SHOTS, 'en-light-sync-on.png') });
    await settled(b);
    await carry(b, a);
    await settled(a);
    expect(await names(a)).toEqual(await names(b));
    expect(await names(a)).toHaveLength(4);
    const codes = async (x: Browser) => (await list(x)).map((c) => `${c.issuer}:${c.code}`).sort();
    expect(await codes(a)).toEqual(await codes(b));
    await other.close();
  });

  it('edits on both while apart converge, with a delivery lost and made good later', async () => {
    const [first, second] = await list(a);
    const written = JSON.stringify(await items(a));
    const editedAt = Date.now();
    await askFromPage(a.page, 'account.update', { id: first!.id, patch: { issuer: 'Renamed on A' } });
    // The change reaches storage.sync within 2 s.
    await expect
      .poll(async () => JSON.stringify(await items(a)) !== written, { timeout: 2_000, interval: 50 })
      .toBe(true);
    expect(Date.now() - editedAt).toBeLessThan(2_000);
    await askFromPage(b.page, 'account.pin', { id: second!.id, pinned: true });
    await askFromPage(b.page, 'account.origins', { id: second!.id, origins: ['https://console.example.jp'] });
    await settled(a);
    await settled(b);
    // A's record reaches B without its manifest first (lost), then whole: B never reads half a record.
    await carry(a, b, { lose: (k) => k.endsWith('.m') });
    expect((await status(b)).problem).toBeNull();
    await carry(a, b, { delayMs: 50 });
    await settled(b);
    await carry(b, a);
    await settled(a);
    const row = (x: { id: string; issuer: string; pinned: boolean; origins: string[] }) => [
      x.id,
      x.issuer,
      x.pinned,
      x.origins,
    ];
    expect((await list(a)).map(row)).toEqual((await list(b)).map(row));
    const merged = await list(a);
    expect(merged.find((x) => x.id === first!.id)?.issuer).toBe('Renamed on A');
    expect(merged.find((x) => x.id === second!.id)).toMatchObject({
      pinned: true,
      origins: ['https://console.example.jp'],
    });
  });

  it('a delete in A against a later rename in B: the rename wins in both', async () => {
    const [target] = await list(a);
    await askFromPage(a.page, 'account.delete', { id: target!.id });
    await settled(a);
    await askFromPage(b.page, 'account.update', { id: target!.id, patch: { account: 'renamed-in-b' } });
    await settled(b);
    await carry(a, b);
    await settled(b);
    await carry(b, a);
    await settled(a);
    for (const x of [a, b])
      expect((await list(x)).find((c) => c.id === target!.id)?.account).toBe('renamed-in-b');
  });

  it('a password change in A: B goes on alone, asks for the new password in Sync, then both converge', async () => {
    await askFromPage(a.page, 'vault.change-password', { current: PASSWORD, next: NEW_PASSWORD });
    await settled(a);
    await carry(a, b);
    await settled(b);
    expect((await status(b)).problem).toEqual({ kind: 'needs-password' });
    expect(await items(b)).toEqual(await items(a)); // B wrote nothing over A's record
    const [one] = await list(b);
    await askFromPage(b.page, 'account.update', { id: one!.id, patch: { issuer: 'Edited in B meanwhile' } });
    const options = await b.session.context.newPage();
    await options.goto(`chrome-extension://${b.session.extensionId}/options.html#sync`);
    const sync = options.locator('#sync');
    await sync.getByText(/password was changed in another browser/).waitFor();
    await sync.getByLabel('The new password').fill(NEW_PASSWORD);
    await sync.getByRole('button', { name: 'Continue' }).click();
    await sync.getByText(/^Sync is on\. Last synced/).waitFor();
    await options.close();
    await settled(b);
    await carry(b, a);
    await settled(a);
    expect(await names(a)).toContain(`Edited in B meanwhile/${one!.account}`);
    expect(await names(a)).toEqual(await names(b));
    await askFromPage(b.page, 'vault.lock', {});
    expect(
      ((await askFromPage(b.page, 'vault.unlock', { password: NEW_PASSWORD })) as { vault: string }).vault,
    ).toBe('unlocked');
  });

  it('over the quota: a clear message, sync paused, nothing partial written, the vault untouched', async () => {
    const worker = await a.session.serviceWorker();
    const before = await items(a);
    // Other items of this extension leave 1 KB beside the record (sizes as Chrome counts them): then 40 more
    // accounts (about 2.5 KB sealed) do not fit, not even in place of the old record.
    const used = Object.entries(before).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    let room = 102_400 - used - 1_000;
    const filler: Record<string, string> = {};
    for (let i = 0; room > 20; i++) {
      const size = Math.min(8_000, room - 20);
      filler[`filler${i}`] = 'x'.repeat(size);
      room -= size + `filler${i}`.length + 2;
    }
    await worker.evaluate(`chrome.storage.sync.set(${JSON.stringify(filler)})`);
    const names0 = await names(a);
    const more = Array.from({ length: 40 }, (_, i) =>
      formatOtpauthUri({
        ...SHARED_ACCOUNTS[0]!,
        issuer: `Console ${i}`,
        secret: `JBSWY3DPEHPK3P${'ABCDEFGH'[i % 8]}${'ABCDE'[i % 5]}`,
      }),
    );
    for (const text of more) await askFromPage(a.page, 'enrol.save', { text });
    // Within the 2 s a change takes to be written, the run finds it does not fit.
    await expect.poll(async () => (await status(a)).problem?.kind, { timeout: 5_000 }).toBe('over-quota');
    // What is synced is a whole record (the last one that fitted), and a further change leaves it as it is.
    const paused = await items(a);
    expect(readItems(paused)).toBeInstanceOf(Uint8Array);
    await askFromPage(a.page, 'account.update', {
      id: (await list(a))[0]!.id,
      patch: { issuer: 'One more' },
    });
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await items(a)).toEqual(paused);
    expect((await status(a)).problem?.kind).toBe('over-quota');
    expect((await names(a)).length).toBe(names0.length + 40); // the vault here keeps everything
    const options = await a.session.context.newPage();
    await options.goto(`chrome-extension://${a.session.extensionId}/options.html#sync`);
    await options
      .locator('#sync')
      .getByText(/^Sync is paused: the vault needs \d+ KB more/)
      .waitFor();
    await options.locator('#sync').screenshot({ path: join(SHOTS, 'en-light-sync-over-quota.png') });
    await options.close();
    await worker.evaluate(`chrome.storage.sync.remove(${JSON.stringify(Object.keys(filler))})`);
  });

  it('neither profile holds a secret in the clear', async () => {
    const needles = SHARED_ACCOUNTS.slice(0, 4).map((x) => x.secret);
    for (const x of [a, b]) {
      await x.session.close();
      expect(await searchProfileFor(x.profile, needles)).toEqual([]);
    }
  });
});

describe.each([
  ['en', 'dark'],
  ['ja', 'light'],
  ['ja', 'dark'],
] as const)('the Sync section (%s, %s)', (lang, scheme) => {
  it('off, then on: the switch, what it says about the browser’s own sync, the state', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'sekimori-sync-shots-'));
    const session = await launchExtension({
      extensionPath: E2E_EXTENSION,
      userDataDir: profile,
      locale: lang === 'ja' ? 'ja' : 'en-US',
      colorScheme: scheme,
    });
    try {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await askFromPage(page, 'vault.create', { password: PASSWORD });
      await askFromPage(page, 'enrol.save', { text: formatOtpauthUri(SHARED_ACCOUNTS[0]!) });
      await page.goto(`chrome-extension://${session.extensionId}/options.html#sync`);
      const sync = page.locator('#sync');
      const on = lang === 'ja' ? '同期を有効にする' : 'Turn on sync';
      await sync.getByRole('button', { name: on }).waitFor();
      await checkLayout(page);
      await sync.screenshot({ path: join(SHOTS, `${lang}-${scheme}-sync-off.png`) });
      await sync.getByRole('button', { name: on }).click();
      await sync.getByText(lang === 'ja' ? /^同期は有効です。/ : /^Sync is on\./).waitFor();
      await checkLayout(page);
      await sync.screenshot({ path: join(SHOTS, `${lang}-${scheme}-sync-on.png`) });
    } finally {
      await session.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
