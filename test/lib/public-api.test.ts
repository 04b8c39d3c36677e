/** The public API of lib/index.ts, used the way docs/library-api.md shows, in plain Node. */
import { describe, expect, it } from 'vitest';
import * as lib from '@/lib/index';
import {
  exportAccounts,
  formatOtpauthUri,
  generateCode,
  importAccounts,
  parseOtpauthUri,
  type Account,
} from '@/lib/index';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';

describe('lib/index.ts', () => {
  it('exports the contract of architecture.md', () => {
    for (const name of ['parseOtpauthUri', 'formatOtpauthUri', 'generateCode']) {
      expect(typeof (lib as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('parses a console QR, formats it back, and computes its code', async () => {
    const account: Account = parseOtpauthUri(
      'otpauth://totp/abc%40example.co.jp?secret=ABCDEFGHIJKL2345&issuer=Trend%20Micro%20SaaS%20Account',
    );
    expect(account).toEqual({
      type: 'totp',
      issuer: 'Trend Micro SaaS Account',
      account: 'abc@example.co.jp',
      secret: 'ABCDEFGHIJKL2345',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
    expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
    expect(await generateCode(account, 0)).toMatch(/^\d{6}$/);
  });

  it('throws Error subclasses with a string code', () => {
    try {
      parseOtpauthUri('otpauth://totp/x?secret=0189');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as { code: unknown }).code).toBe('invalid-secret');
    }
  });

  it('computes the RFC 6238 SHA1 vector at t = 59 s', async () => {
    const rfc: Account = {
      type: 'totp',
      issuer: '',
      account: 'rfc',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      algorithm: 'SHA1',
      digits: 8,
      period: 30,
      counter: 0,
    };
    expect(await generateCode(rfc, 59_000)).toBe('94287082');
  });

  it('exports and imports every format it writes (issue #5 API), errors with a string code', async () => {
    const accounts = [...SHARED_ACCOUNTS];
    const backup = await exportAccounts(accounts, 'sekimori-backup', { password: 'backup password 1' });
    const restored = await importAccounts(backup, { password: 'backup password 1' });
    expect(restored.map(({ origins: _o, createdAt: _c, ...a }) => a)).toEqual(accounts);
    await expect(importAccounts(backup)).rejects.toMatchObject({ code: 'password-required' });
    await expect(importAccounts(backup, { password: 'nope nope' })).rejects.toMatchObject({
      code: 'wrong-password',
    });
    expect(await importAccounts(await exportAccounts(accounts, 'otpauth-list'))).toEqual(accounts);
    const google = accounts.filter((a) => a.type !== 'steam' && a.period === 30 && a.digits !== 7);
    const uris = await exportAccounts(google, 'google-migration');
    expect(await importAccounts(uris[0]!)).toEqual(google);
    await expect(importAccounts('not a backup at all')).rejects.toMatchObject({ code: 'not-a-backup' });
  });
});
