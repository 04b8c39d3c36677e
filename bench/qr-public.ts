/**
 * QR decoding on public images, side by side in one process: decodeQr, plain jsQR ('attemptBoth' stated:
 * jsQR keeps the options of its last call) and zxing-cpp (zxing-wasm, measurement only) on the ZXing
 * blackbox photographs (test/support/qr-public-corpus.ts) — per folder, right and wrong texts, median and
 * p95 ms — and decodeQr's budgets on a 10-megapixel photo with a small code and on photos without one.
 */
import jsQR from 'jsqr';
import { decodeQr } from '../lib/index';
import type { RgbaImage } from '../lib/qr/rgba-image';
import { pageWithoutCode } from '../test/support/qr-corpus';
import { drawQr } from '../test/support/qr-images';
import { paste, photo } from '../test/support/qr-photos';
import { judge, publicQrCases, type PublicQrCase } from '../test/support/qr-public-corpus';
import { median, sample, timeMs } from './stats';
import type { Row } from './table';
import { zxingRead } from './zxing-reader';

export const DECODERS = ['decodeQr', 'plain jsQR', 'zxing-wasm'] as const;
export type DecoderName = (typeof DECODERS)[number];

const decoders: Record<DecoderName, (image: RgbaImage) => Promise<string | null>> = {
  decodeQr: async (image) => decodeQr(image),
  'plain jsQR': async (image) =>
    jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null,
  'zxing-wasm': async (image) => (await zxingRead(image))[0] ?? null,
};

export interface Tally {
  images: number;
  right: number;
  wrong: number;
  /** Each image's median decode time. */
  ms: number[];
}

export interface PublicCorpusResult {
  /** Per folder, then 'all'. */
  folders: { folder: string; tally: Record<DecoderName, Tally> }[];
  /** decodeQr's misses and wrong texts, 'qrcode-2/33.png'. */
  missed: string[];
  runs: number;
}

export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function timeCase(c: PublicQrCase, name: DecoderName, runs: number) {
  let decoded: string | null = null;
  const samples = await sample(runs, 1, () =>
    timeMs(async () => {
      decoded = await decoders[name](c.image);
    }),
  );
  return { verdict: judge(c, decoded), ms: median(samples) };
}

const emptyTally = (): Tally => ({ images: 0, right: 0, wrong: 0, ms: [] });

export async function publicCorpus(runs = 3): Promise<PublicCorpusResult> {
  const byFolder = new Map<string, Record<DecoderName, Tally>>();
  const all = { decodeQr: emptyTally(), 'plain jsQR': emptyTally(), 'zxing-wasm': emptyTally() };
  const missed: string[] = [];
  for (const c of publicQrCases()) {
    const folder = byFolder.get(c.folder) ?? {
      decodeQr: emptyTally(),
      'plain jsQR': emptyTally(),
      'zxing-wasm': emptyTally(),
    };
    byFolder.set(c.folder, folder);
    // the three back to back on each image, so they see the same machine load
    for (const name of DECODERS) {
      const { verdict, ms } = await timeCase(c, name, runs);
      for (const tally of [folder[name], all[name]]) {
        tally.images++;
        tally.right += verdict === 'right' ? 1 : 0;
        tally.wrong += verdict === 'wrong' ? 1 : 0;
        tally.ms.push(ms);
      }
      if (name === 'decodeQr' && verdict !== 'right') missed.push(`${c.folder}/${c.name} (${verdict})`);
    }
  }
  return {
    folders: [...[...byFolder].map(([folder, tally]) => ({ folder, tally })), { folder: 'all', tally: all }],
    missed,
    runs,
  };
}

const URI = 'otpauth://totp/Example:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** decodeQr on a 10-megapixel photo (3872×2592) with a small code (3 px modules) pasted in. */
export async function largePhoto(runs = 5): Promise<{ samples: number[]; decoded: boolean }> {
  const image = paste(photo(3872, 2592, 3), drawQr(URI, { modulePx: 3 }), 2400, 1500);
  let decoded = true;
  const samples = await sample(runs, 1, () =>
    timeMs(async () => {
      decoded = decodeQr(image) === URI && decoded;
    }),
  );
  return { samples, decoded };
}

/** decodeQr on images without a code: photos (1000×750, sensor noise) and console page crops (1000×1000). */
export async function withoutCode(runs = 5): Promise<{ samples: number[]; found: number }> {
  const images = [1, 2, 3].flatMap((seed) => [photo(1000, 750, seed, 6), pageWithoutCode(1000, 1000, seed)]);
  let found = 0;
  const samples: number[] = [];
  for (const image of images) {
    const times = await sample(runs, 1, () =>
      timeMs(async () => {
        found += decodeQr(image) === null ? 0 : 1;
      }),
    );
    samples.push(median(times));
  }
  return { samples, found };
}

/** "166/179, 0 wrong, 5.8 ms (p95 30)" */
export function describeTally(t: Tally): string {
  return `${t.right}/${t.images}, ${t.wrong} wrong, ${median(t.ms).toFixed(1)} ms (p95 ${p95(t.ms).toFixed(1)})`;
}

/** The side-by-side table, one row per folder. */
export function publicCorpusTable(result: PublicCorpusResult): string {
  const head = `| folder | ${DECODERS.join(' | ')} |\n|---|${DECODERS.map(() => '---|').join('')}`;
  const lines = result.folders.map(
    ({ folder, tally }) =>
      `| ${folder} | ${DECODERS.map((name) => describeTally(tally[name])).join(' | ')} |`,
  );
  return [head, ...lines].join('\n');
}

/** The budgets for decodeQr on public images. */
export const PUBLIC_QR_BUDGET = {
  /** Median ms on the public corpus. */
  qrPublicMs: 10,
  /** Images of the public corpus read exactly (zxing-cpp's count), and none wrong. */
  qrPublicRight: 166,
  /** A 10-megapixel photo holding a small code. */
  qrLargePhotoMs: 400,
  /** Photos and page crops without a code, median. */
  qrWithoutCodeMs: 50,
};
export type PublicQrBudget = typeof PUBLIC_QR_BUDGET;

/** The bench rows: one per folder and the whole corpus, the 10-megapixel photo, the images without a code. */
export async function publicQrRows(
  budget: PublicQrBudget,
  log: (line: string) => void,
): Promise<{ rows: Row[]; note: string }> {
  const rows: Row[] = [];
  const corpus = await publicCorpus();
  for (const { folder, tally } of corpus.folders) {
    const ours = tally.decodeQr;
    const line = DECODERS.map((name) => `${name} ${describeTally(tally[name])}`).join('; ');
    log(`  ${folder}: ${line}`);
    const whole = folder === 'all';
    const short = whole && (ours.right < budget.qrPublicRight || ours.wrong > 0);
    rows.push({
      metric: `QR decode, ZXing blackbox ${folder} (${ours.images} images): ${line}`,
      kind: 'time',
      unit: 'ms',
      value: median(ours.ms),
      peer: median(tally['plain jsQR'].ms),
      runs: `${corpus.runs} (+1 warm-up) per image`,
      ...(whole ? { budget: budget.qrPublicMs } : {}),
      ...(short ? { failure: `below the bar: ${budget.qrPublicRight} right, none wrong` } : {}),
    });
  }
  log(`  decodeQr misses: ${corpus.missed.join(', ')}`);
  const large = await largePhoto();
  rows.push({
    metric: 'QR decode, 10-megapixel photo (3872×2592) with a small code (3 px modules)',
    kind: 'time',
    unit: 'ms',
    value: median(large.samples),
    budget: budget.qrLargePhotoMs,
    runs: `${large.samples.length} (+1 warm-up)`,
    ...(large.decoded ? {} : { failure: 'the code was not read' }),
  });
  const none = await withoutCode();
  rows.push({
    metric: `QR decode finding nothing: ${none.samples.length} photos (1000×750) and page crops (1000×1000) without a code`,
    kind: 'time',
    unit: 'ms',
    value: median(none.samples),
    budget: budget.qrWithoutCodeMs,
    runs: '5 (+1 warm-up) per image',
    ...(none.found ? { failure: `${none.found} texts found where there is no code` } : {}),
  });
  const note =
    'ZXing blackbox rows: the 179 public photographs of ../shared/fixtures/qr-public (Apache 2.0), each ' +
    'decoded in one process by decodeQr, plain jsQR 1.4.0 (`attemptBoth` passed) and zxing-cpp ' +
    '(zxing-wasm 3.1.8, a devDependency, wasm read from node_modules); right = exactly the expected text; ' +
    "time = median (p95) over the images of each image's median; peer column = plain jsQR. " +
    `decodeQr misses: ${corpus.missed.join(', ')}.`;
  return { rows, note };
}
