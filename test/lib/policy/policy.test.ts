/**
 * The organisation's policy: read from managed storage through the platform adapter (WXT's fake browser), parsed
 * defensively (a bad value is ignored, never half-applied), the schema shipped in the build agrees with the parser,
 * and the examples of docs/enterprise.md are valid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagedPolicy } from '@/lib/platform/policy';
import { DEFAULT_POLICY, isOriginPattern, originAllowed, parsePolicy } from '@/lib/policy/policy';

const ROOT = join(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8')) as {
  type: string;
  properties: Record<string, { type: string; minimum?: number; maximum?: number; items?: { type: string } }>;
};

describe('parsePolicy', () => {
  it('nothing set: the defaults, nothing managed', () => {
    for (const raw of [undefined, null, {}, [], 'x', 42]) {
      expect(parsePolicy(raw)).toEqual({ ...DEFAULT_POLICY, managed: [], ignored: [] });
    }
  });

  it('every key, valid', () => {
    expect(
      parsePolicy({
        MinimumPasswordLength: 14,
        MaximumAutoLockMinutes: 10,
        DisablePlaintextExport: true,
        DisableImportExport: false,
        AllowedFillOrigins: ['https://clp.trendmicro.com', 'https://*.example.co.jp'],
        DisablePasskeyUnlock: true,
        RequirePasskeyUserVerification: false,
        DisableSync: true,
      }),
    ).toEqual({
      minPasswordLength: 14,
      maxAutoLockMinutes: 10,
      disablePlaintextExport: true,
      disableImportExport: false,
      allowedFillOrigins: ['https://clp.trendmicro.com', 'https://*.example.co.jp'],
      disablePasskeyUnlock: true,
      requirePasskeyUserVerification: false,
      disableSync: true,
      managed: [
        'MinimumPasswordLength',
        'MaximumAutoLockMinutes',
        'DisablePlaintextExport',
        'DisableImportExport',
        'AllowedFillOrigins',
        'DisablePasskeyUnlock',
        'RequirePasskeyUserVerification',
        'DisableSync',
      ],
      ignored: [],
    });
  });

  it.each([
    ['MinimumPasswordLength', 4, 'below the product minimum'],
    ['MinimumPasswordLength', 12.5, 'not an integer'],
    ['MinimumPasswordLength', '12', 'a string'],
    ['MaximumAutoLockMinutes', 0, 'zero'],
    ['MaximumAutoLockMinutes', 5000, 'above a day'],
    ['DisablePlaintextExport', 'true', 'a string'],
    ['DisableImportExport', 1, 'a number'],
    ['AllowedFillOrigins', 'https://a.jp', 'not a list'],
    ['AllowedFillOrigins', ['https://a.jp/login'], 'a URL with a path'],
    ['AllowedFillOrigins', ['*.a.jp'], 'no scheme'],
    ['AllowedFillOrigins', ['https://A.JP'], 'upper case'],
    ['AllowedFillOrigins', ['javascript:alert(1)'], 'not a web origin'],
  ])(
    '%s = %j (%s) is ignored and reported, the rest applies',
    (key: string, value: unknown, _why: string) => {
      const policy = parsePolicy({
        [key]: value,
        DisableImportExport: key === 'DisableImportExport' ? value : true,
      });
      expect(policy.ignored).toContain(key);
      expect(policy.managed).not.toContain(key);
      const { managed: _m, ignored: _i, ...effective } = policy;
      const { managed: _dm, ignored: _di, ...defaults } = DEFAULT_POLICY;
      if (key !== 'DisableImportExport')
        expect(effective).toEqual({ ...defaults, disableImportExport: true });
    },
  );

  it('unknown keys and __proto__ are ignored', () => {
    const policy = parsePolicy(JSON.parse('{"__proto__": {"disableImportExport": true}, "Other": 1}'));
    expect(policy.disableImportExport).toBe(false);
    expect(policy.ignored).toEqual(['__proto__', 'Other']);
  });

  it('never throws, whatever managed storage holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const policy = parsePolicy(raw);
        expect(policy.minPasswordLength).toBeGreaterThanOrEqual(8);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('allowed fill origins', () => {
  const list = ['https://clp.trendmicro.com', 'https://*.example.co.jp', 'http://127.0.0.1:8787'];
  it.each([
    ['https://clp.trendmicro.com', true],
    ['https://clp.trendmicro.com:8443', false],
    ['http://clp.trendmicro.com', false],
    ['https://clp.trendmicro.com.evil.jp', false],
    ['https://portal.example.co.jp', true],
    ['https://a.b.example.co.jp', true],
    ['https://example.co.jp', true],
    ['https://badexample.co.jp', false],
    ['https://example.co.jp.evil.jp', false],
    ['http://127.0.0.1:8787', true],
    ['http://127.0.0.1:8788', false],
    ['https://xn--clp-trendmicr-xyz.com', false],
  ])('%s: %s', (origin, allowed) => {
    expect(originAllowed(origin, list)).toBe(allowed);
  });

  it('patterns', () => {
    expect(['https://a.jp', 'http://a.jp:8080', 'https://*.a.jp'].every(isOriginPattern)).toBe(true);
    expect(
      ['https://*', 'https://a.jp/', 'https://*.*.jp', 'ftp://a.jp', 'https://a..jp'].some(isOriginPattern),
    ).toBe(false);
  });
});

describe('the platform adapter', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads managed storage as the browser gives it', async () => {
    await fakeBrowser.storage.managed.set({ DisablePlaintextExport: true, MinimumPasswordLength: 12 });
    const policy = await readManagedPolicy();
    expect(policy.disablePlaintextExport).toBe(true);
    expect(policy.minPasswordLength).toBe(12);
    expect(policy.managed.sort()).toEqual(['DisablePlaintextExport', 'MinimumPasswordLength']);
  });

  it('no managed storage (an error from the browser): the defaults', async () => {
    const original = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = (() =>
      Promise.reject(new Error('Managed storage manifest not found'))) as never;
    try {
      expect(await readManagedPolicy()).toEqual(DEFAULT_POLICY);
    } finally {
      fakeBrowser.storage.managed.get = original;
    }
  });
});

describe('the schema shipped in the build', () => {
  it('is an object schema whose keys are exactly the ones the parser reads', () => {
    expect(schema.type).toBe('object');
    const parsed = parsePolicy(
      Object.fromEntries(
        Object.entries(schema.properties).map(([key, p]) => [
          key,
          p.type === 'boolean' ? true : p.type === 'integer' ? p.minimum : ['https://a.jp'],
        ]),
      ),
    );
    expect(parsed.ignored).toEqual([]);
    expect(parsed.managed.sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('its bounds are the parser bounds', () => {
    for (const [key, p] of Object.entries(schema.properties)) {
      if (p.type !== 'integer') continue;
      expect(parsePolicy({ [key]: p.minimum }).managed, key).toEqual([key]);
      expect(parsePolicy({ [key]: p.maximum }).managed, key).toEqual([key]);
      expect(parsePolicy({ [key]: p.minimum! - 1 }).ignored, key).toEqual([key]);
      expect(parsePolicy({ [key]: p.maximum! + 1 }).ignored, key).toEqual([key]);
    }
  });

  it('uses only what Chrome accepts in a managed_schema (types, properties, items, bounds, titles)', () => {
    const allowed = new Set(['type', 'title', 'description', 'minimum', 'maximum', 'items']);
    for (const p of Object.values(schema.properties)) {
      for (const k of Object.keys(p)) expect(allowed.has(k), k).toBe(true);
      expect(['integer', 'boolean', 'array', 'string']).toContain(p.type);
    }
  });
});

describe('docs/enterprise.md', () => {
  it('every JSON example is a valid policy for Sekimori', () => {
    const doc = readFileSync(join(ROOT, 'docs/enterprise.md'), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const policy = findSekimoriPolicy(block);
      expect(policy, JSON.stringify(block).slice(0, 80)).toBeDefined();
      expect(parsePolicy(policy).ignored).toEqual([]);
      expect(parsePolicy(policy).managed.length).toBeGreaterThan(0);
    }
  });
});

/** The policy object inside a Chrome/Edge/Firefox policy file (the level whose keys are ours). */
function findSekimoriPolicy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Object.keys(value).some((k) => k in schema.properties)) return value;
  for (const child of Object.values(value)) {
    const found = findSekimoriPolicy(child);
    if (found) return found;
  }
  return undefined;
}
