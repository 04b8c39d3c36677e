/**
 * A/B of popup start-up: two builds of the extension loaded in the same Chromium, seeded alike, opened
 * alternately (A, B, A, B…), so that the machine's swings (large on a shared 2-core VM) hit both equally.
 *
 *   node --import tsx bench/ab.ts <dir A> <dir B> [runs per side, default 25] [--cold]
 *
 * With `--cold`, the service workers are stopped before every opening (as Chrome does after 30 s idle); each
 * side's popup was opened once before, so a code sheet written ahead is there if the build writes one.
 *
 * Both directories must be `npm run build:e2e` outputs (copy one aside before changing the code).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchExtension, type ExtensionSession } from '../test/e2e/harness';
import { ACCOUNT_COUNT, realisticAccounts } from './accounts';
import { openReadyPopup } from './popup-ready';
import { seedVault } from './seed';
import { median } from './stats';

/** Percentile bootstrap of the median (2 000 resamples, fixed seed so that a rerun on the same data agrees). */
function bootstrapMedianCi(values: readonly number[]): [number, number] {
  let seed = 0x2f6fde;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const medians: number[] = [];
  for (let i = 0; i < 2000; i++) {
    medians.push(median(values.map(() => values[Math.floor(random() * values.length)]!)));
  }
  medians.sort((x, y) => x - y);
  return [medians[50]!, medians[1949]!];
}

async function main(): Promise<void> {
  const cold = process.argv.includes('--cold');
  const [a, b, runsArg] = process.argv.slice(2).filter((arg) => arg !== '--cold');
  if (!a || !b) throw new Error('usage: bench/ab.ts <dir A> <dir B> [runs]');
  const dirs = { A: resolve(a), B: resolve(b) };
  const runs = Number(runsArg ?? 25);
  for (const [side, dir] of Object.entries(dirs)) await writeFile(resolve(dir, 'ab-side.txt'), side);
  const both = `${dirs.A},${dirs.B}`;
  const session = await launchExtension({
    extensionPath: dirs.A,
    args: [`--disable-extensions-except=${both}`, `--load-extension=${both}`],
  });
  try {
    const ctx = session.context;
    while (new Set(ctx.serviceWorkers().map((w) => new URL(w.url()).host)).size < 2) {
      await ctx.waitForEvent('serviceworker');
    }
    const sides = new Map<string, ExtensionSession>();
    for (const id of new Set(ctx.serviceWorkers().map((w) => new URL(w.url()).host))) {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${id}/ab-side.txt`);
      const side = ((await page.textContent('body')) ?? '').trim();
      await page.close();
      const openPopup = async (query?: string) => {
        const p = await ctx.newPage();
        await p.goto(`chrome-extension://${id}/popup.html${query ? `?${query}` : ''}`);
        return p;
      };
      sides.set(side, { ...session, extensionId: id, openPopup });
    }
    const drafts = realisticAccounts();
    for (const s of sides.values()) await seedVault(s, 'a/b bench password', drafts);
    if (cold) {
      for (const s of sides.values()) await (await openReadyPopup(s, ACCOUNT_COUNT)).page.close();
      await new Promise((r) => setTimeout(r, 2500));
    }
    const samples: Record<string, number[]> = { A: [], B: [] };
    for (let i = -2; i < runs; i++) {
      for (const side of i % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
        if (cold) await session.stopServiceWorker();
        const { page, marks } = await openReadyPopup(sides.get(side)!, ACCOUNT_COUNT);
        await page.close();
        if (i >= 0) samples[side]!.push(marks.painted);
        await new Promise((r) => setTimeout(r, 120));
      }
    }
    const diffs = samples.A!.map((v, i) => samples.B![i]! - v);
    if (cold) console.log('cold: service workers stopped before each opening');
    console.log(`A ${dirs.A}: median ${median(samples.A!).toFixed(1)} ms`);
    console.log(`B ${dirs.B}: median ${median(samples.B!).toFixed(1)} ms`);
    const [low, high] = bootstrapMedianCi(diffs);
    console.log(
      `B − A, median of paired differences: ${median(diffs).toFixed(1)} ms over ${runs} pairs ` +
        `(95 % bootstrap CI ${low.toFixed(1)} … ${high.toFixed(1)})`,
    );
  } finally {
    await session.close();
  }
}

void main();
