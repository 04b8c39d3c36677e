import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/messages';
import { ALLOWED_SENDER, MESSAGE_TYPES } from '@/lib/protocol/messages';
import type { Handlers } from '@/lib/keeper/handlers';
import { createRouter } from '@/lib/keeper/router';
import type { SenderInfo } from '@/lib/keeper/sender';
import { validateMessage } from '@/lib/keeper/validate-message';

const SELF = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const POPUP: SenderInfo = { id: SELF.id, url: `${SELF.origin}/popup.html`, origin: SELF.origin };
const POPUP_IN_TAB: SenderInfo = { ...POPUP, url: `${SELF.origin}/popup.html?tab=12`, tab: { id: 12 } };
const CONTENT_SCRIPT: SenderInfo = {
  id: SELF.id,
  url: 'https://console.example.co.jp/login',
  origin: 'https://console.example.co.jp',
  tab: { id: 3 },
  frameId: 0,
};
const OTHER_EXTENSION: SenderInfo = {
  id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
  url: 'chrome-extension://zzzz/x.html',
};
const SPOOFED_URL: SenderInfo = {
  id: SELF.id,
  url: `${SELF.origin}/popup.html`,
  origin: 'https://evil.example',
};

/** A valid example request of every type. */
const EXAMPLES: { [K in keyof Handlers]: Message<K>['payload'] } = {
  'vault.status': {},
  'vault.create': { password: 'x'.repeat(12) },
  'vault.unlock': { password: 'x'.repeat(12) },
  'vault.lock': {},
  'vault.restore-copy': { revision: 3 },
  'vault.unlock-passkey': { id: 'AQID', prf: `${'A'.repeat(43)}=` },
  'passkey.list': {},
  'sync.status': {},
  'sync.enable': {},
  'sync.join': { password: 'x'.repeat(12), confirm: false },
  'sync.password': { password: 'x'.repeat(12) },
  'sync.disable': {},
  'passkey.add': {
    password: 'x'.repeat(12),
    id: 'AQID',
    name: 'Security key',
    prfSalt: `${'B'.repeat(43)}=`,
    prf: `${'C'.repeat(43)}=`,
  },
  'passkey.remove': { id: 'AQID' },
  'codes.list': {},
  'account.preview': { draft: { issuer: 'a', account: 'b', secret: 'JBSWY3DPEHPK3PXP' } },
  'account.add': { draft: { issuer: 'a', account: 'b', secret: 'JBSWY3DPEHPK3PXP' } },
  'account.update': { id: 'deadbeef', patch: { issuer: 'c' } },
  'account.delete': { id: 'deadbeef' },
  'account.restore': { id: 'deadbeef' },
  'account.move': { id: 'deadbeef', to: 2 },
  'account.pin': { id: 'deadbeef', pinned: true },
  'accounts.sort': {},
  'hotp.next': { id: 'deadbeef' },
  'clipboard.copied': { digest: 'a'.repeat(64) },
  'enrol.preview': { text: 'otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP' },
  'enrol.save': { text: 'otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP' },
  'enrol.pending': {},
  'scan.start': { tabId: 7 },
  'scan.capture': {},
  'scan.decoded': { text: 'otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP' },
  'scan.finished': {},
  'tab.context': {},
  'account.bind': { id: 'deadbeef', origin: 'https://clp.trendmicro.com' },
  'account.origins': { id: 'deadbeef', origins: ['https://clp.trendmicro.com', 'http://127.0.0.1:8787'] },
  'fill.code': {
    id: 'deadbeef',
    tabId: 3,
    documentId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
    origin: 'https://clp.trendmicro.com',
    frames: [{ documentId: '0123456789ABCDEF0123456789ABCDEF', origin: 'https://sso.example.jp' }],
    allowOtherOrigin: false,
    allowEmailCode: false,
  },
  'account.autofill': { id: 'deadbeef', origin: 'https://clp.trendmicro.com', on: true },
  'fill.auto': {},
  'backup.export': { kind: 'sekimori-backup', password: 'x'.repeat(12), backupPassword: 'y'.repeat(12) },
  'import.read': { data: 'otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP', encoding: 'text' },
  'import.commit': { token: 'A'.repeat(24), selected: [0, 2] },
  'backup.state': {},
  'backup.dismiss': {},
  'settings.get': {},
  'settings.set': { idleLockMinutes: 5, maxUnlockedHours: 8, lockOnScreenLock: true },
  'vault.change-password': { current: 'x'.repeat(12), next: 'y'.repeat(12) },
  'policy.get': {},
  'clock.get': {},
  'clock.check': { server: 'https://clp.trendmicro.com' },
  'clock.apply': { apply: true },
  'settings.ignored': {},
};

const PAGE_TYPES = MESSAGE_TYPES.filter((t) => ALLOWED_SENDER[t] === 'extension-page');
const SCAN_TYPES = MESSAGE_TYPES.filter((t) => ALLOWED_SENDER[t] === 'scan-tab');
const FRAME_TYPES = MESSAGE_TYPES.filter((t) => ALLOWED_SENDER[t] === 'web-frame');
const SUBFRAME_SCRIPT: SenderInfo = { ...CONTENT_SCRIPT, frameId: 2 };
const SCRIPT_WITHOUT_TAB: SenderInfo = { id: SELF.id, url: 'https://console.example.co.jp/', frameId: 0 };

function recordingHandlers(calls: string[]): Handlers {
  return Object.fromEntries(
    MESSAGE_TYPES.map((type) => [type, async () => (calls.push(type), { fine: true })]),
  ) as unknown as Handlers;
}

describe('router', () => {
  it('has an example for every message type', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it('content scripts may send only the scan messages and the automatic fill request', () => {
    expect(SCAN_TYPES.sort()).toEqual(['scan.capture', 'scan.decoded', 'scan.finished']);
    expect(FRAME_TYPES).toEqual(['fill.auto']);
  });

  it.each(FRAME_TYPES)(
    '%s: answered for a content script in any web frame, refused elsewhere',
    async (type) => {
      const calls: string[] = [];
      const route = createRouter(recordingHandlers(calls), SELF);
      for (const sender of [CONTENT_SCRIPT, SUBFRAME_SCRIPT]) {
        expect(await route({ type, payload: EXAMPLES[type] }, sender)).toMatchObject({ ok: true });
      }
      const refused: SenderInfo[] = [
        POPUP,
        SCRIPT_WITHOUT_TAB,
        OTHER_EXTENSION,
        SPOOFED_URL,
        {},
        { ...SUBFRAME_SCRIPT, url: 'about:blank' },
        { ...SUBFRAME_SCRIPT, url: 'data:text/html,<input>' },
        { ...SUBFRAME_SCRIPT, url: 'blob:https://console.example.co.jp/1' },
        { ...SUBFRAME_SCRIPT, url: 'file:///tmp/login.html' },
        { ...SUBFRAME_SCRIPT, origin: 'https://evil.example' },
        { ...SUBFRAME_SCRIPT, frameId: undefined },
      ];
      for (const sender of refused) {
        expect(await route({ type, payload: EXAMPLES[type] }, sender)).toEqual({
          ok: false,
          code: 'forbidden',
        });
      }
      expect(calls).toEqual([type, type]);
    },
  );

  it.each(PAGE_TYPES)('%s: answered for the popup (also opened in a tab)', async (type) => {
    const calls: string[] = [];
    const route = createRouter(recordingHandlers(calls), SELF);
    expect(await route({ type, payload: EXAMPLES[type] }, POPUP)).toEqual({
      ok: true,
      value: { fine: true },
    });
    expect(await route({ type, payload: EXAMPLES[type] }, POPUP_IN_TAB)).toMatchObject({ ok: true });
    expect(calls).toEqual([type, type]);
  });

  it.each(SCAN_TYPES)('%s: answered for a content script in a top frame, refused elsewhere', async (type) => {
    const calls: string[] = [];
    const route = createRouter(recordingHandlers(calls), SELF);
    expect(await route({ type, payload: EXAMPLES[type] }, CONTENT_SCRIPT)).toMatchObject({ ok: true });
    for (const sender of [POPUP, SUBFRAME_SCRIPT, SCRIPT_WITHOUT_TAB, OTHER_EXTENSION, SPOOFED_URL, {}]) {
      expect(await route({ type, payload: EXAMPLES[type] }, sender)).toEqual({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(calls).toEqual([type]);
  });

  it.each(PAGE_TYPES)(
    '%s: forged from a content script, another extension or a spoofed origin is refused',
    async (type) => {
      const calls: string[] = [];
      const route = createRouter(recordingHandlers(calls), SELF);
      for (const sender of [CONTENT_SCRIPT, OTHER_EXTENSION, SPOOFED_URL, {}]) {
        expect(await route({ type, payload: EXAMPLES[type] }, sender)).toEqual({
          ok: false,
          code: 'forbidden',
        });
      }
      expect(calls).toEqual([]);
    },
  );

  it('turns typed errors into codes and anything else into "internal"', async () => {
    const handlers = recordingHandlers([]);
    handlers['vault.unlock'] = async () => {
      throw Object.assign(new Error('nope'), { code: 'wrong-password' });
    };
    handlers['vault.lock'] = async () => {
      throw new TypeError('boom');
    };
    const route = createRouter(handlers, SELF);
    expect(await route({ type: 'vault.unlock', payload: { password: 'x' } }, POPUP)).toEqual({
      ok: false,
      code: 'wrong-password',
    });
    expect(await route({ type: 'vault.lock', payload: {} }, POPUP)).toEqual({ ok: false, code: 'internal' });
  });
});

describe('message validation', () => {
  it.each([
    ['not an object', 'vault.status'],
    ['unknown type', { type: 'vault.export', payload: {} }],
    ['extra top-level key', { type: 'vault.status', payload: {}, extra: 1 }],
    ['extra payload key', { type: 'vault.lock', payload: { force: true } }],
    ['__proto__ key', JSON.parse('{"type":"vault.lock","payload":{"__proto__":{"admin":true}}}')],
    ['password not a string', { type: 'vault.unlock', payload: { password: 42 } }],
    ['huge password', { type: 'vault.unlock', payload: { password: 'x'.repeat(5000) } }],
    ['bad id', { type: 'account.delete', payload: { id: '../../etc' } }],
    ['draft without secret', { type: 'account.add', payload: { draft: { issuer: 'a', account: 'b' } } }],
    [
      'draft with unknown type',
      { type: 'account.add', payload: { draft: { ...EXAMPLES['account.add'].draft, type: 'motp' } } },
    ],
    [
      'draft with extra field',
      { type: 'account.add', payload: { draft: { ...EXAMPLES['account.add'].draft, id: 'x' } } },
    ],
    [
      'digits not a number',
      { type: 'account.add', payload: { draft: { ...EXAMPLES['account.add'].draft, digits: '6' } } },
    ],
    ['payload is an array', { type: 'vault.status', payload: [] }],
    ['bad digest', { type: 'clipboard.copied', payload: { digest: 'xyz' } }],
    ['idle minutes out of range', { type: 'settings.set', payload: { idleLockMinutes: 241 } }],
    ['negative idle minutes', { type: 'settings.set', payload: { idleLockMinutes: -1 } }],
    ['fractional hours', { type: 'settings.set', payload: { maxUnlockedHours: 1.5 } }],
    ['no maximum unlocked time', { type: 'settings.set', payload: { maxUnlockedHours: 0 } }],
    ['hours as text', { type: 'settings.set', payload: { maxUnlockedHours: '8' } }],
    ['screen lock not a boolean', { type: 'settings.set', payload: { lockOnScreenLock: 1 } }],
    ['an unknown setting', { type: 'settings.set', payload: { lockAfterSeconds: 5 } }],
    [
      'a password change without the current one',
      { type: 'vault.change-password', payload: { next: 'y'.repeat(12) } },
    ],
    [
      'a huge new password',
      { type: 'vault.change-password', payload: { current: 'x'.repeat(12), next: 'y'.repeat(5000) } },
    ],
    ['empty QR text', { type: 'scan.decoded', payload: { text: '' } }],
    ['oversized QR text', { type: 'enrol.save', payload: { text: 'x'.repeat(9000) } }],
    ['QR text not a string', { type: 'scan.decoded', payload: { text: ['otpauth://'] } }],
    ['negative tab id', { type: 'scan.start', payload: { tabId: -1 } }],
    ['fractional tab id', { type: 'scan.start', payload: { tabId: 1.5 } }],
    ['tab id as text', { type: 'scan.start', payload: { tabId: '3' } }],
    ['extra key on a scan message', { type: 'scan.capture', payload: { windowId: 1 } }],
    [
      'an origin with a path',
      { type: 'account.bind', payload: { id: 'deadbeef', origin: 'https://a.jp/x' } },
    ],
    [
      'an origin in upper case',
      { type: 'account.bind', payload: { id: 'deadbeef', origin: 'https://A.JP' } },
    ],
    ['a javascript: origin', { type: 'account.bind', payload: { id: 'deadbeef', origin: 'javascript:1' } }],
    ['a file: origin', { type: 'account.bind', payload: { id: 'deadbeef', origin: 'file://' } }],
    [
      'too many origins',
      {
        type: 'account.origins',
        payload: { id: 'deadbeef', origins: Array.from({ length: 40 }, (_, i) => `https://h${i}.jp`) },
      },
    ],
    [
      'a fill without its pinned document',
      { type: 'fill.code', payload: { ...EXAMPLES['fill.code'], documentId: '' } },
    ],
    [
      'a fill with a frame that is not a web origin',
      {
        type: 'fill.code',
        payload: {
          ...EXAMPLES['fill.code'],
          frames: [{ documentId: '0123456789ABCDEF0123456789ABCDEF', origin: 'chrome-extension://x' }],
        },
      },
    ],
    [
      'a fill with a truthy but non-boolean permission',
      { type: 'fill.code', payload: { ...EXAMPLES['fill.code'], allowOtherOrigin: 'yes' } },
    ],
  ])('refuses %s', (_name, raw) => {
    expect(validateMessage(raw)).toBeNull();
  });

  it.each([
    ['Chromium', 'A1B2C3D4E5F60718293A4B5C6D7E8F90'],
    ['Firefox (a UUID)', 'fa82ad15-07a7-544a-8884-d0d54ae4bf37'],
    ['an older Firefox (the stand-in token)', 'f0-0123456789abcdef0123456789abcdef'],
  ])('accepts a fill pinned to a document id as %s reports it', (_browser, documentId) => {
    expect(
      validateMessage({ type: 'fill.code', payload: { ...EXAMPLES['fill.code'], documentId } }),
    ).not.toBeNull();
  });

  it.each(MESSAGE_TYPES)('accepts a well-formed %s', (type) => {
    expect(validateMessage({ type, payload: EXAMPLES[type] })).not.toBeNull();
  });
});
