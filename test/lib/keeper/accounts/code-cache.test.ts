import { describe, expect, it } from 'vitest';
import { CodeCache } from '@/lib/keeper/accounts/code-cache';
import type { CodeView } from '@/lib/messages';

const view = (validUntilMs: number, code: string) =>
  ({ id: 'a', code, next: '', validUntilMs }) as unknown as CodeView;

describe('code cache', () => {
  it('reuses codes for the same record until the first one changes, then recomputes', async () => {
    const cache = new CodeCache();
    let computed = 0;
    const compute = (code: string) => async () => (computed++, [view(30_000, code), view(60_000, code)]);
    expect((await cache.get('r1', 1_000, compute('111111')))[0]!.code).toBe('111111');
    expect((await cache.get('r1', 29_999, compute('222222')))[0]!.code).toBe('111111');
    expect(computed).toBe(1);
    expect((await cache.get('r1', 30_000, compute('333333')))[0]!.code).toBe('333333');
    expect((await cache.get('r2', 30_001, compute('444444')))[0]!.code).toBe('444444');
    expect((await cache.get('r2', 10, compute('555555')))[0]!.code).toBe('555555'); // clock went back
    cache.clear();
    expect((await cache.get('r2', 10, compute('666666')))[0]!.code).toBe('666666');
    expect(computed).toBe(5);
  });
});
