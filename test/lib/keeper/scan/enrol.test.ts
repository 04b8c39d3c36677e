import { beforeEach, describe, expect, it } from 'vitest';
import { displayText } from '@/lib/otp/display-text';
import { formatMigrationUris } from '@/lib/formats';
import { createEnroller } from '@/lib/keeper/scan/enrol';
import { BATCHES_KEY, BATCH_TTL_MS, MAX_BATCHES } from '@/lib/keeper/scan/enrol-batches';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { MAX_MISSING_RANGES } from '@/lib/messages';
import type { Account } from '@/lib/otp/account';
import { validateAccount } from '@/lib/otp/validate-account';
import { MemoryStore } from '../../../support/memory-store';
import {
  migrationFixture,
  migrationLines,
  type ExpectedMigrationEntry,
} from '../../../support/migration-fixtures';

const PASSWORD = 'correct horse battery staple';
const URI =
  'otpauth://totp/abc%40example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account';
const CONSOLE = 'https://console.example.jp';
const fixture = migrationFixture;
type Expected = ExpectedMigrationEntry;

/** A new unlocked vault, made once (key derivation is slow on purpose) and copied for each test. */
let template: { local: MemoryStore; session: MemoryStore } | undefined;
async function unlockedStores() {
  if (!template) {
    template = { local: new MemoryStore(), session: new MemoryStore() };
    const deps = { ...template, now: () => 1_700_000_000_000, newId: () => '0' };
    await new Keeper(deps).create(PASSWORD);
  }
  const copy = (from: MemoryStore) => {
    const to = new MemoryStore();
    for (const [k, v] of from.data) to.data.set(k, structuredClone(v));
    return to;
  };
  return { local: copy(template.local), session: copy(template.session) };
}

async function setup() {
  const { local, session } = await unlockedStores();
  let n = 0;
  const clock = { now: 1_700_000_000_000 };
  const deps: KeeperDeps = {
    local,
    session,
    now: () => clock.now,
    newId: () => (++n).toString(16).padStart(8, '0'),
  };
  const keeper = new Keeper(deps);
  const enroller = createEnroller(keeper, deps);
  const stored = async () => (await keeper.snapshot()).payload!.accounts;
  return { local, session, clock, keeper, enroller, stored };
}

/** The error thrown, with its code; fails if nothing is thrown. */
async function failure(promise: Promise<unknown>): Promise<Error & { code: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code: string };
  }
  throw new Error('expected a failure');
}

function accounts(count: number): Account[] {
  return Array.from({ length: count }, (_, i) =>
    validateAccount({
      issuer: `Console ${i + 1}`,
      account: `admin${i + 1}@example.jp`,
      secret: `JBSWY3DPEHPK3P${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}Q`,
    }),
  );
}

let s: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  s = await setup();
});

describe('enroller: otpauth keys', () => {
  it('adds a key with the origin it was scanned on, in one vault write', async () => {
    const writes = s.local.writes.length;
    const result = await s.enroller.save(`  ${URI}\n`, CONSOLE);
    expect(result).toEqual({
      kind: 'otpauth',
      added: ['00000001'],
      labels: ['Trend Micro SaaS Account (abc@example.co.jp)'],
      duplicates: 0,
      skipped: 0,
    });
    expect(s.local.writes.length).toBe(writes + 1);
    expect(await s.stored()).toEqual([
      expect.objectContaining({
        id: '00000001',
        issuer: 'Trend Micro SaaS Account',
        account: 'abc@example.co.jp',
        secret: 'ABCDEFGHIJKL2345',
        origins: [CONSOLE],
        createdAt: s.clock.now,
      }),
    ]);
  });

  it('adds no origin when none is given (options page)', async () => {
    await s.enroller.save(URI);
    expect((await s.stored())[0]!.origins).toEqual([]);
  });

  it('a duplicate is not added again, but learns the new site it was scanned on (once)', async () => {
    await s.enroller.save(URI, CONSOLE);
    const again = await s.enroller.save(URI, 'https://other.example.com');
    expect(again).toMatchObject({ added: [], labels: [], duplicates: 1 });
    await s.enroller.save(URI, 'https://other.example.com');
    await s.enroller.save(URI);
    const all = await s.stored();
    expect(all).toHaveLength(1);
    expect(all[0]!.origins).toEqual([CONSOLE, 'https://other.example.com']);
  });

  it('a deleted account does not count as a duplicate', async () => {
    await s.enroller.save(URI);
    await s.keeper.mutate((p) => void (p.accounts[0]!.deletedAt = s.clock.now));
    expect((await s.enroller.save(URI)).added).toHaveLength(1);
  });

  it('refuses an origin that is not a web origin', async () => {
    for (const origin of ['chrome://settings', 'https://a.example/path', 'not a url', 'file:///x'])
      expect((await failure(s.enroller.save(URI, origin))).code).toBe('bad-request');
    expect(await s.stored()).toEqual([]);
  });

  it('labels show direction overrides and invisible characters instead of obeying them', async () => {
    const issuer = 'Bank\u202eevil';
    const uri = `otpauth://totp/${encodeURIComponent('me\u200b@x')}?secret=JBSWY3DPEHPK3PXP&issuer=${encodeURIComponent(issuer)}`;
    const { labels } = await s.enroller.save(uri);
    expect(labels).toEqual(['Bank[U+202E]evil (me[U+200B]@x)']);
    expect(labels[0]).toBe(`${displayText(issuer)} (${displayText('me\u200b@x')})`);
  });

  it('labels: issuer only, account only', async () => {
    const a = await s.enroller.save('otpauth://totp/ACME:?secret=JBSWY3DPEHPK3PXP&issuer=ACME');
    const b = await s.enroller.save('otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXQ');
    expect([...a.labels, ...b.labels]).toEqual(['ACME', 'alice@example.com']);
  });

  it('a damaged key fails with its OTP code, writes nothing, and never echoes the text', async () => {
    const writes = s.local.writes.length;
    const text = 'otpauth://totp/x?secret=0189SECRET';
    const error = await failure(s.enroller.save(text));
    expect(error.code).toBe('invalid-secret');
    expect(error.message).not.toContain('0189');
    expect(s.local.writes.length).toBe(writes);
  });
});

describe('enroller: preview', () => {
  it('describes the accounts without their secrets and flags duplicates; writes nothing', async () => {
    await s.enroller.save(URI);
    const local = s.local.writes.length;
    const session = s.session.writes.length;
    const preview = await s.enroller.preview(URI);
    expect(preview).toEqual({
      kind: 'otpauth',
      skipped: 0,
      accounts: [
        {
          type: 'totp',
          issuer: 'Trend Micro SaaS Account',
          account: 'abc@example.co.jp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          duplicate: true,
        },
      ],
    });
    expect(JSON.stringify(preview)).not.toContain('ABCDEFGHIJKL2345');
    expect(s.local.writes.length).toBe(local);
    expect(s.session.writes.length).toBe(session);
  });

  it('needs the vault unlocked, but says what a non-key is first', async () => {
    await s.keeper.lock();
    expect((await failure(s.enroller.preview(URI))).code).toBe('locked');
    expect((await failure(s.enroller.save(URI))).code).toBe('locked');
    expect((await failure(s.enroller.preview('https://example.com'))).code).toBe('not-otp-link');
  });
});

describe('enroller: Google Authenticator transfer codes', () => {
  const EXPECTED = JSON.parse(fixture('example_output.json')) as Expected[];

  it('the real export adds each account of example_output.json once', async () => {
    const lines = migrationLines('example_export.txt');
    const results = [];
    for (const line of lines) results.push(await s.enroller.save(line));
    for (const r of results) {
      expect(r.kind).toBe('migration');
      expect(r.batch).toMatchObject({ size: 1, index: 0, missingCount: 0, missingRanges: [] });
      expect(r.skipped).toBe(0);
    }
    const unique = [
      ...new Map(EXPECTED.map((e) => [JSON.stringify([e.issuer, e.name, e.type, e.secret]), e])).values(),
    ];
    const stored = await s.stored();
    expect(
      stored.map((a) => ({
        name: a.account,
        secret: a.secret,
        issuer: a.issuer,
        type: a.type,
        counter: a.type === 'hotp' ? a.counter : null,
      })),
    ).toEqual(
      unique.map(({ name, secret, issuer, type, counter }) => ({ name, secret, issuer, type, counter })),
    );
    const added = results.reduce((sum, r) => sum + r.added.length, 0);
    const duplicates = results.reduce((sum, r) => sum + r.duplicates, 0);
    expect([added, duplicates]).toEqual([unique.length, EXPECTED.length - unique.length]);
    expect(results.flatMap((r) => r.labels)).toContain('encoding: ¿äÄéÉ? (demo)');
  });

  it('a transfer code holding the same account twice adds it once', async () => {
    // The third line of the real export holds the same key twice, once with an issuer: two accounts.
    const [, , both] = migrationLines('example_export.txt');
    const preview = await s.enroller.preview(both!);
    expect(preview.accounts.map((a) => a.duplicate)).toEqual([false, false]);
    const [uri] = formatMigrationUris([...accounts(1), ...accounts(1)]);
    expect((await s.enroller.preview(uri!)).accounts.map((a) => a.duplicate)).toEqual([false, true]);
    expect(await s.enroller.save(uri!)).toMatchObject({ added: ['00000001'], duplicates: 1 });
  });

  it.each([
    ['test_export_wrong_content.txt', 'not-otp-text'],
    ['test_export_wrong_data.txt', 'malformed-migration'],
    ['test_export_wrong_prefix.txt', 'not-otp-text'],
  ])('%s is refused with %s and writes nothing', async (name, code) => {
    const writes = s.local.writes.length;
    const text = fixture(name);
    const error = await failure(s.enroller.save(text));
    expect(error.code).toBe(code);
    expect(error.message).not.toContain(text.trim().slice(0, 20));
    expect((await failure(s.enroller.preview(text))).code).toBe(code);
    expect(s.local.writes.length).toBe(writes);
  });

  describe('a 12-account export in two QR codes', () => {
    const twelve = accounts(12);
    const uris = formatMigrationUris(twelve, { perBatch: 10, batchId: -123456789 });

    it('reports what is missing, records progress only on save, and adds everything', async () => {
      expect(uris).toHaveLength(2);
      const first = await s.enroller.preview(uris[0]!);
      expect(first.accounts).toHaveLength(10);
      expect(first.batch).toEqual({
        batchId: -123456789,
        index: 0,
        size: 2,
        missingCount: 1,
        missingRanges: [[1, 1]],
      });
      expect(await s.session.get([BATCHES_KEY])).toEqual({});

      const saved = await s.enroller.save(uris[0]!);
      expect(saved.added).toHaveLength(10);
      expect(saved.batch).toEqual({
        batchId: -123456789,
        index: 0,
        size: 2,
        missingCount: 1,
        missingRanges: [[1, 1]],
      });

      expect((await s.enroller.preview(uris[1]!)).batch?.missingRanges).toEqual([]);
      const second = await s.enroller.save(uris[1]!);
      expect(second.added).toHaveLength(2);
      expect(second.batch).toEqual({
        batchId: -123456789,
        index: 1,
        size: 2,
        missingCount: 0,
        missingRanges: [],
      });

      const again = await s.enroller.save(uris[0]!);
      expect(again).toMatchObject({
        added: [],
        duplicates: 10,
        batch: { missingCount: 0, missingRanges: [] },
      });
      const stored = await s.stored();
      expect(stored.map((a) => a.secret)).toEqual(twelve.map((a) => a.secret));
    });

    it('starting with the last code: the first is missing', async () => {
      expect((await s.enroller.save(uris[1]!)).batch?.missingRanges).toEqual([[0, 0]]);
    });

    it('two saves at once both count', async () => {
      const [a, b] = await Promise.all(uris.map((u) => s.enroller.save(u)));
      expect(a!.batch?.missingRanges).toEqual([[1, 1]]);
      expect(b!.batch?.missingRanges).toEqual([]);
      expect(await s.stored()).toHaveLength(12);
    });

    it('progress is forgotten after 30 minutes', async () => {
      await s.enroller.save(uris[0]!);
      s.clock.now += BATCH_TTL_MS + 1;
      expect((await s.enroller.save(uris[1]!)).batch?.missingRanges).toEqual([[0, 0]]);
    });

    it(`at most ${MAX_BATCHES} exports are remembered, the oldest forgotten first`, async () => {
      await s.enroller.save(uris[0]!);
      for (let i = 0; i < MAX_BATCHES; i++) {
        s.clock.now += 1000;
        const [other] = formatMigrationUris(accounts(12), { perBatch: 10, batchId: i + 1 });
        await s.enroller.save(other!);
      }
      const kept = (await s.session.get([BATCHES_KEY]))[BATCHES_KEY] as unknown[];
      expect(kept).toHaveLength(MAX_BATCHES);
      expect((await s.enroller.save(uris[1]!)).batch?.missingRanges).toEqual([[0, 0]]);
    });

    it('ignores damaged progress in session storage', async () => {
      await s.session.set({ [BATCHES_KEY]: [{ id: 'x' }, null, 7] });
      expect((await s.enroller.save(uris[1]!)).batch?.missingRanges).toEqual([[0, 0]]);
      await s.session.set({ [BATCHES_KEY]: 'garbage' });
      expect((await s.enroller.preview(uris[0]!)).batch?.missingRanges).toEqual([[1, 1]]);
    });
  });
});

describe('enroller: an export of many QR codes', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    s = await setup();
  });

  /** The 100-code export's QR code `index` (one account each). */
  const uris = formatMigrationUris(accounts(100), { perBatch: 1, batchId: 77 });

  it('reports the missing codes as a count and at most MAX_MISSING_RANGES ranges', async () => {
    expect((await s.enroller.preview(uris[41]!)).batch).toEqual({
      batchId: 77,
      index: 41,
      size: 100,
      missingCount: 99,
      missingRanges: [
        [0, 40],
        [42, 99],
      ],
    });
    // Every other code read: 50 gaps, only the first MAX_MISSING_RANGES listed, the count whole.
    for (let i = 0; i < 100; i += 2) await s.enroller.save(uris[i]!);
    const { batch } = await s.enroller.save(uris[98]!);
    expect(batch?.missingCount).toBe(50);
    expect(batch?.missingRanges).toHaveLength(MAX_MISSING_RANGES);
    expect(batch?.missingRanges[0]).toEqual([1, 1]);
    expect(batch?.missingRanges.at(-1)).toEqual([2 * MAX_MISSING_RANGES - 1, 2 * MAX_MISSING_RANGES - 1]);
  });
});

describe('enroller: text that is not an authenticator key', () => {
  it.each([
    ['a web link', 'https://example.com/login', 'not-otp-link'],
    ['an upper-case web link', 'HTTPS://EXAMPLE.COM', 'not-otp-link'],
    ['a plain http link', 'http://192.168.0.1/setup', 'not-otp-link'],
    ['www. text', 'www.example.co.jp', 'not-otp-link'],
    [
      'Microsoft work or school activation',
      'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/123/WEU',
      'not-otp-microsoft',
    ],
    ['Microsoft, upper case', 'PHONEFACTOR://ACTIVATE_ACCOUNT?code=1', 'not-otp-microsoft'],
    ['a script link', 'javascript:alert(1)', 'not-otp-text'],
    ['plain text', 'NOT A otpauth-migration:// URL', 'not-otp-text'],
    ['a prefixed transfer code', 'QR-Code:otpauth-migration://offline?data=AA', 'not-otp-text'],
    ['empty text', '', 'not-otp-text'],
    ['whitespace', ' \n\t ', 'not-otp-text'],
    ['a 5 000-character string', 'x'.repeat(5000), 'not-otp-text'],
    ['a 5 000-character link', `https://example.com/${'a'.repeat(5000)}`, 'not-otp-link'],
    ['wifi settings', 'WIFI:S:office;T:WPA;P:password;;', 'not-otp-text'],
  ])('%s is refused (%#)', async (_what, text, code) => {
    const writes = s.local.writes.length;
    for (const call of [s.enroller.preview(text), s.enroller.save(text, CONSOLE)]) {
      const error = await failure(call);
      expect(error.code).toBe(code);
      if (text.trim()) expect(error.message).not.toContain(text.trim());
    }
    expect(s.local.writes.length).toBe(writes);
  });

  it.each([
    ['a 5 000-character otpauth URI', `otpauth://totp/x?secret=${'A'.repeat(5000)}`],
    ['a 100 000-character transfer code', `otpauth-migration://offline?data=${'A'.repeat(100_000)}`],
  ])('%s fails with its own layer’s code', async (_what, text) => {
    const error = await failure(s.enroller.save(text));
    expect(['uri-too-long', 'secret-too-long', 'too-long']).toContain(error.code);
  });
});
