/**
 * Checklist, "Bad inputs": malformed otpauth URIs, garbage or truncated `otpauth-migration` data, non-OTP QR codes
 * (URLs, `javascript:`), two QR codes in one region, a 0x0 selection, DPR 1.25/1.5/3 and page zoom 67%/175%.
 * Through the real background where the input enters it (enrol.save from the options page, scan.decoded from the
 * scanned tab): a typed code, and nothing written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMigrationUris, FormatError, parseMigrationUri } from '@/lib/formats';
import { decodeMigrationPayload, encodeMigrationPayload } from '@/lib/formats/migration-payload';
import { decodeMigrationUri, encodeMigrationUri } from '@/lib/formats/migration-uri';
import type { EnrolPreview } from '@/lib/messages';
import { OtpError } from '@/lib/otp/errors';
import { parseOtpauthUri } from '@/lib/otp/parse-otpauth-uri';
import { crop, cssRectToImage } from '@/lib/qr/crop';
import { decodeQr } from '@/lib/qr/decode-qr';
import { decodeQrCodes } from '@/lib/qr/decode-qr-codes';
import { createImage, type RgbaImage } from '@/lib/qr/rgba-image';
import { MemoryStore } from '../support/memory-store';
import { areaScale, drawQr, onPage, scale } from '../support/qr-images';
import { SHARED_ACCOUNTS } from '../support/shared-accounts';
import { background, SENDERS, type Background } from './support/background';
import { remoteCode } from './support/remote-code';

const S = 'JBSWY3DPEHPK3PXP';
const GOOD = `otpauth://totp/Trend%20Micro:abc%40example.co.jp?secret=${S}&issuer=Trend%20Micro`;

let bg: Background;
let local: MemoryStore;
let session: MemoryStore;

beforeAll(async () => {
  local = new MemoryStore();
  session = new MemoryStore();
  bg = background({ local, session });
  await bg.client.call('vault.create', { password: 'bad inputs campaign' });
  // A scan running on tab 3 (the content script's tab), for the scan.decoded cases.
  await bg.client.call('scan.start', { tabId: 3 });
});

/** `enrol.save` and `enrol.preview` of `text`: both refuse it with the same code, and nothing is written. */
async function refusedAtEnrolment(text: string): Promise<string> {
  const writes = local.writes.length;
  const code = await remoteCode(bg.client.call('enrol.save', { text }));
  expect(await remoteCode(bg.client.call('enrol.preview', { text }))).toBe(code);
  expect(local.writes.length).toBe(writes);
  return code;
}

function otpCode(uri: string): string {
  try {
    parseOtpauthUri(uri);
  } catch (error) {
    expect(error).toBeInstanceOf(OtpError);
    return (error as OtpError).code;
  }
  throw new Error(`accepted: ${uri}`);
}

describe('malformed otpauth URIs', () => {
  const base = `otpauth://totp/I:a?issuer=I`;
  it.each<[string, string, string]>([
    ['bad type', `otpauth://motp/I:a?secret=${S}`, 'invalid-type'],
    ['missing secret', base, 'missing-secret'],
    ['empty secret', `${base}&secret=`, 'missing-secret'],
    ['invalid secret', `${base}&secret=0189!`, 'invalid-secret'],
    ['digits 0', `${base}&secret=${S}&digits=0`, 'invalid-digits'],
    ['digits 5', `${base}&secret=${S}&digits=5`, 'invalid-digits'],
    ['digits 9', `${base}&secret=${S}&digits=9`, 'invalid-digits'],
    ['digits "6abc"', `${base}&secret=${S}&digits=6abc`, 'invalid-digits'],
    ['period 0', `${base}&secret=${S}&period=0`, 'invalid-period'],
    ['period -30', `${base}&secret=${S}&period=-30`, 'invalid-period'],
    ['period 30.5', `${base}&secret=${S}&period=30.5`, 'invalid-period'],
    ['period NaN', `${base}&secret=${S}&period=NaN`, 'invalid-period'],
    ['unknown algorithm', `${base}&secret=${S}&algorithm=MD5`, 'invalid-algorithm'],
    ['HOTP without counter', `otpauth://hotp/I:a?secret=${S}`, 'missing-counter'],
    ['duplicate params', `${base}&secret=${S}&secret=${S}`, 'duplicate-parameter'],
    ['%ZZ', `otpauth://totp/I%ZZ:a?secret=${S}`, 'malformed-uri'],
  ])('%s: refused with its code, at enrolment too, nothing written', async (_what, uri, code) => {
    expect(otpCode(uri)).toBe(code);
    expect(await refusedAtEnrolment(uri)).toBe(code);
  });

  it('a 1 MB secret: `uri-too-long` at once (under 50 ms), and refused before parsing by the background', async () => {
    const uri = `${base}&secret=${'A'.repeat(1 << 20)}`;
    const t0 = performance.now();
    expect(otpCode(uri)).toBe('uri-too-long');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(await refusedAtEnrolment(uri)).toBe('bad-request');
  });
});

describe('garbage or truncated otpauth-migration data', () => {
  const [uri] = formatMigrationUris(
    SHARED_ACCOUNTS.filter((a) => a.type === 'totp' && a.period === 30 && a.digits !== 7),
  );

  function formatCode(text: string): string | null {
    try {
      parseMigrationUri(text);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      return (error as FormatError).code;
    }
  }

  it('every truncation of a real transfer URI: a FormatError code or fewer whole accounts, never a damaged one', () => {
    expect(uri).toBeDefined();
    const full = parseMigrationUri(uri!).accounts;
    for (let n = 0; n < uri!.length; n++) {
      const cut = uri!.slice(0, n);
      const code = formatCode(cut);
      if (code === null) {
        // A cut on a Base64 boundary can leave a shorter, valid message: only whole accounts of the original.
        for (const a of parseMigrationUri(cut).accounts) expect(full).toContainEqual(a);
      } else expect(['not-migration', 'malformed-migration', 'empty-migration']).toContain(code);
    }
  });

  it.each([
    ['data that is not Base64', 'otpauth-migration://offline?data=!!!!'],
    [
      'Base64 of random bytes',
      `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from('\x0a\xff\xff\xff\xff\x0f').toString('base64'))}`,
    ],
    ['an empty payload', 'otpauth-migration://offline?data='],
    ['no data parameter', 'otpauth-migration://offline?x=1'],
    ['a bad percent-encoding', 'otpauth-migration://offline?data=%ZZ'],
  ])('%s: a typed code at enrolment, nothing written', async (_what, text) => {
    expect(['malformed-migration', 'empty-migration', 'not-migration']).toContain(
      await refusedAtEnrolment(text),
    );
  });
});

describe('absurd batch counts in a transfer code', () => {
  const [real] = formatMigrationUris([SHARED_ACCOUNTS.find((a) => a.type === 'totp' && a.period === 30)!], {
    batchId: 4242,
  });
  /** The real one-account transfer code, claiming to be QR code `index` of `size`. */
  const claiming = (size: number, index = 0) =>
    encodeMigrationUri(
      encodeMigrationPayload({
        ...decodeMigrationPayload(decodeMigrationUri(real!)),
        batchSize: size,
        batchIndex: index,
      }),
    );
  /** Everything in local and session storage, as one comparable value. */
  const stored = () => JSON.stringify([[...local.data], [...session.data]]);

  it.each([
    ['2^31 − 1 QR codes', 2 ** 31 - 1, 0],
    ['2^31 − 1 QR codes (this one the last)', 2 ** 31 - 1, 2 ** 31 - 2],
    ['101 QR codes', 101, 100],
  ])(
    'a transfer code claiming %s: `migration-batch-too-large` at once, from the options page and a scan, nothing written',
    async (_what, size, index) => {
      const uri = claiming(size, index);
      const t0 = performance.now();
      expect(() => parseMigrationUri(uri)).toThrow(
        expect.objectContaining({ code: 'migration-batch-too-large' }),
      );
      expect(performance.now() - t0).toBeLessThan(50);

      const before = stored();
      const started = performance.now();
      expect(await refusedAtEnrolment(uri)).toBe('migration-batch-too-large');
      expect(await bg.route({ type: 'scan.decoded', payload: { text: uri } }, SENDERS.contentScript)).toEqual(
        {
          ok: false,
          code: 'migration-batch-too-large',
        },
      );
      expect(performance.now() - started).toBeLessThan(1000);
      expect(stored()).toBe(before);
    },
  );

  it('batch_index beyond batch_size: `malformed-migration`, nothing written', async () => {
    const before = stored();
    for (const [size, index] of [
      [5, 2 ** 31 - 1],
      [100, 100],
      [1, -1],
    ] as const) {
      expect(await refusedAtEnrolment(claiming(size, index))).toBe('malformed-migration');
    }
    expect(stored()).toBe(before);
  });

  it('100 QR codes (the most accepted): the missing ones as a count and a few ranges, not a list', async () => {
    const preview = (await bg.client.call('enrol.preview', { text: claiming(100, 41) })) as EnrolPreview;
    expect(preview.batch).toEqual({
      batchId: 4242,
      index: 41,
      size: 100,
      missingCount: 99,
      missingRanges: [
        [0, 40],
        [42, 99],
      ],
    });
  });
});

describe('non-OTP QR codes (URLs, javascript:)', () => {
  it.each([
    ['a web link', 'https://example.com/login', 'not-otp-link'],
    ['a www link', 'www.example.com', 'not-otp-link'],
    ['javascript:', 'javascript:alert(document.cookie)', 'not-otp-text'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>', 'not-otp-text'],
    ['a Microsoft activation', 'phonefactor://activate_account?code=123&url=https://x', 'not-otp-microsoft'],
    ['plain text', 'hello', 'not-otp-text'],
  ])('%s: refused at enrolment and from a scan, never saved, never followed', async (_what, text, code) => {
    expect(await refusedAtEnrolment(text)).toBe(code);
    // From the scan content script of the scanned tab, too.
    const writes = local.writes.length;
    expect(await bg.route({ type: 'scan.decoded', payload: { text } }, SENDERS.contentScript)).toEqual({
      ok: false,
      code,
    });
    expect(local.writes.length).toBe(writes);
    expect(bg.fill.filled).toEqual([]);
  });
});

describe('QR codes in a selection', () => {
  const A = GOOD;
  const B = `otpauth://totp/Portal:soc-admin02%40example.co.jp?secret=GEZDGNBVGY3TQOJQ&issuer=Portal`;

  function sideBySide(left: RgbaImage, right: RgbaImage, gap: number): RgbaImage {
    const width = left.width + gap + right.width + 40;
    const page = onPage(left, width, Math.max(left.height, right.height) + 40, 20, 20);
    for (let row = 0; row < right.height; row++) {
      page.data.set(
        right.data.subarray(row * right.width * 4, (row + 1) * right.width * 4),
        ((20 + row) * width + 20 + left.width + gap) * 4,
      );
    }
    return page;
  }

  it('two QR codes in one region: both are read (so the scan asks), at DPR 1 and 1.25', () => {
    const pair = sideBySide(drawQr(A, { modulePx: 4 }), drawQr(B, { modulePx: 4 }), 30);
    expect(decodeQrCodes(pair).sort()).toEqual([A, B].sort());
    expect(decodeQrCodes(scale(pair, 1.25)).sort()).toEqual([A, B].sort());
  });

  it('a 0x0 selection: no code and no error, whatever the screenshot', () => {
    const shot = onPage(drawQr(A, { modulePx: 4 }), 400, 300, 50, 50);
    for (const rect of [
      { x: 10, y: 10, width: 0, height: 0 },
      { x: 10, y: 10, width: 0, height: 200 },
      { x: 500, y: 500, width: 20, height: 20 },
      { x: -50, y: -50, width: 10, height: 10 },
    ]) {
      const region = crop(shot, cssRectToImage(rect, shot.width, 400));
      expect(region.width * region.height).toBe(0);
      expect(decodeQr(region)).toBeNull();
      expect(decodeQrCodes(region)).toEqual([]);
    }
    expect(decodeQrCodes(createImage(0, 0))).toEqual([]);
  });

  it.each([
    ['DPR 1.25', 1.25],
    ['DPR 1.5', 1.5],
    ['DPR 3', 3],
    ['page zoom 67%', 0.67],
    ['page zoom 175%', 1.75],
  ])('%s: the code is read, resampled sharply and blended', (_what, factor) => {
    const code = drawQr(A, { modulePx: 3, margin: 15 });
    expect(decodeQr(scale(code, factor))).toBe(A);
    expect(decodeQrCodes(areaScale(onPage(code, code.width + 60, code.height + 60, 30, 30), factor))).toEqual(
      [A],
    );
  });
});
