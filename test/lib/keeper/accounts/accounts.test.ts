import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAccount,
  addAccounts,
  advanceHotp,
  autoFillOrigins,
  bindSite,
  checkAutoFillOn,
  deleteAccount,
  findDuplicates,
  inPlace,
  isLive,
  liveAccount,
  liveAccounts,
  listedAccounts,
  markBackedUp,
  moveAccount,
  pinAccount,
  sortAccounts,
  purgeDeleted,
  restoreAccount,
  setAutoFill,
  setOrigins,
  unbindSite,
  updateAccount,
  UNDO_WINDOW_MS,
  wantedAutoFillOrigins,
  type Transition,
} from '@/lib/keeper/accounts/accounts';
import { KeeperError } from '@/lib/keeper/keeper-error';
import type { Account } from '@/lib/otp/account';
import type { StoredAccount, VaultPayload } from '@/lib/keeper/accounts/stored-account';

const NOW = 1_700_000_000_000;
const SITE = 'https://console.example.com';
const OTHER = 'https://login.example.org';

function key(secret: string, issuer: string, type: Account['type'] = 'totp'): Account {
  return {
    type,
    issuer,
    account: 'me@example.com',
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  };
}

const TOTP: StoredAccount = {
  ...key('JBSWY3DPEHPK3PXP', 'Console'),
  id: 'totp',
  origins: [SITE],
  autoFill: [SITE],
  createdAt: NOW - 50_000,
  backedUpAt: NOW - 40_000,
};
const HOTP: StoredAccount = {
  ...key('GEZDGNBVGY3TQOJQ', 'Bank', 'hotp'),
  counter: 5,
  id: 'hotp',
  origins: [],
  createdAt: NOW - 50_000,
};
/** Deleted within the undo window. */
const RECENT: StoredAccount = {
  ...key('MFRGGZDFMZTWQ2LK', 'Recent'),
  id: 'recent',
  origins: [],
  createdAt: NOW - 50_000,
  deletedAt: NOW - 1000,
};
/** Deleted longer ago than the undo window. */
const OLD: StoredAccount = {
  ...key('ONSWG4TFORSXG5DT', 'Old'),
  id: 'old',
  origins: [],
  createdAt: NOW - UNDO_WINDOW_MS * 3,
  deletedAt: NOW - UNDO_WINDOW_MS - 1,
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A fresh, deeply frozen vault: any write to it throws. */
function vault(extra: Partial<VaultPayload> = {}): VaultPayload {
  return deepFreeze(structuredClone({ schema: 1, accounts: [TOTP, HOTP, RECENT, OLD], ...extra }));
}

const ids = (payload: VaultPayload) => payload.accounts.map((a) => a.id);
const byId = (payload: VaultPayload, id: string) => payload.accounts.find((a) => a.id === id)!;

function counter(prefix = 'new') {
  let n = 0;
  return () => `${prefix}${++n}`;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof KeeperError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

describe('accounts core: live accounts', () => {
  it('answers "live" from deletedAt alone', () => {
    expect(isLive(TOTP)).toBe(true);
    expect(isLive(RECENT)).toBe(false);
    expect(ids({ schema: 1, accounts: liveAccounts(vault()) })).toEqual(['totp', 'hotp']);
    expect(liveAccount(vault(), 'hotp').id).toBe('hotp');
    expect(refusal(() => liveAccount(vault(), 'recent'))).toBe('not-found');
    expect(refusal(() => liveAccount(vault(), 'nope'))).toBe('not-found');
  });
});

/** Every transition, run on a frozen vault: a new payload, the input left as it was. */
const TRANSITIONS: [string, (p: VaultPayload) => Transition<unknown>][] = [
  ['addAccount', (p) => addAccount(p, { account: key('KRUGS4ZANFZSAYLO', 'New') }, NOW, counter())],
  [
    'addAccounts',
    (p) =>
      addAccounts(
        p,
        { accounts: [{ account: key('KRUGS4ZANFZSAYLO', 'New') }, { account: TOTP }], site: OTHER },
        NOW,
        counter(),
      ),
  ],
  [
    'updateAccount',
    (p) => updateAccount(p, { id: 'totp', patch: { issuer: 'Renamed', secret: 'KRUGS4ZANFZSAYLO' } }),
  ],
  ['bindSite', (p) => bindSite(p, { id: 'totp', origin: OTHER })],
  ['unbindSite', (p) => unbindSite(p, { id: 'totp', origin: SITE })],
  ['setOrigins', (p) => setOrigins(p, { id: 'totp', origins: [OTHER] })],
  ['deleteAccount', (p) => deleteAccount(p, { id: 'totp' }, NOW)],
  ['restoreAccount', (p) => restoreAccount(p, { id: 'recent' })],
  ['purgeDeleted', (p) => purgeDeleted(p, NOW)],
  ['advanceHotp', (p) => advanceHotp(p, { id: 'hotp' })],
  ['setAutoFill on', (p) => setAutoFill(p, { id: 'totp', origin: OTHER, on: true })],
  ['setAutoFill off', (p) => setAutoFill(p, { id: 'totp', origin: SITE, on: false })],
  ['markBackedUp', (p) => markBackedUp(p, { ids: ['hotp'], backupFile: true }, NOW)],
];

describe('accounts core: purity', () => {
  it.each(TRANSITIONS)('%s gives a new payload and leaves its input as it was', (_name, run) => {
    const input = vault();
    const before = structuredClone(input);
    const { payload } = run(input);
    expect(payload).not.toBe(input);
    expect(payload.accounts).not.toBe(input.accounts);
    expect(input).toEqual(before);
  });
});

/** Every refusal, with the KeeperError code the handlers answer. */
const REFUSALS: [string, (p: VaultPayload) => unknown, string][] = [
  [
    'add: a live account has the same key',
    (p) => addAccount(p, { account: key(TOTP.secret, 'Console') }, NOW, counter()),
    'duplicate',
  ],
  ['update: no such account', (p) => updateAccount(p, { id: 'nope', patch: { issuer: 'X' } }), 'not-found'],
  [
    'update: a deleted account',
    (p) => updateAccount(p, { id: 'recent', patch: { issuer: 'X' } }),
    'not-found',
  ],
  ['bind: a deleted account', (p) => bindSite(p, { id: 'recent', origin: SITE }), 'not-found'],
  ['unbind: no such account', (p) => unbindSite(p, { id: 'nope', origin: SITE }), 'not-found'],
  ['set origins: a deleted account', (p) => setOrigins(p, { id: 'recent', origins: [] }), 'not-found'],
  ['delete: already deleted', (p) => deleteAccount(p, { id: 'recent' }, NOW), 'not-found'],
  ['delete: no such account', (p) => deleteAccount(p, { id: 'nope' }, NOW), 'not-found'],
  ['restore: a live account', (p) => restoreAccount(p, { id: 'totp' }), 'not-found'],
  ['restore: no such account (purged)', (p) => restoreAccount(p, { id: 'nope' }), 'not-found'],
  ['advance: not HOTP', (p) => advanceHotp(p, { id: 'totp' }), 'not-hotp'],
  ['advance: a deleted account', (p) => advanceHotp(p, { id: 'recent' }), 'not-found'],
  ['auto-fill on: HOTP', (p) => setAutoFill(p, { id: 'hotp', origin: SITE, on: true }), 'autofill-hotp'],
  [
    'auto-fill on: plain http',
    (p) => setAutoFill(p, { id: 'totp', origin: 'http://example.com', on: true }),
    'autofill-insecure',
  ],
  [
    'auto-fill: a deleted account',
    (p) => setAutoFill(p, { id: 'recent', origin: SITE, on: false }),
    'not-found',
  ],
];

describe('accounts core: refusals', () => {
  it.each(REFUSALS)('%s', (_name, run, code) => {
    const input = vault();
    const before = structuredClone(input);
    expect(refusal(() => run(input))).toBe(code);
    expect(input).toEqual(before);
  });

  it('an invalid edit is refused with the OTP layer’s error', () => {
    expect(() => updateAccount(vault(), { id: 'totp', patch: { digits: 3 } })).toThrow(/digits/i);
  });

  it('checkAutoFillOn: the same rules, before a permission is asked', () => {
    expect(refusal(() => checkAutoFillOn(HOTP, SITE))).toBe('autofill-hotp');
    expect(refusal(() => checkAutoFillOn(TOTP, 'http://example.com'))).toBe('autofill-insecure');
    expect(() => checkAutoFillOn(TOTP, 'http://localhost:8080')).not.toThrow();
  });
});

describe('accounts core: add', () => {
  it('adds one account, live, with no site, at the end', () => {
    const { payload, result } = addAccount(
      vault(),
      { account: key('KRUGS4ZANFZSAYLO', 'New') },
      NOW,
      counter(),
    );
    expect(result).toEqual({ id: 'new1' });
    expect(ids(payload)).toEqual(['totp', 'hotp', 'recent', 'old', 'new1']);
    expect(byId(payload, 'new1')).toEqual({
      ...key('KRUGS4ZANFZSAYLO', 'New'),
      id: 'new1',
      origins: [],
      createdAt: NOW,
    });
  });

  it('a deleted account does not make a duplicate', () => {
    const { result } = addAccount(vault(), { account: key(RECENT.secret, 'Recent') }, NOW, counter());
    expect(result.id).toBe('new1');
  });

  it('the same secret under another label is another key', () => {
    expect(addAccount(vault(), { account: key(TOTP.secret, 'Other') }, NOW, counter()).result.id).toBe(
      'new1',
    );
  });
});

describe('accounts core: add many (import, enrolment)', () => {
  const A = key('KRUGS4ZANFZSAYLO', 'A');
  const B = key('MZXW6YTBOI', 'B');

  it('duplicates against the vault and within the batch are counted, not added', () => {
    const newId = counter();
    const { payload, result } = addAccounts(
      vault(),
      {
        accounts: [
          { account: A },
          { account: TOTP },
          { account: A },
          { account: B },
          { account: key(RECENT.secret, 'Recent') },
        ],
      },
      NOW,
      newId,
    );
    expect(result).toEqual({
      added: ['new1', 'new2', 'new3'],
      duplicates: 2,
      entries: [
        { id: 'new1', added: true },
        { id: 'totp', added: false },
        { id: 'new1', added: false },
        { id: 'new2', added: true },
        { id: 'new3', added: true },
      ],
    });
    expect(ids(payload)).toEqual(['totp', 'hotp', 'recent', 'old', 'new1', 'new2', 'new3']);
    expect(byId(payload, 'new1')).toEqual({ ...A, id: 'new1', origins: [], createdAt: NOW });
    // Without a site, the account an entry duplicates is left as it is.
    expect(byId(payload, 'totp')).toEqual(TOTP);
  });

  it('a scan site binds new accounts and the accounts they duplicate, once', () => {
    const input = vault();
    const { payload } = addAccounts(
      input,
      { accounts: [{ account: A }, { account: TOTP }, { account: A }], site: OTHER },
      NOW,
      counter(),
    );
    expect(byId(payload, 'new1').origins).toEqual([OTHER]);
    expect(byId(payload, 'totp').origins).toEqual([SITE, OTHER]);
    expect(byId(payload, 'totp').autoFill).toEqual([SITE]);
    // Scanned where it is bound already: nothing changes.
    const again = addAccounts(input, { accounts: [{ account: TOTP }], site: SITE }, NOW, counter());
    expect(byId(again.payload, 'totp')).toEqual(TOTP);
  });

  it('an import keeps its sites (once each) and marks a backup file’s accounts backed up', () => {
    const { payload } = addAccounts(
      vault(),
      {
        accounts: [
          { account: A, origins: [SITE, OTHER, SITE], backedUp: true },
          { account: B, origins: [], backedUp: false },
        ],
      },
      NOW,
      counter(),
    );
    expect(byId(payload, 'new1')).toEqual({
      ...A,
      id: 'new1',
      origins: [SITE, OTHER],
      createdAt: NOW,
      backedUpAt: NOW,
    });
    expect(byId(payload, 'new2')).not.toHaveProperty('backedUpAt');
  });

  it('asks for an id only for each account it adds', () => {
    let calls = 0;
    addAccounts(vault(), { accounts: [{ account: TOTP }, { account: A }] }, NOW, () => `id${++calls}`);
    expect(calls).toBe(1);
  });

  it('findDuplicates: the same rule, for a preview', () => {
    expect(
      findDuplicates(vault(), [
        A,
        TOTP,
        A,
        B,
        key(RECENT.secret, 'Recent'),
        key(TOTP.secret, 'Console', 'hotp'),
      ]),
    ).toEqual([false, true, true, false, false, false]);
  });
});

describe('accounts core: edit', () => {
  it('a rename keeps the backup mark, the sites and the id', () => {
    const { payload, result } = updateAccount(vault(), {
      id: 'totp',
      patch: { issuer: 'Renamed', account: 'you' },
    });
    expect(result).toEqual({ id: 'totp' });
    expect(byId(payload, 'totp')).toEqual({ ...TOTP, issuer: 'Renamed', account: 'you' });
  });

  it.each([
    ['secret', { secret: 'KRUGS4ZANFZSAYLO' }],
    ['digits', { digits: 8 }],
    ['period', { period: 60 }],
    ['algorithm', { algorithm: 'SHA256' as const }],
    ['type', { type: 'hotp' as const }],
  ])('a new %s drops the backup mark', (_field, patch) => {
    const { payload } = updateAccount(vault(), { id: 'totp', patch });
    expect(byId(payload, 'totp')).not.toHaveProperty('backedUpAt');
  });

  it('an empty secret keeps the stored one', () => {
    const { payload } = updateAccount(vault(), { id: 'totp', patch: { secret: '  ' } });
    expect(byId(payload, 'totp')).toEqual(TOTP);
  });
});

describe('accounts core: sites', () => {
  it('bind adds a site once', () => {
    const once = bindSite(vault(), { id: 'totp', origin: OTHER }).payload;
    expect(byId(once, 'totp').origins).toEqual([SITE, OTHER]);
    expect(byId(bindSite(deepFreeze(once), { id: 'totp', origin: OTHER }).payload, 'totp').origins).toEqual([
      SITE,
      OTHER,
    ]);
  });

  it('set origins keeps each once and drops the automatic fill of a removed site', () => {
    const { payload } = setOrigins(vault(), { id: 'totp', origins: [OTHER, OTHER] });
    expect(byId(payload, 'totp').origins).toEqual([OTHER]);
    expect(byId(payload, 'totp').autoFill).toEqual([]);
    // An account that never chose automatic fill gets no autoFill member.
    expect(byId(setOrigins(vault(), { id: 'hotp', origins: [SITE] }).payload, 'hotp')).not.toHaveProperty(
      'autoFill',
    );
  });

  it('unbind removes one site and its automatic fill', () => {
    const { payload } = unbindSite(vault(), { id: 'totp', origin: SITE });
    expect(byId(payload, 'totp')).toMatchObject({ origins: [], autoFill: [] });
  });
});

describe('accounts core: delete, undo, purge', () => {
  it('delete hides the account; undo brings it back as it was', () => {
    const deleted = deleteAccount(vault(), { id: 'totp' }, NOW);
    expect(deleted.result).toEqual({ id: 'totp' });
    expect(byId(deleted.payload, 'totp').deletedAt).toBe(NOW);
    expect(liveAccounts(deleted.payload).map((a) => a.id)).toEqual(['hotp']);
    const restored = restoreAccount(deepFreeze(deleted.payload), { id: 'totp' });
    expect(byId(restored.payload, 'totp')).toEqual(TOTP);
    expect(Object.keys(byId(restored.payload, 'totp'))).not.toContain('deletedAt');
  });

  it.each([
    ['deleted just now', 0, true],
    ['deleted one ms inside the window', UNDO_WINDOW_MS - 1, true],
    ['deleted exactly the window ago', UNDO_WINDOW_MS, false],
    ['deleted longer ago', UNDO_WINDOW_MS + 1, false],
  ])('purge: an account %s is %s', (_when, age, kept) => {
    const gone = { ...RECENT, deletedAt: NOW - age };
    const { payload, result } = purgeDeleted(vault({ accounts: [TOTP, gone] }), NOW);
    expect(ids(payload)).toEqual(kept ? ['totp', 'recent'] : ['totp']);
    expect(result.purged).toEqual(kept ? [] : ['recent']);
  });

  it('purge keeps every live account and the rest of the payload', () => {
    const { payload, result } = purgeDeleted(vault({ lastBackupAt: 7, reminderDismissedAt: 2 }), NOW);
    expect(payload).toEqual({
      schema: 1,
      accounts: [TOTP, HOTP, RECENT],
      lastBackupAt: 7,
      reminderDismissedAt: 2,
    });
    expect(result.purged).toEqual(['old']);
  });
});

describe('accounts core: HOTP counter', () => {
  it('moves the counter on by one and answers a copy of the account', () => {
    const { payload, result } = advanceHotp(vault(), { id: 'hotp' });
    expect(byId(payload, 'hotp').counter).toBe(6);
    expect(result.account).toEqual({ ...HOTP, counter: 6 });
    expect(result.account).not.toBe(byId(payload, 'hotp'));
  });
});

describe('accounts core: automatic fill', () => {
  it('on: binds the origin if needed and answers the origins wanted', () => {
    const { payload, result } = setAutoFill(vault(), { id: 'totp', origin: OTHER, on: true });
    expect(byId(payload, 'totp')).toMatchObject({ origins: [SITE, OTHER], autoFill: [SITE, OTHER] });
    expect(result.wanted).toEqual([SITE, OTHER].sort());
  });

  it('off: keeps the site, drops the choice (HOTP and plain http can always be turned off)', () => {
    const { payload, result } = setAutoFill(vault(), { id: 'totp', origin: SITE, on: false });
    expect(byId(payload, 'totp')).toMatchObject({ origins: [SITE], autoFill: [] });
    expect(result.wanted).toEqual([]);
    expect(setAutoFill(vault(), { id: 'hotp', origin: SITE, on: false }).result.wanted).toEqual([SITE]);
    expect(
      setAutoFill(vault(), { id: 'totp', origin: 'http://example.com', on: false }).result.wanted,
    ).toEqual([SITE]);
  });

  it('only bound, secure, non-HOTP choices of live accounts fill', () => {
    const stale: StoredAccount = { ...TOTP, origins: [], autoFill: [SITE] };
    const insecure: StoredAccount = {
      ...TOTP,
      origins: ['http://example.com'],
      autoFill: ['http://example.com'],
    };
    const hotp: StoredAccount = { ...HOTP, origins: [SITE], autoFill: [SITE] };
    expect([stale, insecure, hotp].map(autoFillOrigins)).toEqual([[], [], []]);
    const deleted: StoredAccount = { ...TOTP, origins: [OTHER], autoFill: [OTHER], id: 'x', deletedAt: NOW };
    expect(wantedAutoFillOrigins(vault({ accounts: [deleted, TOTP, TOTP] }))).toEqual([SITE]);
  });
});

describe('accounts core: backups', () => {
  it('marks the exported accounts; a backup file is also the last backup', () => {
    const { payload, result } = markBackedUp(vault(), { ids: ['hotp', 'recent'], backupFile: true }, NOW);
    expect(result).toEqual({ marked: 2 });
    expect(byId(payload, 'hotp').backedUpAt).toBe(NOW);
    expect(byId(payload, 'recent').backedUpAt).toBe(NOW);
    expect(byId(payload, 'totp').backedUpAt).toBe(TOTP.backedUpAt);
    expect(payload.lastBackupAt).toBe(NOW);
    expect(markBackedUp(vault(), { ids: ['hotp'], backupFile: false }, NOW).payload).not.toHaveProperty(
      'lastBackupAt',
    );
  });
});

describe('accounts core: inPlace (the keeper.mutate adapter)', () => {
  it('puts the transition’s payload into the draft and answers its result', () => {
    const draft = structuredClone(vault({ lastBackupAt: 3 }));
    const result = inPlace((p) => {
      const { payload } = purgeDeleted(p, NOW);
      const { lastBackupAt: _dropped, ...rest } = payload;
      return { payload: rest, result: 'done' };
    })(draft);
    expect(result).toBe('done');
    expect(draft).toEqual({ schema: 1, accounts: [TOTP, HOTP, RECENT] });
  });

  it('a refusal leaves the draft as it was', () => {
    const draft = structuredClone(vault());
    expect(() => inPlace((p) => advanceHotp(p, { id: 'totp' }))(draft)).toThrow(KeeperError);
    expect(draft).toEqual(vault());
  });
});

describe('the rule stays true: only the accounts core changes accounts', () => {
  const root = join(__dirname, '../../../../lib/keeper');
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f))
    .filter((f) => relative(root, f) !== join('accounts', 'accounts.ts'));
  /** Writes to an account or to the list of accounts (reading them is fine). */
  const WRITES: RegExp[] = [
    /\.accounts\s*(=(?!=)|\+=)/,
    /\baccounts\.(push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin)\(/,
    /\.(deletedAt|backedUpAt|autoFill|origins|createdAt|lastBackupAt)\s*(=(?!=)|\+=|-=|\+\+|--)/,
    /\.counter\s*(\+=|-=|\+\+|--)|(\+\+|--)\s*[\w.]+\.counter\b/,
    /\bdelete\s+[\w.[\]'"]+\.(deletedAt|backedUpAt|autoFill|origins|counter)\b/,
    /\.(origins|autoFill)\.(push|pop|shift|unshift|splice|sort|reverse|fill)\(/,
    /Object\.assign\(/,
  ];

  it('finds the keeper’s source files', () => {
    expect(files.map((f) => relative(root, f))).toEqual(
      expect.arrayContaining([
        'handlers.ts',
        'scan/enrol.ts',
        'backup/backup-handlers.ts',
        'keeper.ts',
        'fill/fill-handlers.ts',
      ]),
    );
  });

  it.each(WRITES.map((pattern) => [String(pattern), pattern] as const))(
    'no file but the core matches %s',
    (_name, pattern) => {
      const offenders = files
        .filter((f) => pattern.test(readFileSync(f, 'utf8')))
        .map((f) => relative(root, f));
      expect(offenders).toEqual([]);
    },
  );

  it('"is this account live" is answered only by the core', () => {
    const asking = files
      .filter((f) => !f.endsWith('stored-account.ts'))
      .filter((f) => /deletedAt/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(asking).toEqual([]);
  });

  it('the patterns catch the writes they are for', () => {
    const samples = [
      'payload.accounts = []',
      'payload.accounts.push(a)',
      'account.deletedAt = now',
      'current.counter += 1',
      'delete found.deletedAt',
      'account.origins.push(origin)',
      'Object.assign(current, next)',
    ];
    for (const sample of samples)
      expect(
        WRITES.some((p) => p.test(sample)),
        sample,
      ).toBe(true);
    expect(
      WRITES.some((p) => p.test('const live = payload.accounts.filter(isLive); a.deletedAt === undefined')),
    ).toBe(false);
  });
});

describe('the order of the list: move, pin, sort', () => {
  const named = (id: string, issuer: string, extra: Partial<StoredAccount> = {}): StoredAccount => ({
    ...key(`SECRET${id.toUpperCase()}`, issuer),
    id,
    origins: [],
    createdAt: NOW,
    ...extra,
  });
  const payload = (...accounts: StoredAccount[]): VaultPayload => ({ schema: 1, accounts });
  const ids = (p: VaultPayload) => listedAccounts(p).map((a) => a.id);
  const base = payload(
    named('a', 'Okta'),
    named('b', 'AWS', { pinned: true }),
    named('c', 'トレンドマイクロ'),
    named('d', 'Webroot', { deletedAt: NOW }),
    named('e', 'entra'),
  );

  it('lists the pinned accounts first, each group in stored order, without deleted ones', () => {
    expect(ids(base)).toEqual(['b', 'a', 'c', 'e']);
  });

  it.each([
    ['to the top of the others', 'e', 1, ['b', 'e', 'a', 'c']],
    ['down one', 'a', 2, ['b', 'c', 'a', 'e']],
    ['to the end', 'a', 3, ['b', 'c', 'e', 'a']],
    ['past the end: clamped', 'a', 99, ['b', 'c', 'e', 'a']],
    ['into the pinned group: clamped to its own', 'c', 0, ['b', 'c', 'a', 'e']],
    ['a pinned one stays among the pinned', 'b', 3, ['b', 'a', 'c', 'e']],
  ] as const)('moves %s', (_what, id, to, order) => {
    const { payload: moved, result } = moveAccount(base, { id, to });
    expect(ids(moved)).toEqual(order);
    expect(result.position).toBe(order.indexOf(id));
    // The deleted account still waits for its undo window; the input is unchanged.
    expect(moved.accounts.find((a) => a.id === 'd')?.deletedAt).toBe(NOW);
    expect(ids(base)).toEqual(['b', 'a', 'c', 'e']);
  });

  it('any move keeps every account, deleted ones included, and puts the account where it was asked', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', 'b', 'c', 'e'), fc.integer({ min: 0, max: 6 }), (id, to) => {
        const { payload: moved } = moveAccount(base, { id, to });
        expect(moved.accounts.map((a) => a.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(
          listedAccounts(moved)
            .filter((a) => a.pinned)
            .map((a) => a.id),
        ).toEqual(['b']);
      }),
    );
  });

  it('pins to the end of the pinned ones, unpins to the top of the others; refuses deleted accounts', () => {
    const pinned = pinAccount(base, { id: 'e', pinned: true }).payload;
    expect(ids(pinned)).toEqual(['b', 'e', 'a', 'c']);
    expect(liveAccount(pinned, 'e').pinned).toBe(true);
    const unpinned = pinAccount(pinned, { id: 'b', pinned: false }).payload;
    expect(ids(unpinned)).toEqual(['e', 'b', 'a', 'c']);
    expect(liveAccount(unpinned, 'b')).not.toHaveProperty('pinned');
    expect(() => pinAccount(base, { id: 'd', pinned: true })).toThrow(KeeperError);
    expect(() => moveAccount(base, { id: 'd', to: 0 })).toThrow(KeeperError);
  });

  it('sorts A–Z by issuer then account, case- and width-blind, the pinned ones among themselves', () => {
    const sorted = sortAccounts(pinAccount(base, { id: 'c', pinned: true }).payload).payload;
    expect(ids(sorted)).toEqual(['b', 'c', 'e', 'a']);
  });
});
