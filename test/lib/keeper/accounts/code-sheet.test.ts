import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asCodeSheet, CODE_SHEET_SPAN_MS, codesFromSheet } from '@/lib/protocol/code-sheet';
import { makeCodeSheet } from '@/lib/keeper/accounts/code-sheet';
import { listCodes } from '@/lib/keeper/accounts/list-codes';
import type { VaultPayload } from '@/lib/keeper/accounts/stored-account';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const FROM = Date.UTC(2026, 11, 7, 9, 0, 12, 345);

/** The shared accounts (30 s, 60 s, HOTP, Steam), one pinned and one deleted, as a vault holds them. */
const payload: VaultPayload = {
  schema: 1,
  accounts: SHARED_ACCOUNTS.map((a, i) => ({
    ...a,
    id: `id-${i}`,
    origins: i === 0 ? ['https://console.example.jp'] : [],
    createdAt: FROM - 1000,
    ...(i === 2 ? { pinned: true as const } : {}),
    ...(i === 3 ? { deletedAt: FROM - 10 } : {}),
  })),
};

const sheetAt = (shift: number) =>
  makeCodeSheet(payload, { revision: 7, shift, from: FROM, span: CODE_SHEET_SPAN_MS, backup: null });

describe('code sheet', () => {
  it('gives, at any time it covers, exactly the list the background computes then (with a clock shift too)', async () => {
    for (const shift of [0, 4_321, -61_000]) {
      const sheet = await sheetAt(shift);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: CODE_SHEET_SPAN_MS - 1 }), async (offset) => {
          const now = FROM + offset;
          const expected = (await listCodes(payload, now + shift)).map((c) => ({
            ...c,
            validUntilMs: c.validUntilMs === 0 ? 0 : c.validUntilMs - shift,
          }));
          expect(codesFromSheet(sheet, now)).toEqual(expected);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('covers its span and no more: before it, at its end and after it there is no list', async () => {
    const sheet = await sheetAt(0);
    expect(codesFromSheet(sheet, FROM - 1)).toBeNull();
    expect(codesFromSheet(sheet, FROM + CODE_SHEET_SPAN_MS)).toBeNull();
    expect(codesFromSheet(sheet, FROM + CODE_SHEET_SPAN_MS - 1)).not.toBeNull();
    // Its rows follow the list's order (pinned first) and leave the deleted account out.
    expect(sheet.rows.map((r) => r.view.id)).toEqual((await listCodes(payload, FROM)).map((c) => c.id));
    expect(sheet.rows.map((r) => r.view.id)).not.toContain('id-3');
  });

  it('holds no secret', async () => {
    const text = JSON.stringify(await sheetAt(0));
    for (const a of SHARED_ACCOUNTS) expect(text).not.toContain(a.secret);
    expect(text).not.toContain('"secret"');
  });

  it('reads back only what it wrote', async () => {
    const sheet = await sheetAt(0);
    expect(asCodeSheet(JSON.parse(JSON.stringify(sheet)))).toEqual(sheet);
    for (const bad of [
      null,
      'x',
      {},
      { ...sheet, rows: 'x' },
      { ...sheet, until: '1' },
      { ...sheet, rows: [null] },
    ])
      expect(asCodeSheet(bad)).toBeNull();
  });
});
