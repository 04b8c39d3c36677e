/**
 * QR decoding in Node on the generated corpus of page crops (test/support/qr-corpus.ts), in one process: per
 * family, how many crops decode and the median time, for Sekimori's pipeline (decodeQr) and for plain jsQR
 * with default options and no preprocessing (what the leading peer extension runs); the 4K-screen crop
 * against its budget; and what a crop without any code costs to give up on.
 */
import jsQR from 'jsqr';
import { decodeQr } from '../lib/index';
import type { RgbaImage } from '../lib/qr/rgba-image';
import { FAMILIES, isUndegraded, pageWithoutCode, qrCorpus, type QrCase } from '../test/support/qr-corpus';
import { median, sample, timeMs } from './stats';

export interface DecoderScore {
  decoded: number;
  /** Median over the crops of each crop's median decode time. */
  medianMs: number;
}

export interface FamilyScore {
  family: string;
  crops: number;
  ours: DecoderScore;
  plain: DecoderScore;
}

export interface QrDecodeResult {
  /** Every family but the 4K-screen crops, which have their own budget. */
  families: FamilyScore[];
  all: FamilyScore;
  undegraded: { crops: number; decoded: number };
  /** The 4K-screen crops, each decoded `fourKRuns` times: the family's score and all samples. */
  fourK: { score: FamilyScore; ours: number[]; plain: number[] };
  /** decodeQr on a 1000×1000 page crop holding no code. */
  noCode: { samples: number[]; width: number; height: number };
  runs: number;
  warmup: number;
}

type Decoder = (image: RgbaImage) => string | null;

/**
 * jsQR's own defaults are `inversionAttempts: 'attemptBoth'`, but jsQR keeps the options of its last call as
 * its defaults, and decodeQr passes others: stating the default keeps the peer's behaviour exact in this
 * process.
 */
const plainJsqr: Decoder = (image) =>
  jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;

interface CaseRun {
  qr: QrCase;
  ours: { ok: boolean; samples: number[] };
  plain: { ok: boolean; samples: number[] };
}

async function timeDecoder(qr: QrCase, decode: Decoder, runs: number, warmup: number) {
  let ok = true;
  const samples = await sample(runs, warmup, () =>
    timeMs(async () => {
      ok = decode(qr.image) === qr.text && ok;
    }),
  );
  return { ok, samples };
}

function score(group: readonly CaseRun[], family: string): FamilyScore {
  const decoder = (pick: (run: CaseRun) => CaseRun['ours']): DecoderScore => ({
    decoded: group.filter((run) => pick(run).ok).length,
    medianMs: median(group.map((run) => median(pick(run).samples))),
  });
  return { family, crops: group.length, ours: decoder((r) => r.ours), plain: decoder((r) => r.plain) };
}

export async function qrDecoding(runs = 5, warmup = 1, fourKRuns = 21): Promise<QrDecodeResult> {
  const corpus = qrCorpus();
  const caseRuns: CaseRun[] = [];
  for (const qr of corpus) {
    // ours and plain jsQR back to back on each crop, so both see the same machine load
    const n = qr.family === FAMILIES.fourK ? fourKRuns : runs;
    const ours = await timeDecoder(qr, decodeQr, n, warmup);
    const plain = await timeDecoder(qr, plainJsqr, n, warmup);
    caseRuns.push({ qr, ours, plain });
  }
  const ofFamily = (family: string) => caseRuns.filter((run) => run.qr.family === family);
  const families = Object.values(FAMILIES)
    .filter((family) => family !== FAMILIES.fourK)
    .map((family) => score(ofFamily(family), family));
  const fourK = ofFamily(FAMILIES.fourK);
  const undegraded = caseRuns.filter((run) => isUndegraded(run.qr));
  const blank = pageWithoutCode(1000, 1000);
  const noCode = await sample(runs, warmup, () =>
    timeMs(async () => {
      if (decodeQr(blank) !== null) throw new Error('decodeQr found a code in a page crop without one');
    }),
  );
  return {
    families,
    all: score(caseRuns, 'all'),
    undegraded: { crops: undegraded.length, decoded: undegraded.filter((run) => run.ours.ok).length },
    fourK: {
      score: score(fourK, FAMILIES.fourK),
      ours: fourK.flatMap((run) => run.ours.samples),
      plain: fourK.flatMap((run) => run.plain.samples),
    },
    noCode: { samples: noCode, width: blank.width, height: blank.height },
    runs,
    warmup,
  };
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;

/** "decoded 100 % (plain jsQR 40 %)" */
export function describeScore(s: FamilyScore): string {
  return `decoded ${percent(s.ours.decoded, s.crops)} (plain jsQR ${percent(s.plain.decoded, s.crops)})`;
}
