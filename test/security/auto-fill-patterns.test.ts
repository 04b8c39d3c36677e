/**
 * Issue #7 point 7: automatic fill asks for one exact origin, but the browser grants match patterns. Firefox's
 * patterns cannot carry a port (`https://h:8443` is granted as `https://h/*`, every port of h), and Chromium's
 * pattern without a port matches every port too. Turning automatic fill off for one account must never take back
 * a pattern another account still needs; and whatever the pattern covers, only the exact origin an account asked
 * for is filled. The decision is the pure `releasablePatterns`; below it runs through the real handlers and the
 * real platform code (lib/platform/auto-fill.ts) over a browser whose permissions follow each browser's rules.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CHROMIUM_PATTERNS,
  FIREFOX_PATTERNS,
  originPattern,
  patternCovers,
  releasablePatterns,
  type PatternRules,
} from '@/lib/origin-patterns';
import { autoFillEffectsFor } from '@/lib/platform/auto-fill';
import { recordingFillEffects } from '../support/fill-effects';
import { background, copyStores, SENDERS, type Background } from './support/background';

const H = 'https://h.example.com';
const H8443 = 'https://h.example.com:8443';
const H9443 = 'https://h.example.com:9443';

describe('releasablePatterns (pure)', () => {
  it('Firefox pattern rules: https://h and https://h:8443 share one pattern; turning one off releases nothing while the other needs it', () => {
    expect(originPattern(H, FIREFOX_PATTERNS)).toBe('https://h.example.com/*');
    expect(originPattern(H8443, FIREFOX_PATTERNS)).toBe('https://h.example.com/*');
    expect(releasablePatterns([H8443], [H], FIREFOX_PATTERNS)).toEqual([]);
    expect(releasablePatterns([H], [H8443], FIREFOX_PATTERNS)).toEqual([]);
    expect(releasablePatterns([H8443], [H9443], FIREFOX_PATTERNS)).toEqual([]);
    // Nobody needs the host any more (another host or scheme does not count): given back.
    expect(releasablePatterns([H8443], [], FIREFOX_PATTERNS)).toEqual(['https://h.example.com/*']);
    expect(
      releasablePatterns([H8443], ['https://g.example.com', 'http://h.example.com'], FIREFOX_PATTERNS),
    ).toEqual(['https://h.example.com/*']);
  });

  it('Chromium pattern rules: each origin is its own pattern, released alone; a pattern without a port is kept while any port of its host is needed', () => {
    expect(originPattern(H8443, CHROMIUM_PATTERNS)).toBe('https://h.example.com:8443/*');
    expect(originPattern(H, CHROMIUM_PATTERNS)).toBe('https://h.example.com/*');
    expect(releasablePatterns([H8443], [H9443, H], CHROMIUM_PATTERNS)).toEqual([
      'https://h.example.com:8443/*',
    ]);
    expect(releasablePatterns([H8443], [H], CHROMIUM_PATTERNS)).toEqual(['https://h.example.com:8443/*']);
    // Chromium's `https://h/*` matches every port (its documented default): h:8443 may hold only that grant.
    expect(releasablePatterns([H], [H8443], CHROMIUM_PATTERNS)).toEqual([]);
    expect(releasablePatterns([H], [], CHROMIUM_PATTERNS)).toEqual(['https://h.example.com/*']);
  });

  it('an origin still needed is never released, whatever the rules', () => {
    for (const rules of [FIREFOX_PATTERNS, CHROMIUM_PATTERNS]) {
      for (const origin of [H, H8443, 'http://127.0.0.1:8787', 'https://[::1]:9000']) {
        expect(releasablePatterns([origin], [origin], rules)).toEqual([]);
        for (const pattern of releasablePatterns([origin], [], rules)) {
          expect(patternCovers(pattern, origin)).toBe(true);
        }
      }
    }
  });
});

/**
 * The browser's permission store as each browser keeps it: patterns granted; `contains` answers whether a granted
 * pattern matches (one without a port: every port); a request for what is already contained grants nothing new;
 * `remove` takes back exactly the patterns named. Firefox refuses a pattern with a port, as the real one does.
 */
function browserPermissions(rules: PatternRules) {
  const granted = new Set<string>();
  /** Every pattern the platform asked to give back. */
  const removed: string[] = [];
  const check = (patterns: string[]) => {
    for (const p of patterns)
      if (!rules.ports && /:\d+\/\*$/.test(p)) throw new Error(`Invalid host permission: ${p}`);
  };
  /** A granted pattern matches every page the asked one would (same host; no port, or the same port). */
  const contained = (pattern: string) =>
    [...granted].some((g) => patternCovers(g, new URL(pattern.replace(/\*$/, '')).origin));
  let scripts: { id: string; matches?: string[] }[] = [];
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.contains = async ({ origins = [] }: { origins?: string[] }) => {
    check(origins);
    return origins.every(contained);
  };
  permissions.remove = async ({ origins = [] }: { origins?: string[] }) => {
    check(origins);
    for (const p of origins) {
      removed.push(p);
      granted.delete(p);
    }
    return true;
  };
  const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
  scripting.getRegisteredContentScripts = async () => scripts;
  scripting.registerContentScripts = async (list: typeof scripts) => void (scripts = list);
  scripting.updateContentScripts = async (list: typeof scripts) => void (scripts = list);
  scripting.unregisterContentScripts = async () => void (scripts = []);
  return {
    removed,
    /** The user answers yes to the browser's prompt for the pattern the platform asks for `origin`. */
    grant(origin: string) {
      const pattern = originPattern(origin, rules);
      check([pattern]);
      if (!contained(pattern)) granted.add(pattern);
    },
    /** Whether pages of `origin` are granted to the extension. */
    has: (origin: string) => [...granted].some((g) => patternCovers(g, origin)),
    matches: () => scripts[0]?.matches ?? [],
  };
}

const URI = (name: string, secret: string) =>
  `otpauth://totp/Console:${name}?secret=${secret}&issuer=Console`;

describe.each([
  ['Firefox', FIREFOX_PATTERNS],
  ['Chromium', CHROMIUM_PATTERNS],
] as const)('two accounts on https://h and https://h:8443 under %s pattern rules', (_name, rules) => {
  let template: Background;
  let a: string;
  let b: string;
  let bg: Background;
  let perms: ReturnType<typeof browserPermissions>;

  beforeAll(async () => {
    template = background();
    await template.client.call('vault.create', { password: 'auto-fill pattern campaign' });
    [a] = (await template.client.call('enrol.save', { text: URI('alice', 'JBSWY3DPEHPK3PXP') })).added as [
      string,
    ];
    [b] = (await template.client.call('enrol.save', { text: URI('bob', 'ABCDEFGHIJKL2345') })).added as [
      string,
    ];
  });

  beforeEach(() => {
    perms = browserPermissions(rules);
    const fill = recordingFillEffects();
    Object.assign(fill, autoFillEffectsFor(rules));
    bg = background({ ...copyStores(template), fill });
  });

  afterEach(() => fakeBrowser.reset());

  /** Turns automatic fill on as the popup does: the browser's prompt answered yes for the origin's pattern. */
  async function turnOn(id: string, origin: string) {
    perms.grant(origin);
    expect(await bg.client.call('account.autofill', { id, origin, on: true })).toEqual({ state: 'on' });
  }

  const autoFill = (origin: string) =>
    bg.route(
      { type: 'fill.auto', payload: {} },
      { ...SENDERS.contentScript, url: `${origin}/login`, origin, tab: { id: bg.fill.tab.tabId } },
    );

  it('turning one off does not release the pattern the other still needs', async () => {
    await turnOn(a, H);
    await turnOn(b, H8443);
    await bg.client.call('account.autofill', { id: a, origin: H, on: false });
    expect(perms.has(H8443)).toBe(true);
    expect(perms.matches().some((m) => patternCovers(m, H8443))).toBe(true);
    expect(perms.removed).toEqual([]);

    await turnOn(a, H);
    await bg.client.call('account.autofill', { id: b, origin: H8443, on: false });
    expect(perms.has(H)).toBe(true);
    expect(perms.matches().some((m) => patternCovers(m, H))).toBe(true);
    // Chromium: h:8443's own pattern is given back (alone); Firefox: the pattern h still needs stays.
    expect(perms.removed).toEqual(rules.ports ? ['https://h.example.com:8443/*'] : []);

    // The last account off: the host is given back.
    await bg.client.call('account.autofill', { id: a, origin: H, on: false });
    expect(perms.has(H)).toBe(false);
    expect(perms.has(H8443)).toBe(false);
    expect(perms.matches()).toEqual([]);
  });

  it('granted the other way round, each keeps its grant when the other is turned off', async () => {
    await turnOn(b, H8443);
    await turnOn(a, H);
    await bg.client.call('account.autofill', { id: b, origin: H8443, on: false });
    expect(perms.has(H)).toBe(true);
    await turnOn(b, H8443);
    await bg.client.call('account.autofill', { id: a, origin: H, on: false });
    expect(perms.has(H8443)).toBe(true);
    expect(perms.matches().some((m) => patternCovers(m, H8443))).toBe(true);
  });

  it('the pattern covers more than the account asked for, the fill does not: only the exact origin is filled', async () => {
    await turnOn(b, H8443);
    // The browser runs the script on every port its pattern covers (Firefox: all of them); the background fills
    // only where an account asked for automatic fill.
    for (const origin of rules.ports ? [] : [H, H9443]) {
      expect(perms.has(origin)).toBe(true);
      expect(await autoFill(origin)).toEqual({ ok: true, value: { result: 'skipped' } });
    }
    expect(bg.fill.filled).toEqual([]);
    bg.fill.tab.origin = H8443;
    expect(await autoFill(H8443)).toEqual({ ok: true, value: { result: 'filled' } });
    expect(bg.fill.filled).toHaveLength(1);
  });
});
