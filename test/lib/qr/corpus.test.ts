import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQr } from '@/lib/index';
import { FAMILIES, isUndegraded, qrCorpus, type QrCase } from '../../support/qr-corpus';

/** The bar: every undegraded crop decodes, and this share of all of them. */
const OVERALL_BAR = 0.97;

interface Outcome {
  qr: QrCase;
  decoded: string | null;
}

let outcomes: Outcome[] = [];

function table(rows: readonly Outcome[]): string {
  const groups = new Map<string, Outcome[]>();
  for (const o of rows) {
    const key = `${o.qr.family} / ${o.qr.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const lines = [...groups].map(([key, group]) => {
    const ok = group.filter((o) => o.decoded === o.qr.text).length;
    return `${key.padEnd(40)} ${String(ok).padStart(3)}/${group.length}`;
  });
  const ok = rows.filter((o) => o.decoded === o.qr.text).length;
  return [
    ...lines,
    `${'all'.padEnd(40)} ${ok}/${rows.length} (${((100 * ok) / rows.length).toFixed(1)} %)`,
  ].join('\n');
}

describe('decodeQr on the generated corpus of page crops', () => {
  beforeAll(() => {
    outcomes = qrCorpus().map((qr) => ({ qr, decoded: decodeQr(qr.image) }));
    console.log(`QR corpus, decoded per family / variant:\n${table(outcomes)}`);
  }, 120_000);

  it('covers every family with several cases, undegraded ones among them', () => {
    for (const family of Object.values(FAMILIES)) {
      expect(outcomes.filter((o) => o.qr.family === family).length, family).toBeGreaterThanOrEqual(8);
    }
    expect(outcomes.filter((o) => isUndegraded(o.qr)).length).toBeGreaterThanOrEqual(40);
  });

  it('decodes every undegraded crop to exactly its text', () => {
    const missed = outcomes.filter((o) => isUndegraded(o.qr) && o.decoded !== o.qr.text);
    expect(missed.map((o) => `${o.qr.family} / ${o.qr.variant}: ${o.decoded}`)).toEqual([]);
  });

  it(`decodes at least ${OVERALL_BAR * 100} % of all crops, and never to a wrong text`, () => {
    const decoded = outcomes.filter((o) => o.decoded === o.qr.text).length;
    expect(decoded / outcomes.length).toBeGreaterThanOrEqual(OVERALL_BAR);
    const wrong = outcomes.filter((o) => o.decoded !== null && o.decoded !== o.qr.text);
    expect(wrong.map((o) => `${o.qr.family} / ${o.qr.variant}`)).toEqual([]);
  });
});
