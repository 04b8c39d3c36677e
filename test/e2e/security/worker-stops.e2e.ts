/**
 * Checklist, "Faults": the service worker killed during a vault write, in real Chromium. The popup adds accounts
 * while the test stops Sekimori's service worker (as Chrome does, through the DevTools protocol) 20 times at
 * random moments, some during a write. Afterwards the vault opens (still unlocked: the key is in
 * storage.session) with every account whose add was acknowledged, plus at most the ones in flight, whole.
 * The thorough version (200 stops at every storage call) is test/security/worker-killed.test.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVaultInPopup,
  E2E_EXTENSION,
  launchExtension,
  listAccounts,
  unlockPopup,
  type ExtensionSession,
} from '../harness';

const PASSWORD = 'stopping the worker 2026';
const STOPS = 20;

type Outcome = { reply?: { ok: boolean; code?: string } } | { error: string };

/**
 * Chromium sometimes never settles a message sent while it stops the worker (the message is simply lost): after
 * this long it counts as unanswered, like a message whose channel closed.
 */
const NO_ANSWER_MS = 8_000;

let session: ExtensionSession;
let popup: Page;
let cdp: CDPSession;
/** How many times the DevTools protocol reported Sekimori's worker stopped. */
let stoppedSeen = 0;
let onStopped: (() => void) | null = null;

beforeAll(async () => {
  session = await launchExtension({ extensionPath: E2E_EXTENSION });
  popup = await session.openPopup();
  await createVaultInPopup(popup, PASSWORD);
  const blank = await session.context.newPage();
  cdp = await session.context.newCDPSession(blank);
  const scope = `chrome-extension://${session.extensionId}/`;
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of event.versions) {
        if (v.scriptURL.startsWith(scope) && v.runningStatus === 'stopped') {
          stoppedSeen++;
          onStopped?.();
        }
      }
    },
  );
  await cdp.send('ServiceWorker.enable');
});

/**
 * Stops the worker as Chrome does (the harness's stopServiceWorker, without waiting for a state that the adds in
 * flight may never leave: they start a new worker at once). Resolves when the stop is reported, or after 2 s.
 */
async function stopWorker(): Promise<void> {
  const reported = new Promise<void>((resolve) => {
    onStopped = resolve;
    setTimeout(resolve, 2_000);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await reported;
  onStopped = null;
}

afterAll(async () => {
  await session?.close();
});

/** The popup sends `account.add` (what its Save button does) and reports the reply, or the error if none came. */
function add(name: string): Promise<Outcome> {
  return popup.evaluate(async (account) => {
    const runtime = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime;
    try {
      const reply = (await runtime.sendMessage({
        type: 'account.add',
        payload: { draft: { issuer: 'Stopped', account, secret: 'JBSWY3DPEHPK3PXP' } },
      })) as { ok: boolean; code?: string };
      return { reply };
    } catch (error) {
      return { error: String(error) };
    }
  }, name);
}

describe('service worker stopped during writes (real Chromium)', () => {
  it(`stopped ${STOPS} times while the popup adds accounts: the vault opens with every acknowledged account`, async () => {
    const acknowledged: string[] = [];
    const inFlight: string[] = [];
    let cut = 0;
    for (let round = 0; round < STOPS; round++) {
      // Three adds in flight, the worker stopped after a random moment (often in the middle of a write).
      const names = ['a', 'b', 'c'].map((k) => `r${round}-${k}@example.jp`);
      const sent = names.map((name) =>
        Promise.race([
          add(name).catch((error: unknown) => ({ error: String(error) })),
          new Promise<Outcome>((resolve) => setTimeout(() => resolve({ error: 'no answer' }), NO_ANSWER_MS)),
        ]),
      );
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
      await stopWorker();
      const outcomes = await Promise.all(sent);
      outcomes.forEach((outcome, i) => {
        // Acknowledged: the background answered ok. Anything else (no answer, a closed channel) was in flight.
        if ('reply' in outcome && outcome.reply?.ok) acknowledged.push(names[i]!);
        else {
          inFlight.push(names[i]!);
          if ('reply' in outcome && outcome.reply) expect(outcome.reply.code, names[i]).not.toBe('internal');
          else cut++;
        }
      });
    }
    // The next message starts a new worker: still unlocked, and everything acknowledged is there.
    const accounts = (await listAccounts(session)).map((a) => a.account);
    expect(accounts.length).toBeGreaterThan(0);
    for (const name of acknowledged) expect(accounts, name).toContain(name);
    for (const name of accounts) expect([...acknowledged, ...inFlight]).toContain(name);
    expect(new Set(accounts).size).toBe(accounts.length);
    // Some adds really were cut by a stop, and most went through.
    expect(cut).toBeGreaterThan(0);
    expect(stoppedSeen, 'stops reported by the DevTools protocol').toBeGreaterThanOrEqual(STOPS / 2);
    expect(acknowledged.length).toBeGreaterThan(STOPS / 2);
  });

  it('after all that, the password still opens exactly the same vault (locked by an extension reload)', async () => {
    const before = (await listAccounts(session)).map((a) => a.account).sort();
    await session.reloadExtension();
    const page = await session.openPopup();
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await unlockPopup(page, PASSWORD);
    await page.getByRole('button', { name: 'Add account' }).waitFor();
    expect((await listAccounts(session)).map((a) => a.account).sort()).toEqual(before);
  });
});
