/** Small numeric helpers for the benchmark: medians and repeated timing. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Milliseconds one call of `task` takes, by the Node clock. */
export async function timeMs(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/**
 * Runs `measure` `warmup` times (results dropped), then `runs` times, and returns the kept samples.
 * `measure` returns one sample in milliseconds (so it may time itself, e.g. inside a browser page).
 */
export async function sample(
  runs: number,
  warmup: number,
  measure: (index: number) => Promise<number>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await measure(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(i));
  return samples;
}

/** "min–max" of samples, for progress logs. */
export function spread(values: readonly number[], digits = 1): string {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}
