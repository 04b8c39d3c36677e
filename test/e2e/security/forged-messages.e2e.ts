/**
 * Checklist, "Attacks", in real Chromium: forged messages from a content script (unlock, export, list, every
 * privileged type), another extension messaging us, a web page trying to reach us. The content script is a real
 * one: a script Sekimori's own service worker runs in the page's isolated world (where a compromised renderer
 * would run), with the page's tab, frame and URL as the browser reports them. The other extension is the
 * harness's fixture extension, loaded beside Sekimori.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_SENDER, MESSAGE_TYPES } from '../../../lib/protocol/messages';
import { examples } from '../../security/support/examples';
import { createVaultInPopup, openActionPopup } from '../harness';
import { launchTwoExtensions, type TwoExtensions } from './two-extensions';

const PASSWORD = 'forged messages in chromium 2026';
const SECRET = 'ABCDEFGHIJKL2345';
const URI = `otpauth://totp/Trend%20Micro:abc%40example.co.jp?secret=${SECRET}&issuer=Trend%20Micro`;
const PRIVILEGED = MESSAGE_TYPES.filter((t) => ALLOWED_SENDER[t] === 'extension-page');

type Reply = { ok?: boolean; code?: string; value?: unknown } | { thrown: string } | undefined;

let browser: TwoExtensions;
let server: Server;
let site: string;
let popup: Page;
let page: Page;
let messages: { type: string; payload: unknown }[];

/** Sends `message` from one of Sekimori's own pages (the popup), as the UI does. */
async function fromPopup(type: string, payload: unknown): Promise<Reply> {
  return popup.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }
      ).chrome.runtime.sendMessage(m),
    { type, payload },
  );
}

/**
 * Runs in the page's isolated world through chrome.scripting (as Sekimori's content scripts run): sends each, or
 * (`readSession`) tries to read session storage, where the vault key and the code sheet are.
 */
async function fromContentScript(
  list: { type: string; payload: unknown }[],
  readSession = false,
): Promise<Reply[]> {
  const pageUrl = page.url();
  return browser.ours().evaluate(
    async ({ list, pageUrl, readSession }) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          scripting: {
            executeScript(o: object): Promise<{ result: unknown }[]>;
          };
        };
      };
      const tabs = await chrome.tabs.query({});
      const tab =
        tabs.find((t) => t.url === pageUrl) ??
        (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: tab!.id },
        func: async (items: unknown[], session: boolean) => {
          const { runtime, storage } = (
            globalThis as unknown as {
              chrome: {
                runtime: { sendMessage(m: unknown): Promise<unknown> };
                storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
              };
            }
          ).chrome;
          if (session) {
            try {
              return [{ read: Object.keys(await storage.session.get(null)) }];
            } catch (error) {
              return [{ thrown: String(error) }];
            }
          }
          const out: unknown[] = [];
          for (const m of items) {
            try {
              out.push(await runtime.sendMessage(m));
            } catch (error) {
              out.push({ thrown: String(error) });
            }
          }
          return out;
        },
        args: [list, readSession],
      });
      return injection!.result as Reply[];
    },
    { list, pageUrl, readSession },
  );
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Trend Micro SaaS Account</title><label>確認コード <input autocomplete="one-time-code"></label>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchTwoExtensions();
  popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.ourId}/popup.html`);
  await createVaultInPopup(popup, PASSWORD);
  const saved = (await fromPopup('enrol.save', { text: URI })) as { value: { added: string[] } };
  const id = saved.value.added[0]!;
  await fromPopup('account.bind', { id, origin: site });
  const all = examples({ id, hotpId: id, token: 'A'.repeat(24) }, 'A1B2C3D4E5F60718293A4B5C6D7E8F90');
  messages = PRIVILEGED.map((type) => ({ type, payload: all[type] ?? {} }));
  // Passwords a page might have learnt: the real one.
  messages.push({ type: 'vault.unlock', payload: { password: PASSWORD } });
  messages.push({ type: 'backup.export', payload: { kind: 'otpauth-list', password: PASSWORD } });
  page = await browser.context.newPage();
  await page.goto(`${site}/login`);
  // The user's click on the toolbar icon grants Sekimori this tab (activeTab), as for a scan or a fill.
  await openActionPopup(browser.context, browser.ourId, page);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function vaultView() {
  const reply = (await fromPopup('codes.list', {})) as {
    value: {
      status: { vault: string };
      accounts: { id: string; issuer: string; account: string; origins: string[] }[];
    };
  };
  return {
    status: reply.value.status,
    accounts: reply.value.accounts.map(({ id, issuer, account, origins }) => ({
      id,
      issuer,
      account,
      origins,
    })),
  };
}

describe('forged messages from a content script (real Chromium)', () => {
  it("every privileged type (codes.list, backup.export, vault.unlock, …) from a page's content script: `forbidden`, nothing changed", async () => {
    const before = await vaultView();
    expect(before.status.vault).toBe('unlocked');
    const replies = await fromContentScript(messages);
    expect(replies).toHaveLength(messages.length);
    replies.forEach((reply, i) => expect(reply, messages[i]!.type).toEqual({ ok: false, code: 'forbidden' }));
    const text = JSON.stringify(replies);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('otpauth');
    expect(await vaultView()).toEqual(before);
  });

  it('a content script cannot read session storage, where the vault key and the code sheet are', async () => {
    await fromPopup('codes.list', {});
    // The code sheet is written 1.5 s after the popup's list.
    const worker = browser.ours();
    await expect
      .poll(
        () => worker.evaluate(`chrome.storage.session.get('code_sheet').then((r) => Boolean(r.code_sheet))`),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    const [reply] = await fromContentScript([], true);
    expect(reply).toMatchObject({ thrown: expect.stringMatching(/not allowed|access/i) });
  });

  it('the content-script messages themselves give a page nothing: no scan running, no code, no secret', async () => {
    const replies = await fromContentScript([
      { type: 'scan.capture', payload: {} },
      {
        type: 'scan.decoded',
        payload: { text: 'otpauth://totp/Evil:x?secret=JBSWY3DPEHPK3PXP&issuer=Evil' },
      },
      { type: 'fill.auto', payload: {} },
    ]);
    expect(replies[0]).toEqual({ ok: false, code: 'scan-expired' });
    expect(replies[1]).toEqual({ ok: false, code: 'scan-expired' });
    expect(replies[2]).toMatchObject({ ok: true, value: { result: 'skipped' } });
    expect(JSON.stringify(replies)).not.toMatch(/\d{6}/);
    expect((await vaultView()).accounts.map((a) => a.issuer)).toEqual(['Trend Micro']);
  });

  it('`__proto__` keys and an oversized payload from the page: refused, the worker still answers the popup', async () => {
    const replies = await fromContentScript([
      JSON.parse('{"type":"codes.list","payload":{"__proto__":{"admin":true}}}') as {
        type: string;
        payload: unknown;
      },
      { type: 'vault.unlock', payload: { password: 'x'.repeat(1 << 20) } },
      { type: 'enrol.save', payload: { text: 'x'.repeat(1 << 20) } },
    ]);
    for (const reply of replies)
      expect(['bad-request', 'forbidden']).toContain((reply as { code?: string }).code);
    expect((await vaultView()).status.vault).toBe('unlocked');
  });
});

describe('another extension messaging us (real Chromium)', () => {
  it('the fixture extension sending Sekimori any message gets no answer at all (no external messaging)', async () => {
    const replies = await browser.fixture().evaluate(
      async ({ id, list }) => {
        const runtime = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(id: string, m: unknown): Promise<unknown> } };
          }
        ).chrome.runtime;
        const out: { reply?: unknown; error?: string }[] = [];
        for (const m of list) {
          try {
            out.push({ reply: await runtime.sendMessage(id, m) });
          } catch (error) {
            out.push({ error: String((error as Error).message ?? error) });
          }
        }
        return out;
      },
      { id: browser.ourId, list: messages },
    );
    expect(replies).toHaveLength(messages.length);
    for (const r of replies) {
      expect(r.reply).toBeUndefined();
      expect(r.error).toMatch(/Could not establish connection|Receiving end does not exist/);
    }
  });

  it('a long-lived connection from the fixture extension is dropped at once', async () => {
    const outcome = await browser.fixture().evaluate(async (id) => {
      const runtime = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              connect(id: string): {
                postMessage(m: unknown): void;
                onMessage: { addListener(f: (m: unknown) => void): void };
                onDisconnect: { addListener(f: () => void): void };
              };
              lastError?: { message?: string };
            };
          };
        }
      ).chrome.runtime;
      return new Promise<{ disconnected: boolean; messages: unknown[] }>((resolve) => {
        const messages: unknown[] = [];
        const port = runtime.connect(id);
        port.onMessage.addListener((m) => messages.push(m));
        port.onDisconnect.addListener(() => resolve({ disconnected: true, messages }));
        try {
          port.postMessage({ type: 'codes.list', payload: {} });
        } catch {
          // a port that is already closed
        }
        setTimeout(() => resolve({ disconnected: false, messages }), 3000);
      });
    }, browser.ourId);
    expect(outcome).toEqual({ disconnected: true, messages: [] });
  });

  it('a web page has no way to message Sekimori (no externally_connectable)', async () => {
    const reachable = await page.evaluate(() => {
      const chrome = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return typeof chrome?.runtime?.sendMessage;
    });
    expect(reachable).toBe('undefined');
    expect((await vaultView()).status.vault).toBe('unlocked');
  });
});
