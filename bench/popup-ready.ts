/**
 * Popup start-up with the seeded accounts: a fresh tab navigates to popup.html, and an init script records (by the
 * page clock, ms since navigation start) when every row shows its code and that frame has been painted.
 */
import { CODE_SHEET_KEY } from '../lib/protocol/code-sheet';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../test/e2e/harness';
import { probeReport, readyProbe, type ReadyMarks } from './page-scripts';
import { median, sample } from './stats';

const popupUrl = (session: ExtensionSession) => `chrome-extension://${session.extensionId}/popup.html`;

export interface ReadyResult {
  samples: number[];
  median: number;
  warmup: number;
  /** Median of each mark over the kept runs: where the time goes. */
  medianMarks: Omit<ReadyMarks, 'visibility'>;
}

/** Opens the popup in a new tab and resolves once `count` codes are visible; the page stays open. */
export async function openReadyPopup(
  session: ExtensionSession,
  count: number,
): Promise<{ page: Page; marks: ReadyMarks }> {
  const page = await session.context.newPage();
  await page.addInitScript({ content: readyProbe(count) });
  const report = probeReport<ReadyMarks>(page, 20_000);
  await page.goto(popupUrl(session), { waitUntil: 'commit' });
  const marks = await report;
  if (marks.visibility !== 'visible') throw new Error(`popup page was ${marks.visibility}, not visible`);
  return { page, marks };
}

const REMOVE_SHEET = `chrome.storage.session.remove(${JSON.stringify(CODE_SHEET_KEY)})`;

/** Waits until the background has written its code sheet (it does so 1.5 s after a popup's list). */
export async function sheetWritten(session: ExtensionSession): Promise<void> {
  const worker = await session.serviceWorker();
  const read = `chrome.storage.session.get(${JSON.stringify(CODE_SHEET_KEY)}).then((r) => Boolean(r[${JSON.stringify(CODE_SHEET_KEY)}]))`;
  for (let i = 0; i < 50; i++) {
    if ((await worker.evaluate(read)) === true) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('no code sheet was written');
}

/**
 * `runs` timed openings (after `warmup` untimed ones). With `stopWorker`, the service worker is stopped before
 * each opening, as Chrome does after 30 s idle, so the popup's first message has to start it again.
 */
export async function popupReady(
  session: ExtensionSession,
  count: number,
  opts: { runs: number; warmup: number; stopWorker?: boolean; withoutSheet?: boolean },
): Promise<ReadyResult> {
  const kept: ReadyMarks[] = [];
  const samples = await sample(opts.runs, opts.warmup, async (index) => {
    // The code sheet written ahead (lib/protocol/code-sheet.ts) removed: as at the first open after an unlock.
    if (opts.withoutSheet) await (await session.serviceWorker()).evaluate(REMOVE_SHEET);
    if (opts.stopWorker) await session.stopServiceWorker();
    const { page, marks } = await openReadyPopup(session, count);
    await page.close();
    if (index >= 0) kept.push(marks);
    await new Promise((resolve) => setTimeout(resolve, 150));
    return marks.painted;
  });
  const pick = (key: keyof Omit<ReadyMarks, 'visibility'>) => median(kept.map((m) => m[key]));
  return {
    samples,
    median: median(samples),
    warmup: opts.warmup,
    medianMarks: {
      responseEnd: pick('responseEnd'),
      appRan: pick('appRan'),
      appRendered: pick('appRendered'),
      listRequested: pick('listRequested'),
      listAnswered: pick('listAnswered'),
      domComplete: pick('domComplete'),
      painted: pick('painted'),
    },
  };
}

/** "HTML 4 ms → app 30 → codes.list sent 31, answered 60 → 200 rows 90 → painted 95" */
export function describeMarks(m: ReadyResult['medianMarks']): string {
  const f = (n: number) => n.toFixed(0);
  return (
    `HTML ${f(m.responseEnd)} ms → app script ran ${f(m.appRan)} → first render ${f(m.appRendered)} → codes.list sent ${f(m.listRequested)}, ` +
    `answered ${f(m.listAnswered)} → rows in DOM ${f(m.domComplete)} → painted ${f(m.painted)}`
  );
}
