/**
 * Checklist, "Attacks": forged messages from a content script (unlock, export, list, code for another site,
 * `__proto__` keys), another extension messaging us, a spoofed origin, oversized payloads. Over the real
 * background (router, handlers, keeper, vault on in-memory storage): every refusal leaves storage, session,
 * clipboard, fills and scans exactly as they were, and no reply carries a code or a secret.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_SENDER, MESSAGE_TYPES } from '@/lib/protocol/messages';
import { validateMessage } from '@/lib/keeper/validate-message';
import type { SenderInfo } from '@/lib/keeper/sender';
import { generateCode } from '@/lib/otp/generate-code';
import { background, FOREIGN_SENDERS, SENDERS, sideEffects, type Background } from './support/background';
import { CONSOLE, examples, PASSWORD, SECRET, seed, type Seeded } from './support/examples';

const PRIVILEGED = MESSAGE_TYPES.filter((t) => ALLOWED_SENDER[t] === 'extension-page');
const CONTENT_SCRIPT_TYPES = MESSAGE_TYPES.filter((t) => ALLOWED_SENDER[t] !== 'extension-page');

let bg: Background;
let seeded: Seeded;
let example: Record<string, Record<string, unknown>>;
let before: { accounts: unknown; codes: string[] };

/** The account list and every code the vault could produce now (a reply must contain none of them). */
async function vaultView() {
  const list = await bg.client.call('codes.list', {});
  const accounts = list.accounts.map(({ code: _c, next: _n, validUntilMs: _v, ...rest }) => rest);
  return { status: list.status, accounts };
}

async function codesNow(): Promise<string[]> {
  const base = { issuer: '', account: '', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
  const now = Date.now();
  return Promise.all(
    [-30_000, 0, 30_000].map((d) => generateCode({ ...base, type: 'totp', secret: SECRET }, now + d)),
  );
}

function messageOf(type: string): { type: string; payload: Record<string, unknown> } {
  // Types added since this file was written fall back to an empty payload when that is their shape.
  const payload = example[type] ?? (validateMessage({ type, payload: {} }) ? {} : undefined);
  if (!payload) throw new Error(`no example for ${type}`);
  return { type, payload };
}

beforeAll(async () => {
  bg = background();
  seeded = await seed(bg);
  example = examples(seeded, bg.fill.tab.documentId!);
  before = { accounts: await vaultView(), codes: await codesNow() };
});

/** Sends `raw` as `sender` and checks it was refused with `code` and changed nothing at all. */
async function expectRefused(raw: unknown, sender: SenderInfo, code: string, what: string): Promise<void> {
  const effects = sideEffects(bg);
  const reply = await bg.route(raw, sender);
  expect(reply, what).toEqual({ ok: false, code });
  expect(sideEffects(bg), `${what}: no side effect`).toBe(effects);
}

describe('forged messages from a content script', () => {
  it('every message type has a valid example, so a refusal below is about the sender alone', () => {
    for (const type of MESSAGE_TYPES) {
      expect(validateMessage(messageOf(type)), type).not.toBeNull();
    }
    expect(PRIVILEGED).toEqual(expect.arrayContaining(['vault.unlock', 'backup.export', 'codes.list']));
  });

  it.each(PRIVILEGED)(
    'forged %s from a content script (top frame and subframe) is refused `forbidden`, with no side effect',
    async (type) => {
      for (const name of ['contentScript', 'subframeScript'] as const) {
        await expectRefused(messageOf(type), SENDERS[name], 'forbidden', `${type} from ${name}`);
      }
    },
  );

  it('forged unlock, export and list: the vault is still unlocked, unchanged, and no code reached the page', async () => {
    const replies: unknown[] = [];
    for (const type of ['vault.unlock', 'backup.export', 'codes.list', 'vault.lock', 'hotp.next'] as const) {
      replies.push(await bg.route(messageOf(type), SENDERS.contentScript));
    }
    const text = JSON.stringify(replies);
    for (const code of before.codes) expect(text).not.toContain(code);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('otpauth');
    expect(await vaultView()).toEqual(before.accounts);
  });
});

describe('another extension messaging us', () => {
  it.each(MESSAGE_TYPES)('%s from another extension (its own URL, or ours) is refused', async (type) => {
    for (const name of ['otherExtension', 'otherExtensionWithOurUrl', 'mozExtension'] as const) {
      await expectRefused(messageOf(type), SENDERS[name], 'forbidden', `${type} from ${name}`);
    }
  });
});

describe('a spoofed origin', () => {
  it.each(PRIVILEGED)(
    '%s claiming our page URL with a web origin, a look-alike extension origin, or no origin at all is refused',
    async (type) => {
      for (const name of FOREIGN_SENDERS) {
        await expectRefused(messageOf(type), SENDERS[name], 'forbidden', `${type} from ${name}`);
      }
    },
  );

  it.each(CONTENT_SCRIPT_TYPES)(
    '%s (a content-script message) is refused from extension pages and from senders without a tab',
    async (type) => {
      for (const sender of [
        SENDERS.popup,
        SENDERS.otherExtension,
        SENDERS.spoofedOrigin,
        SENDERS.webUrlWithoutTab,
        SENDERS.nothing,
        { ...SENDERS.subframeScript, url: 'about:blank', origin: undefined },
        { ...SENDERS.subframeScript, url: 'data:text/html,<input>', origin: undefined },
        ...(type === 'fill.auto' ? [{ ...SENDERS.subframeScript, origin: 'https://evil.example' }] : []),
      ]) {
        await expectRefused(messageOf(type), sender, 'forbidden', `${type} from ${JSON.stringify(sender)}`);
      }
    },
  );
});

describe('code for another site', () => {
  let own: Background;
  let ids: Seeded;
  beforeAll(async () => {
    own = background();
    ids = await seed(own);
  });

  it('a content script on a site the account is not bound to asks for a fill: nothing is filled, the reply holds no code', async () => {
    own.fill.grantedOrigins.add(CONSOLE);
    await own.client.call('account.autofill', { id: ids.id, origin: CONSOLE, on: true });
    const effects = sideEffects(own);
    for (const origin of [
      'https://evil.example',
      'https://clp.trendmicro.com.evil.example',
      'http://clp.trendmicro.com',
    ]) {
      const sender = { ...SENDERS.contentScript, url: `${origin}/login`, origin };
      const reply = await own.route({ type: 'fill.auto', payload: {} }, sender);
      expect(reply).toEqual({ ok: true, value: { result: 'skipped' } });
      const text = JSON.stringify(reply);
      for (const code of await codesNow()) expect(text).not.toContain(code);
    }
    expect(own.fill.filled).toEqual([]);
    expect(sideEffects(own)).toBe(effects);
    // The same request from the bound site itself is filled: the refusal above was about the origin.
    expect(await own.route({ type: 'fill.auto', payload: {} }, SENDERS.contentScript)).toEqual({
      ok: true,
      value: { result: 'filled' },
    });
    expect(own.fill.filled).toHaveLength(1);
  });

  it('a content script that is not the scanned tab cannot save a key, even a valid one', async () => {
    await own.client.call('scan.start', { tabId: 5 });
    const effects = sideEffects(own);
    const otherTab = { ...SENDERS.contentScript, tab: { id: 3 } };
    expect(await own.route(messageOf('scan.decoded'), otherTab)).toEqual({ ok: false, code: 'scan-expired' });
    expect(await own.route(messageOf('scan.capture'), otherTab)).toEqual({ ok: false, code: 'scan-expired' });
    expect(sideEffects(own)).toBe(effects);
  });
});

describe('`__proto__` keys', () => {
  const TRICKS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];

  /** `payload` with an own `key` (as JSON.parse makes it, so `__proto__` is a real own member). */
  const withKey = (object: unknown, key: string): unknown => {
    const rest = JSON.stringify(object).slice(1);
    return JSON.parse(`{${JSON.stringify(key)}:{"polluted":true}${rest === '}' ? '' : ','}${rest}`);
  };

  it.each(MESSAGE_TYPES)(
    '%s with a `__proto__`/`constructor` member anywhere is refused, from any sender',
    async (type) => {
      const { payload } = messageOf(type);
      for (const key of TRICKS) {
        const forged: unknown[] = [{ type, payload: withKey(payload, key) }, withKey({ type, payload }, key)];
        // Nested objects too: a draft, a patch, a frame.
        for (const [name, value] of Object.entries(payload)) {
          if (value && typeof value === 'object' && !Array.isArray(value))
            forged.push({ type, payload: { ...payload, [name]: withKey(value, key) } });
          if (Array.isArray(value) && value[0] && typeof value[0] === 'object')
            forged.push({ type, payload: { ...payload, [name]: [withKey(value[0], key)] } });
        }
        for (const raw of forged) {
          for (const sender of [SENDERS.popup, SENDERS.contentScript]) {
            await expectRefused(raw, sender, 'bad-request', `${type} with ${key}`);
          }
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('a message whose prototype is not Object.prototype, or a payload that is a class instance, is refused', async () => {
    const proto = Object.create({ type: 'codes.list', payload: {} }) as object;
    await expectRefused(proto, SENDERS.popup, 'bad-request', 'inherited members');
    await expectRefused({ type: 'codes.list', payload: new Map() }, SENDERS.popup, 'bad-request', 'a Map');
    await expectRefused({ type: 'codes.list', payload: [] }, SENDERS.popup, 'bad-request', 'an array');
    await expectRefused({ type: '__proto__', payload: {} }, SENDERS.popup, 'bad-request', 'type __proto__');
    await expectRefused(
      { type: 'constructor', payload: {} },
      SENDERS.popup,
      'bad-request',
      'type constructor',
    );
    await expectRefused({ type: 'toString', payload: {} }, SENDERS.popup, 'bad-request', 'type toString');
  });
});

describe('oversized payloads', () => {
  const MB = 'x'.repeat(1 << 20);

  /** Every way to make one member of `payload` too big: each string 1 MB, each array 100 000 items. */
  function oversized(payload: Record<string, unknown>): { what: string; payload: unknown }[] {
    const out: { what: string; payload: unknown }[] = [];
    const visit = (value: unknown, replace: (v: unknown) => unknown, path: string) => {
      if (typeof value === 'string') out.push({ what: `${path} 1 MB`, payload: replace(MB) });
      else if (Array.isArray(value)) {
        const item = value[0] ?? 'https://a.example';
        out.push({ what: `${path} ×100000`, payload: replace(Array.from({ length: 100_000 }, () => item)) });
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value))
          visit(v, (nv) => replace({ ...(value as object), [k]: nv }), `${path}.${k}`);
      }
    };
    visit(payload, (p) => p, 'payload');
    return out;
  }

  it.each(MESSAGE_TYPES)(
    '%s: every string member at 1 MB and every list at 100 000 items is refused',
    async (type) => {
      const { payload } = messageOf(type);
      const cases = oversized(payload);
      // `import.read` takes whole files (up to 20 MB of bytes): its bound is checked on its own below.
      for (const { what, payload: big } of cases.filter(
        (c) => !(type === 'import.read' && c.what === 'payload.data 1 MB'),
      )) {
        await expectRefused({ type, payload: big }, SENDERS.popup, 'bad-request', `${type}: ${what}`);
      }
    },
  );

  it('a file to import beyond its 28 000 000-character bound is refused before reading', async () => {
    const huge = 'A'.repeat(28_000_001);
    await expectRefused(
      { type: 'import.read', payload: { data: huge, encoding: 'text' } },
      SENDERS.popup,
      'bad-request',
      'import.read 28 MB',
    );
  });

  it('labels of 10 KB and 1 MB are refused with a typed error, from the popup and as a scanned key', async () => {
    for (const size of [10 * 1024, 1 << 20]) {
      const label = 'L'.repeat(size);
      await expectRefused(
        { type: 'account.add', payload: { draft: { issuer: label, account: 'a', secret: SECRET } } },
        SENDERS.popup,
        'bad-request',
        `issuer of ${size}`,
      );
      await expectRefused(
        { type: 'enrol.save', payload: { text: `otpauth://totp/${label}:a?secret=${SECRET}` } },
        SENDERS.popup,
        'bad-request',
        `scanned label of ${size}`,
      );
    }
  });

  it('the vault is unchanged after the whole campaign of this file', async () => {
    expect(await vaultView()).toEqual(before.accounts);
    expect(await bg.keeper.status()).toEqual({ vault: 'unlocked', readOnly: false, recovered: false });
    await expect(bg.keeper.unlock(PASSWORD)).resolves.toMatchObject({ vault: 'unlocked' });
  });
});
