/**
 * The options page's Security section as people see it in Chromium, in English and Japanese, light and dark:
 * auto-lock saved on change (by mouse and by keyboard), the password changed, and the clock checked against a
 * real server (the demo console, whose "Allow" is written into the profile between two launches, as in
 * auto-fill.e2e.ts). Each screen is photographed into .output/screenshots/ (to look at) and checked for horizontal
 * overflow and unlabelled controls, also in a narrow window.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { CLOCK_KEY } from '../../lib/keeper/clock/clock';
import { TAG_MEMBER, tagOf } from '../../lib/keeper/settings/local-tags';
import { readSessionUnlock } from '../../lib/keeper/session/session-key';
import { parsePolicy, type Policy } from '../../lib/policy/policy';
import { EXAMPLE_POLICY } from '../support/example-policy';
import {
  checkLayout,
  E2E_EXTENSION,
  grantHostAccess,
  launchExtension,
  type ExtensionSession,
  sendFromPage,
} from './harness';

const send = sendFromPage;

const OUT = resolve(__dirname, '../../.output/screenshots');
const PASSWORD = 'settings are kept 2026';
const NEW_PASSWORD = 'another long phrase 2027';

const POLICY = EXAMPLE_POLICY;

/** Runs in the page before its scripts: `policy.get` is answered with `policy`, everything else goes through. */
function answerPolicy(policy: Policy): void {
  type SendMessage = (message: { type?: string }, ...rest: unknown[]) => unknown;
  const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: SendMessage } } }).chrome
    .runtime;
  const real = runtime.sendMessage.bind(runtime);
  const fake: SendMessage = (message, ...rest) => {
    if (message?.type !== 'policy.get') return real(message, ...rest);
    const reply = { ok: true, value: policy };
    const callback = rest.find((a): a is (r: unknown) => void => typeof a === 'function');
    if (!callback) return Promise.resolve(reply);
    setTimeout(() => callback(reply), 0);
    return undefined;
  };
  Object.defineProperty(runtime, 'sendMessage', { value: fake, configurable: true, writable: true });
}

let demo: DemoServer;
const sessions: ExtensionSession[] = [];
const profiles: string[] = [];
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
  for (const p of profiles) await rm(p, { recursive: true, force: true });
  await demo?.close();
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['ja', 'light'],
  ['ja', 'dark'],
] as const)('security settings (%s, %s)', (lang, scheme) => {
  it('auto-lock, change password, clock check', async () => {
    await mkdir(OUT, { recursive: true });
    const messages = JSON.parse(
      await readFile(resolve(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
    ) as Record<string, { message: string }>;
    const t = (key: string, ...subs: string[]) =>
      messages[key]!.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    const server = new URL(demo.url).origin;
    const locale = lang === 'ja' ? 'ja' : 'en-US';

    // The user's "Allow" for the console, written where Chromium records it.
    const profile = await mkdtemp(join(tmpdir(), 'sekimori-settings-'));
    profiles.push(profile);
    const first = await launchExtension({ extensionPath: E2E_EXTENSION, userDataDir: profile, locale });
    const { extensionId } = first;
    await first.close();
    await grantHostAccess(profile, extensionId, [server]);
    const session = await launchExtension({
      extensionPath: E2E_EXTENSION,
      userDataDir: profile,
      locale,
      colorScheme: scheme,
    });
    sessions.push(session);

    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`chrome-extension://${session.extensionId}/options.html#security`);
    expect((await send(page, 'vault.create', { password: PASSWORD })).ok).toBe(true);
    await page.reload();
    // The header's icon, once: drawn by the stylesheet shared with the popup (a data URL), no image beside it.
    const brand = await page.locator('header .brand').evaluate((el) => ({
      images: el.querySelectorAll('img, svg').length,
      drawn: getComputedStyle(el, '::before').backgroundImage,
    }));
    expect(brand.images).toBe(0);
    expect(brand.drawn).toMatch(/^url\("data:image\/png;base64,/);

    const shot = async (name: string, selector: string) => {
      await checkLayout(page);
      // The whole page from the top, clipped to the element (an element shot paints the sticky bar over it).
      await page.evaluate(() => scrollTo(0, 0));
      const clip = await page.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const pad = 12;
        return { x: 0, y: Math.max(0, r.top + scrollY - pad), width: innerWidth, height: r.height + 2 * pad };
      });
      await page.screenshot({ path: join(OUT, `${lang}-${scheme}-${name}.png`), fullPage: true, clip });
    };
    const cardOf = (key: string) =>
      page.locator('#security .options-card').filter({ has: page.getByRole('heading', { name: t(key) }) });

    // Auto-lock: by mouse, then by keyboard; each change is saved at once.
    const autoLock = cardOf('autolock_title');
    const idle = autoLock.getByLabel(t('autolock_idle_label'));
    await expect.poll(() => idle.inputValue()).toBe('15');
    await idle.selectOption('60');
    await autoLock.getByText(t('settings_saved')).waitFor();
    const hours = autoLock.getByLabel(t('autolock_hours_label'));
    await hours.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => hours.inputValue()).toBe('7');
    await autoLock.getByLabel(t('autolock_screen_label')).focus();
    await page.keyboard.press('Space');
    await expect
      .poll(async () => (await send(page, 'settings.get', {})).value)
      .toEqual({ idleLockMinutes: 60, maxUnlockedHours: 7, lockOnScreenLock: false });
    await autoLock.getByText(t('settings_saved')).waitFor();
    await shot('s1-security', '#security');

    // Change password: a mismatch first, then the real change.
    const password = cardOf('change_password_title');
    await password.getByLabel(t('change_password_current')).fill(PASSWORD);
    await password.getByLabel(t('change_password_new'), { exact: true }).fill(NEW_PASSWORD);
    await password.getByLabel(t('change_password_confirm')).fill(`${NEW_PASSWORD}?`);
    await password.getByRole('button', { name: t('change_password_button') }).click();
    await password
      .getByRole('alert')
      .filter({ hasText: t('error_password_mismatch') })
      .waitFor();
    await shot('s2-password-mismatch', '#security .options-card:has(#password-current)');
    await password.getByLabel(t('change_password_confirm')).fill(NEW_PASSWORD);
    await password.getByRole('button', { name: t('change_password_button') }).click();
    await password.getByText(t('change_password_done')).waitFor({ timeout: 30_000 });
    await shot('s3-password-changed', '#security .options-card:has(#password-current)');
    expect((await send(page, 'vault.lock', {})).ok).toBe(true);
    expect((await send(page, 'vault.unlock', { password: NEW_PASSWORD })).ok).toBe(true);

    // The clock, against the demo console on this computer: about the same time.
    const clock = cardOf('clock_title');
    await clock.getByLabel(t('clock_server_label')).fill(server);
    await clock.getByRole('button', { name: t('clock_button') }).click();
    await clock.locator('.clock-offset').waitFor();
    expect(await clock.locator('.clock-offset').textContent()).toMatch(
      lang === 'en'
        ? /^This computer's clock (agrees with|is 1 s (behind|ahead of)) http/
        : /^このパソコンの時計は/,
    );
    expect(await clock.getByRole('alert').count()).toBe(0);
    await shot('s4-clock-same', '#security .options-card:has(#clock-server)');

    // A clock 42 s behind, as the background would have kept it: tagged under the vault key (a value without its
    // tag is ignored, lib/keeper/settings/local-tags.ts), by the product's own code with the key the session holds. Then the
    // warning, and "use the measured time".
    const state = {
      server: 'https://clp.trendmicro.com',
      offsetMs: 42_300,
      roundTripMs: 180,
      measuredAt: Date.now(),
      apply: false,
    };
    const sessionItems = await page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.session.get(null),
    );
    const unlock = await readSessionUnlock({
      get: async (keys) => Object.fromEntries(keys.map((k) => [k, sessionItems[k]])),
      set: async () => undefined,
    });
    if (!unlock) throw new Error('the vault should be unlocked here');
    const tagged = { ...state, [TAG_MEMBER]: await tagOf(unlock.key, CLOCK_KEY, state) };
    await page.evaluate(
      (value) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
        ).chrome.storage.local.set({ clock: value }),
      tagged,
    );
    await page.reload();
    await clock.getByText(t('clock_behind', '42', 'https://clp.trendmicro.com')).waitFor();
    await clock
      .getByRole('alert')
      .filter({ hasText: t('clock_warning') })
      .waitFor();
    await shot('s5-clock-behind', '#security .options-card:has(#clock-server)');
    await clock.getByLabel(t('clock_apply_label')).check();
    await expect
      .poll(async () => ((await send(page, 'clock.get', {})).value as { apply: boolean }).apply)
      .toBe(true);
    expect(await clock.getByRole('alert').count()).toBe(0);
    await shot('s6-clock-applied', '#security .options-card:has(#clock-server)');

    // A narrow window: nothing sideways.
    await page.setViewportSize({ width: 420, height: 900 });
    await shot('s7-security-narrow', '#security');

    // An organisation's policy as the page shows it. Chromium reads managed storage only from machine-wide policy
    // files, so here the page's one `policy.get` answer is replaced (the background's enforcement of the same
    // policy is tested over the real background in test/components/security-section.test.tsx).
    await send(page, 'settings.set', { idleLockMinutes: 15 });
    await page.close();
    for (const [name, raw] of [
      ['s8-policy', POLICY],
      ['s9-policy-no-import-export', { DisableImportExport: true }],
    ] as const) {
      const managed = await session.context.newPage();
      await managed.setViewportSize({ width: 1100, height: 900 });
      await managed.addInitScript(answerPolicy, parsePolicy(raw));
      await managed.goto(`chrome-extension://${session.extensionId}/options.html`);
      await managed.locator('#policy-title').waitFor();
      await checkLayout(managed);
      for (const section of ['import', 'backup', 'security']) {
        await managed.evaluate(() => scrollTo(0, 0));
        const clip = await managed.locator(`#${section}`).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { x: 0, y: Math.max(0, r.top + scrollY - 12), width: innerWidth, height: r.height + 24 };
        });
        const path = join(OUT, `${lang}-${scheme}-${name}-${section}.png`);
        await managed.screenshot({ path, fullPage: true, clip });
      }
      await managed.close();
    }
    await session.close();
  });
});
