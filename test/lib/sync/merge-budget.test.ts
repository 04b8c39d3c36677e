/** Budget of issue #18: merging 200 accounts takes at most 50 ms (measured here: the median of 25 merges). */
import { describe, expect, it } from 'vitest';
import { bindSite, updateAccount } from '../../../lib/keeper/accounts/accounts';
import { applyToPayload, materialise, merge, recordLocalChanges } from '../../../lib/sync';
import { change, deliver, replica, stored, withAccounts } from './sync-support';

const T = 1_700_000_000_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((x, y) => x - y);
  return sorted[sorted.length >> 1]!;
}

function timed(run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < 25; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

describe('merging 200 accounts', () => {
  it('takes well under 50 ms, the whole receive included', () => {
    const accounts = Array.from({ length: 200 }, (_, i) =>
      stored(`id${String(i).padStart(3, '0')}`, {
        secret: `SECRET${String(i).replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!)}`,
        origins: [`https://console${i}.example.com`, `https://login${i}.example.com`],
        autoFill: [`https://console${i}.example.com`],
      }),
    );
    let a = change(replica('A'), T, withAccounts(accounts));
    let b = deliver(replica('B'), a.state, T + 1);
    // Apart: each side renames and binds 50 accounts of its own.
    for (let i = 0; i < 50; i += 1) {
      const id = `id${String(i).padStart(3, '0')}`;
      const other = `id${String(100 + i).padStart(3, '0')}`;
      a = change(a, T + 10 + i, (p) => updateAccount(p, { id, patch: { issuer: `A ${i}` } }));
      b = change(b, T + 10 + i, (p) => bindSite(p, { id: other, origin: 'https://b.example.com' }));
    }
    const merged = materialise(merge(a.state, b.state));
    expect(merged).toHaveLength(200);
    expect(merged[0]?.issuer).toBe('A 0');
    expect(merged[100]?.origins).toContain('https://b.example.com');
    const mergeMs = timed(() => merge(a.state, b.state));
    const receiveMs = timed(() => {
      const merged = merge(a.state, b.state);
      recordLocalChanges(merged, applyToPayload(a.payload, merged), 'A', T + 100);
    });
    console.info(
      `sync merge of 200 accounts: median ${mergeMs.toFixed(2)} ms; with materialise and record ${receiveMs.toFixed(2)} ms`,
    );
    expect(mergeMs).toBeLessThan(50);
    expect(receiveMs).toBeLessThan(50);
  });
});
