/** The on-page confirmation after a scan: counts, names and transfer progress, in both languages. */
import { describe, expect, it } from 'vitest';
import { errorLine, outcomeLines } from '@/entrypoints/scan.content/outcome-text';
import type { ErrorCode } from '@/lib/messages';
import { translator } from '../support/translate';

const added = { result: 'added' as const, duplicates: 0, skipped: 0 };

describe('scan confirmation', () => {
  const en = translator('en');
  const ja = translator('ja');

  it('names one account, counts several', () => {
    expect(outcomeLines(en, { ...added, added: 1, labels: ['Trend Micro SaaS Account (abc****)'] })).toEqual([
      'Added: Trend Micro SaaS Account (abc****)',
    ]);
    expect(outcomeLines(ja, { ...added, added: 3, labels: ['a', 'b', 'c'] })).toEqual([
      '3件のアカウントを追加しました。',
    ]);
  });

  it('says when everything was already there', () => {
    expect(outcomeLines(en, { ...added, added: 0, duplicates: 1, labels: [] })).toEqual([
      'Already in Sekimori: nothing was added.',
    ]);
  });

  it('tells which transfer QR codes are still to scan (1-based)', () => {
    const lines = outcomeLines(en, {
      ...added,
      added: 10,
      labels: [],
      batch: { batchId: 1, index: 0, size: 3, missingCount: 2, missingRanges: [[1, 2]] },
    });
    expect(lines).toEqual([
      'Added 10 accounts.',
      'QR code 1 of 3 read. Still to scan: 2–3. Show the next QR code and scan again.',
    ]);
    const done = outcomeLines(ja, {
      ...added,
      added: 2,
      skipped: 1,
      labels: [],
      batch: { batchId: 1, index: 1, size: 2, missingCount: 0, missingRanges: [] },
    });
    expect(done).toEqual([
      '2件のアカウントを追加しました。',
      '1件はSekimoriが対応していない種類のため取り込めませんでした。',
      'QRコード2/2を読み取りました。このエクスポートのQRコードはすべて読み取りました。',
    ]);
  });

  it('lists missing transfer QR codes as ranges, and how many more when the background listed only the first', () => {
    const line = (missingCount: number, missingRanges: [number, number][]) =>
      outcomeLines(en, {
        ...added,
        added: 1,
        labels: ['a'],
        batch: { batchId: 1, index: 2, size: 100, missingCount, missingRanges },
      })[1];
    expect(
      line(3, [
        [0, 1],
        [3, 3],
      ]),
    ).toBe('QR code 3 of 100 read. Still to scan: 1–2, 4. Show the next QR code and scan again.');
    expect(
      line(99, [
        [0, 1],
        [3, 9],
      ]),
    ).toBe(
      'QR code 3 of 100 read. Still to scan: 1–2, 4–10 and 90 more. Show the next QR code and scan again.',
    );
  });

  it('asks to unlock when the vault is locked', () => {
    expect(outcomeLines(en, { result: 'locked' })[0]).toMatch(/^Sekimori is locked/);
  });

  it('turns every error code into a sentence, unknown ones into the generic one', () => {
    expect(errorLine(en, 'not-otp-link')).not.toMatch(/error_/);
    expect(errorLine(ja, 'scan-not-allowed')).toContain('画像から追加');
    // A code from a newer background that this version does not know.
    expect(errorLine(en, 'no-such-code' as ErrorCode)).toBe(en('error_internal'));
  });
});
