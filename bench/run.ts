/**
 * `npm run bench`: the performance budgets, measured. Node (code generation, unlock), real Chromium with the
 * unpacked e2e build (unlock in the service worker, popup start-up and idle cost with 200 accounts), the
 * production build (popup JS/CSS gzip, store zip), and QR decoding in Node on the generated corpus of page
 * crops. Prints one markdown table, writes it to bench/results.md, and exits 1 when a budget is exceeded or a
 * measurement failed (after printing everything).
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCOUNT_COUNT, describeMix, realisticAccounts } from './accounts';
import { withExtension } from './browser-session';
import { describeAssets, popupAssets } from './bundle-size';
import { idleCost } from './idle-cost';
import { codeGeneration, describeTiming, listCodesTiming, nodeUnlock } from './node-metrics';
import { pageFloor } from './page-floor';
import { describeMarks, popupReady, sheetWritten } from './popup-ready';
import { describeScore, qrDecoding } from './qr-decode';
import { PUBLIC_QR_BUDGET, publicQrRows } from './qr-public';
import { formatMarkdown, writeResults } from './results-file';
import { seedVault } from './seed';
import { median, spread } from './stats';
import { fillSpeed } from './fill-speed';
import { findFieldSpeed } from './find-field';
import { releaseToSaved } from './scan-release';
import { workerUnlock } from './sw-unlock';
import { markdownTable, passes, type Row } from './table';
import { buildChromeZip } from './zip-size';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const E2E_BUILD = join(ROOT, '.output', 'chrome-mv3-e2e');
const PRODUCTION_BUILD = join(ROOT, '.output', 'chrome-mv3');
const RESULTS = join(ROOT, 'bench', 'results.md');
const PASSWORD = 'bench vault passphrase 2026';
const KB = 1024;

/** The budgets and the peer extension's figures. */
const BUDGET = {
  unlockMs: 600,
  popupReadyMs: 150,
  /** Popup ready at most this many times the empty extension page opened the same way (warm, and cold). */
  floorRatio: 1.3,
  idleMsPerS: 15,
  popupJsKb: 30,
  zipKb: 200,
  qrFourKMs: 30,
  scanReleaseMs: 300,
  fillMs: 150,
  /** Finding the code field on a page of 5 000 elements. */
  findFieldMs: 20,
  qrNoCodeMs: 150,
  /** Share of all corpus crops that must decode (and every undegraded one). */
  qrDecodedShare: 0.97,
  ...PUBLIC_QR_BUDGET,
};
const PEER = { popupReadyMs: 748, idleMsPerS: 560, popupKb: 207, zipKb: 965 };

const log = (message: string) => console.error(`[bench] ${message}`);

/** The table's rows in a fixed order; a stage that fails leaves an error row for each metric it owed. */
const ORDER = [
  'codegen',
  'listcodes',
  'unlock-node',
  'unlock-worker',
  'popup-ready',
  'page-floor',
  'popup-ready-cold',
  'popup-ready-cold-nosheet',
  'page-floor-cold',
  'idle',
  'scan-release-1',
  'scan-release-2',
  'fill',
  'find-field',
  'popup-size',
  'zip',
] as const;
type Key = (typeof ORDER)[number];
const rows = new Map<Key, Row>();
/** QR decoding rows, one per corpus family and a few totals, after the fixed rows. */
const qrRows: Row[] = [];
/** Lines printed under the table: where the time goes. */
const notes: string[] = [];

const ROW_SKELETONS: Record<Key, Omit<Row, 'value' | 'runs'>> = {
  codegen: {
    metric: `Code generation, ${ACCOUNT_COUNT} accounts (Node, generateCode)`,
    kind: 'time',
    unit: 'ms',
  },
  listcodes: {
    metric: `listCodes, ${ACCOUNT_COUNT} accounts: current + next (Node)`,
    kind: 'time',
    unit: 'ms',
  },
  'unlock-node': { metric: 'Unlock (Node, unlockVault)', kind: 'time', unit: 'ms', budget: BUDGET.unlockMs },
  'unlock-worker': {
    metric: 'Unlock in Chromium (popup → service worker round trip)',
    kind: 'time',
    unit: 'ms',
    budget: BUDGET.unlockMs,
  },
  'popup-ready': {
    metric: `Popup ready, ${ACCOUNT_COUNT} accounts (Chromium, nav start → codes painted)`,
    kind: 'time',
    unit: 'ms',
    budget: BUDGET.popupReadyMs,
    peer: PEER.popupReadyMs,
  },
  'page-floor': {
    metric: 'Empty extension page, same browser (nav start → first frame): the floor under the popup',
    kind: 'time',
    unit: 'ms',
  },
  'popup-ready-cold': {
    metric: `Popup ready, ${ACCOUNT_COUNT} accounts, service worker stopped first (cold)`,
    kind: 'time',
    unit: 'ms',
    peer: PEER.popupReadyMs,
  },
  'popup-ready-cold-nosheet': {
    metric: `Popup ready, ${ACCOUNT_COUNT} accounts, cold, without a code sheet (the first open after an unlock)`,
    kind: 'time',
    unit: 'ms',
    peer: PEER.popupReadyMs,
  },
  'page-floor-cold': {
    metric: 'Empty extension page, service worker stopped first (a new renderer): the cold floor',
    kind: 'time',
    unit: 'ms',
  },
  idle: {
    metric: `Idle cost, open popup with ${ACCOUNT_COUNT} accounts (main-thread busy, mean over 10 s)`,
    kind: 'rate',
    unit: 'ms/s',
    budget: BUDGET.idleMsPerS,
    peer: PEER.idleMsPerS,
  },
  'popup-size': {
    metric: 'Popup JS + CSS, gzip -9 (jsQR must be absent)',
    kind: 'size',
    unit: 'KB',
    budget: BUDGET.popupJsKb,
    budgetText: `JS ≤ ${BUDGET.popupJsKb} KB`,
    peer: PEER.popupKb,
  },
  'scan-release-1': {
    metric: 'Scan: drag release → account saved (Chromium, DPR 1, washed-out QR in a 640×260 illustration)',
    kind: 'time',
    unit: 'ms',
  },
  'scan-release-2': {
    metric: 'Scan: drag release → account saved (Chromium, DPR 2, same page)',
    kind: 'time',
    unit: 'ms',
    budget: BUDGET.scanReleaseMs,
  },
  fill: {
    metric: 'Fill: popup "Fill" click → code in the field (Chromium, demo Trend login)',
    kind: 'time',
    unit: 'ms',
    budget: BUDGET.fillMs,
  },
  'find-field': {
    metric: 'Fill: finding the code field on a page of 5 000 elements (Chromium, findCodeTarget)',
    kind: 'time',
    unit: 'ms',
    budget: BUDGET.findFieldMs,
  },
  zip: { metric: 'Chrome zip (wxt zip)', kind: 'size', unit: 'KB', budget: BUDGET.zipKb, peer: PEER.zipKb },
};

function put(key: Key, row: Pick<Row, 'value' | 'runs'> & Partial<Row>): void {
  rows.set(key, { ...ROW_SKELETONS[key], ...row });
}

async function stage(name: string, owed: Key[], task: () => Promise<void>): Promise<void> {
  const started = Date.now();
  log(`${name}…`);
  try {
    await task();
  } catch (error) {
    const message = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).slice(0, 160);
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const key of owed) if (!rows.has(key)) put(key, { value: NaN, runs: '—', error: message });
  }
  log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const runsText = (runs: number, warmup: number) => `${runs} (+${warmup} warm-up)`;

async function sizes(): Promise<void> {
  await stage('store zip (npx wxt zip, production build)', ['zip'], async () => {
    const zip = buildChromeZip(ROOT);
    log(`  ${zip.file}: ${zip.bytes} bytes`);
    put('zip', { value: zip.bytes / KB, runs: '1 (deterministic)' });
  });
  await stage('popup assets (gzip)', ['popup-size'], async () => {
    const assets = popupAssets(PRODUCTION_BUILD);
    log(`  ${describeAssets(assets)}`);
    const js = assets.jsGzip / KB;
    const css = assets.cssGzip / KB;
    put('popup-size', {
      value: js,
      ratioValue: js + css,
      valueText: `${(js + css).toFixed(1)} KB (JS ${js.toFixed(1)} + CSS ${css.toFixed(1)})`,
      runs: '1 (deterministic)',
      ...(assets.jsqrIn.length ? { failure: `jsQR in ${assets.jsqrIn.join(', ')}` } : {}),
    });
  });
}

async function nodeMetrics(drafts: ReturnType<typeof realisticAccounts>): Promise<void> {
  await stage('code generation (Node)', ['codegen', 'listcodes'], async () => {
    const gen = await codeGeneration(drafts);
    log(`  generateCode × ${drafts.length}: ${describeTiming(gen)}`);
    put('codegen', { value: gen.median, runs: runsText(gen.samples.length, gen.warmup) });
    const list = await listCodesTiming(drafts);
    log(`  listCodes: ${describeTiming(list)}`);
    put('listcodes', { value: list.median, runs: runsText(list.samples.length, list.warmup) });
  });
  await stage('unlock (Node)', ['unlock-node'], async () => {
    const unlock = await nodeUnlock(drafts, PASSWORD);
    log(`  unlockVault at ${unlock.iterations} iterations: ${describeTiming(unlock)}`);
    put('unlock-node', {
      metric: `Unlock (Node, unlockVault, PBKDF2 ${unlock.iterations.toLocaleString('en')} it.)`,
      value: unlock.median,
      runs: runsText(unlock.samples.length, unlock.warmup),
    });
  });
}

const QR_FOUR_K_METRIC = 'QR decode, 4K-screen crop (~430 px at DPR 2, version 8 code)';

async function qrMetrics(): Promise<void> {
  let measured = false;
  await stage('QR decoding (Node, generated corpus of page crops)', [], async () => {
    const qr = await qrDecoding();
    const runs = `${qr.runs} (+${qr.warmup} warm-up) per crop`;
    for (const family of qr.families) {
      log(
        `  ${family.family}: ${describeScore(family)}, ${family.ours.medianMs.toFixed(1)} ms vs ${family.plain.medianMs.toFixed(1)} ms`,
      );
      qrRows.push({
        metric: `QR decode, ${family.family} (${family.crops} crops): ${describeScore(family)}`,
        kind: 'time',
        unit: 'ms',
        value: family.ours.medianMs,
        peer: family.plain.medianMs,
        runs,
      });
    }
    const fourK = qr.fourK.score;
    log(`  ${fourK.family}: ${describeScore(fourK)}, median ${median(qr.fourK.ours).toFixed(1)} ms`);
    qrRows.push({
      metric: `${QR_FOUR_K_METRIC}, ${fourK.crops} crops: ${describeScore(fourK)}`,
      kind: 'time',
      unit: 'ms',
      value: median(qr.fourK.ours),
      peer: median(qr.fourK.plain),
      budget: BUDGET.qrFourKMs,
      runs: `${qr.fourK.ours.length} decodes`,
    });
    const { all, undegraded } = qr;
    const short =
      all.ours.decoded < BUDGET.qrDecodedShare * all.crops || undegraded.decoded < undegraded.crops;
    qrRows.push({
      metric: `QR decode, whole corpus (${all.crops} crops): ${describeScore(all)}; undegraded ${undegraded.decoded}/${undegraded.crops}`,
      kind: 'time',
      unit: 'ms',
      value: all.ours.medianMs,
      peer: all.plain.medianMs,
      runs,
      ...(short
        ? { failure: `below the bar: ${BUDGET.qrDecodedShare * 100} % of all, every undegraded` }
        : {}),
    });
    qrRows.push({
      metric: `QR decode finding nothing: ${qr.noCode.width}×${qr.noCode.height} page crop without a code`,
      kind: 'time',
      unit: 'ms',
      value: median(qr.noCode.samples),
      budget: BUDGET.qrNoCodeMs,
      runs: runsText(qr.noCode.samples.length, qr.warmup),
    });
    notes.push(
      `QR decode rows: ${all.crops} generated crops of a console page (test/support/qr-corpus.ts), decoded in ` +
        'Node by decodeQr and by plain jsQR (its default options, no preprocessing, as the peer extension ' +
        "calls it); a family's time is the median over its crops of each crop's median decode, peer column = " +
        'plain jsQR.',
    );
    measured = true;
  });
  if (!measured) {
    qrRows.push({
      metric: QR_FOUR_K_METRIC,
      kind: 'time',
      unit: 'ms',
      value: NaN,
      runs: '—',
      budget: BUDGET.qrFourKMs,
      error: 'measurement failed (see the log)',
    });
  }
}

async function qrPublicMetrics(): Promise<void> {
  await stage('QR decoding (Node, public images: decodeQr, plain jsQR, zxing-wasm)', [], async () => {
    const measured = await publicQrRows(BUDGET, log);
    qrRows.push(...measured.rows);
    notes.push(measured.note);
  });
}

async function browserMetrics(drafts: ReturnType<typeof realisticAccounts>): Promise<string> {
  let version = 'Chromium (not launched)';
  await stage(
    'Chromium',
    [
      'unlock-worker',
      'page-floor',
      'popup-ready',
      'popup-ready-cold',
      'popup-ready-cold-nosheet',
      'page-floor-cold',
      'idle',
    ],
    () =>
      withExtension(E2E_BUILD, async (session) => {
        version = `Chromium ${session.context.browser()?.version() ?? '?'}`;
        log(`  ${version}, extension ${session.extensionId}, profile ${session.userDataDir}`);
        const seeded = await seedVault(session, PASSWORD, drafts);
        log(`  seeded ${seeded} accounts (${describeMix(drafts)})`);

        const floor = await pageFloor(session, { runs: 31, warmup: 2 });
        log(
          `  empty extension page: median ${floor.median.toFixed(1)} ms (range ${spread(floor.samples)} ms)`,
        );
        put('page-floor', { value: floor.median, runs: runsText(floor.samples.length, floor.warmup) });

        const warm = await popupReady(session, ACCOUNT_COUNT, { runs: 31, warmup: 2 });
        log(`  popup ready: median ${warm.median.toFixed(1)} ms (range ${spread(warm.samples)} ms)`);
        notes.push(
          `Popup start-up, median marks (ms since navigation start): ${describeMarks(warm.medianMarks)}. ` +
            `An empty extension page takes ${floor.median.toFixed(0)} ms in the same browser, so Sekimori's own ` +
            `share of the popup's start-up is about ${(warm.median - floor.median).toFixed(0)} ms.`,
        );
        const warmBudget = Math.min(BUDGET.popupReadyMs, BUDGET.floorRatio * floor.median);
        put('popup-ready', {
          value: warm.median,
          runs: runsText(warm.samples.length, warm.warmup),
          budget: warmBudget,
          budgetText: `≤ ${BUDGET.floorRatio} × floor (${warmBudget.toFixed(0)} ms)`,
        });

        const idle = await idleCost(session, ACCOUNT_COUNT, { windowS: 10, settleMs: 1000 });
        log(`  idle, busy ms per second: ${idle.perSecond.map((v) => v.toFixed(1)).join(' ')}`);
        notes.push(
          `Idle popup: ${idle.busyMsPerS.toFixed(1)} ms/s busy, of which script ${idle.scriptMsPerS.toFixed(1)}, ` +
            `layout ${idle.layoutMsPerS.toFixed(1)}, style ${idle.styleMsPerS.toFixed(1)}; busiest second ` +
            `${Math.max(...idle.perSecond).toFixed(0)} ms; ` +
            (idle.crossedStep
              ? 'the window included a 30 s step boundary (codes refetched, every row re-rendered).'
              : 'no 30 s step boundary in the window (it would add one refetch and full re-render).'),
        );
        put('idle', {
          value: idle.busyMsPerS,
          runs: `${idle.perSecond.length} × 1 s samples`,
          ...(idle.ticked ? {} : { error: 'countdown did not tick: page throttled?' }),
        });

        // Cold: the empty page and the popup alternately, each after the worker was stopped (as after 30 s idle).
        const coldFloor = await pageFloor(session, { runs: 11, warmup: 1, stopWorker: true });
        log(
          `  empty page, worker stopped: median ${coldFloor.median.toFixed(1)} ms (${spread(coldFloor.samples)})`,
        );
        put('page-floor-cold', {
          value: coldFloor.median,
          runs: runsText(coldFloor.samples.length, coldFloor.warmup),
        });
        await sheetWritten(session);
        const cold = await popupReady(session, ACCOUNT_COUNT, { runs: 11, warmup: 1, stopWorker: true });
        log(
          `  popup ready, worker stopped: median ${cold.median.toFixed(1)} ms (range ${spread(cold.samples)} ms)`,
        );
        notes.push(
          `Same with the service worker stopped first: ${describeMarks(cold.medianMarks)}; the empty page ` +
            `opened the same way takes ${coldFloor.median.toFixed(0)} ms (warm popup ${(warm.median / floor.median).toFixed(2)} × ` +
            `its floor, cold ${(cold.median / coldFloor.median).toFixed(2)} ×).`,
        );
        const coldBudget = BUDGET.floorRatio * coldFloor.median;
        put('popup-ready-cold', {
          value: cold.median,
          runs: runsText(cold.samples.length, cold.warmup),
          budget: coldBudget,
          budgetText: `≤ ${BUDGET.floorRatio} × cold floor (${coldBudget.toFixed(0)} ms)`,
        });
        const bare = await popupReady(session, ACCOUNT_COUNT, {
          runs: 11,
          warmup: 1,
          stopWorker: true,
          withoutSheet: true,
        });
        log(`  popup ready, worker stopped, no code sheet: median ${bare.median.toFixed(1)} ms`);
        notes.push(
          `Cold without a code sheet (the popup waits for the worker): ${describeMarks(bare.medianMarks)} ` +
            `(${(bare.median / coldFloor.median).toFixed(2)} × the cold floor).`,
        );
        put('popup-ready-cold-nosheet', {
          value: bare.median,
          runs: runsText(bare.samples.length, bare.warmup),
        });

        const unlock = await workerUnlock(session, PASSWORD, { runs: 11, warmup: 1 });
        log(
          `  unlock in the worker: median ${unlock.median.toFixed(1)} ms (range ${spread(unlock.samples)} ms)`,
        );
        put('unlock-worker', { value: unlock.median, runs: runsText(unlock.samples.length, unlock.warmup) });
      }),
  );
  return version;
}

async function scanMetrics(): Promise<void> {
  for (const dpr of [1, 2] as const) {
    const key = dpr === 1 ? 'scan-release-1' : 'scan-release-2';
    await stage(`scan release → saved, DPR ${dpr} (Chromium)`, [key], async () => {
      const samples = await releaseToSaved(E2E_BUILD, dpr, 11, 2);
      const value = median(samples);
      log(`  DPR ${dpr}: median ${value.toFixed(1)} ms (range ${spread(samples)} ms)`);
      put(key, { value, runs: runsText(samples.length, 2) });
    });
  }
  notes.push(
    'Scan rows: the scan is started from the real toolbar popup on the demo Webroot page, the QR code is ' +
      'selected with a CDP mouse drag; time from the mouse release to the vault write being seen in the ' +
      'service worker (the on-page confirmation follows).',
  );
}

async function fillMetrics(): Promise<void> {
  await stage('fill click → field filled (Chromium)', ['fill'], async () => {
    const samples = await fillSpeed(E2E_BUILD, 11, 2);
    const value = median(samples);
    log(`  fill: median ${value.toFixed(1)} ms (range ${spread(samples)} ms)`);
    put('fill', { value, runs: runsText(samples.length, 2) });
  });
  await stage('finding the code field, 5 000 elements (Chromium)', ['find-field'], () =>
    withExtension(E2E_BUILD, async (session) => {
      const page = await session.context.newPage();
      const { samples, elements } = await findFieldSpeed(page, 5000, 31, 3);
      const value = median(samples);
      log(`  find field (${elements} elements): median ${value.toFixed(2)} ms (range ${spread(samples)} ms)`);
      put('find-field', { value, runs: runsText(samples.length, 3) });
    }),
  );
}

async function main(): Promise<number> {
  const started = Date.now();
  const drafts = realisticAccounts();
  await sizes();
  await nodeMetrics(drafts);
  await qrMetrics();
  await qrPublicMetrics();
  const chromium = await browserMetrics(drafts);
  await scanMetrics();
  await fillMetrics();

  const table = markdownTable([
    ...ORDER.map((key) => rows.get(key)).filter((row): row is Row => !!row),
    ...qrRows,
  ]);
  const cpu = cpus();
  const note =
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` ` +
    `(${((Date.now() - started) / 1000).toFixed(0)} s): Node ${process.version}, ${chromium} headless, ` +
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}. ${ACCOUNT_COUNT} accounts: ${describeMix(drafts)}. ` +
    'KB = 1024 bytes. Popup ready = navigation start → every row shows its code and that frame is painted ' +
    '(page clock, fresh tab each run). Idle = CDP Performance.getMetrics TaskDuration of the popup page.';
  const text = [table, '', note, ...notes.map((line) => `\n${line}`)].join('\n');
  console.log((await formatMarkdown(text, RESULTS)).trimEnd());
  await writeResults(RESULTS, text);
  log(`wrote ${RESULTS}`);
  const failed = [...rows.values(), ...qrRows].filter((row) => !passes(row));
  if (failed.length) log(`failing: ${failed.map((row) => row.metric).join('; ')}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
