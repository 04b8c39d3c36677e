/**
 * What an open popup costs while the user only looks at it: main-thread busy time per second, from CDP
 * `Performance.getMetrics` (cumulative task/script/layout/style durations of the page's renderer) sampled once a
 * second over the window.
 */
import type { ExtensionSession } from '../test/e2e/harness';
import { openReadyPopup } from './popup-ready';

interface Metric {
  name: string;
  value: number;
}

const FIELDS = [
  'TaskDuration',
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
  'Timestamp',
] as const;
type Snapshot = Record<(typeof FIELDS)[number], number>;

export interface IdleResult {
  /** Busy (TaskDuration) ms per second over the whole window. */
  busyMsPerS: number;
  scriptMsPerS: number;
  layoutMsPerS: number;
  styleMsPerS: number;
  /** Busy ms of each one-second slice. */
  perSecond: number[];
  windowS: number;
  /** The countdown text changed during the window (so the page really was ticking, not throttled). */
  ticked: boolean;
  /** A 30 s step ended inside the window, so the popup refetched and re-rendered every code once. */
  crossedStep: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function idleCost(
  session: ExtensionSession,
  count: number,
  opts: { windowS: number; settleMs: number },
): Promise<IdleResult> {
  const { page } = await openReadyPopup(session, count);
  try {
    await page.bringToFront();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const snapshot = async (): Promise<Snapshot> => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Metric[] };
      const byName = new Map(metrics.map((m) => [m.name, m.value]));
      return Object.fromEntries(FIELDS.map((f) => [f, byName.get(f) ?? NaN])) as Snapshot;
    };
    const countdown = () => page.evaluate(`document.querySelector('.countdown')?.textContent ?? ''`);

    await sleep(opts.settleMs);
    const before = await countdown();
    const startedAt = Date.now();
    const snapshots = [await snapshot()];
    for (let s = 0; s < opts.windowS; s++) {
      await sleep(1000);
      snapshots.push(await snapshot());
    }
    const after = await countdown();
    const crossedStep = Math.floor(startedAt / 30_000) !== Math.floor(Date.now() / 30_000);
    await cdp.detach();

    const first = snapshots[0]!;
    const last = snapshots[snapshots.length - 1]!;
    const elapsed = last.Timestamp - first.Timestamp;
    const rate = (field: keyof Snapshot) => ((last[field] - first[field]) * 1000) / elapsed;
    const perSecond = snapshots
      .slice(1)
      .map(
        (snap, i) =>
          ((snap.TaskDuration - snapshots[i]!.TaskDuration) * 1000) /
          (snap.Timestamp - snapshots[i]!.Timestamp),
      );
    if (!Number.isFinite(rate('TaskDuration')))
      throw new Error('Performance.getMetrics gave no TaskDuration');
    return {
      busyMsPerS: rate('TaskDuration'),
      scriptMsPerS: rate('ScriptDuration'),
      layoutMsPerS: rate('LayoutDuration'),
      styleMsPerS: rate('RecalcStyleDuration'),
      perSecond,
      windowS: elapsed,
      ticked: before !== after,
      crossedStep,
    };
  } finally {
    await page.close();
  }
}
