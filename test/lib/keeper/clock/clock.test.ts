/**
 * The clock check over the real background: a measured offset is kept, used for codes only when the user says
 * so, and then every code (popup list, preview, fill) is the one at server time while the popup's countdown stays
 * in this computer's time.
 */
import { describe, expect, it } from 'vitest';
import { KeeperError } from '@/lib/keeper/keeper-error';
import { generateCode } from '@/lib/otp/generate-code';
import { formatOtpauthUri } from '@/lib/otp/format-otpauth-uri';
import { codeOf, realClient } from '../../../support/real-client';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';

const CONSOLE = 'https://clp.trendmicro.com';
const TREND = SHARED_ACCOUNTS[0]!;

async function setUp(offsetMs: number) {
  const measured: string[] = [];
  const rig = realClient({
    measureClock: async (server) => {
      measured.push(server);
      return { offsetMs, roundTripMs: 40 };
    },
  });
  await rig.client.call('vault.create', { password: 'correct horse battery staple' });
  const { added } = await rig.client.call('enrol.save', { text: formatOtpauthUri(TREND) });
  await rig.client.call('account.bind', { id: added[0]!, origin: CONSOLE });
  return { ...rig, measured, id: added[0]! };
}

describe('clock check', () => {
  it('nothing measured yet: codes at this computer’s time, and the offset cannot be applied', async () => {
    const { client } = await setUp(0);
    expect(await client.call('clock.get', {})).toEqual({
      server: null,
      offsetMs: null,
      roundTripMs: null,
      measuredAt: null,
      apply: false,
    });
    expect(await codeOf(client.call('clock.apply', { apply: true }))).toBe('bad-request');
  });

  it('a measurement is kept, applied only when chosen; then codes are the server’s, countdown local', async () => {
    const offset = 95_000; // this computer is 95 s behind: three steps
    const { client, measured } = await setUp(offset);
    const checked = await client.call('clock.check', { server: CONSOLE });
    expect(measured).toEqual([CONSOLE]);
    expect(checked).toMatchObject({ server: CONSOLE, offsetMs: offset, roundTripMs: 40, apply: false });
    const before = Date.now();
    const plain = (await client.call('codes.list', {})).accounts[0]!;
    expect([await generateCode(TREND, before), await generateCode(TREND, Date.now())]).toContain(plain.code);

    expect((await client.call('clock.apply', { apply: true })).apply).toBe(true);
    const at = Date.now();
    const shifted = (await client.call('codes.list', {})).accounts[0]!;
    expect([
      await generateCode(TREND, at + offset),
      await generateCode(TREND, Date.now() + offset),
    ]).toContain(shifted.code);
    // The countdown the popup draws with Date.now(): the end of the server's step, in local time.
    const stepEnd = Math.floor((at + offset) / 30_000 + 1) * 30_000 - offset;
    expect(Math.abs(shifted.validUntilMs - stepEnd)).toBeLessThanOrEqual(30_000);
    expect(shifted.validUntilMs).toBeGreaterThan(at);
    expect(shifted.validUntilMs - at).toBeLessThanOrEqual(30_000);

    const preview = await client.call('account.preview', { draft: { ...TREND } });
    expect([
      await generateCode(TREND, at + offset),
      await generateCode(TREND, Date.now() + offset),
    ]).toContain(preview.code);
  });

  it('a fill types the server-time code', async () => {
    const offset = -61_000;
    const { client, fill, id } = await setUp(offset);
    await client.call('clock.check', { server: CONSOLE });
    await client.call('clock.apply', { apply: true });
    fill.tab.origin = CONSOLE;
    const at = Date.now();
    await client.call('fill.code', {
      id,
      tabId: fill.tab.tabId,
      documentId: fill.tab.documentId!,
      origin: CONSOLE,
      frames: [],
      allowOtherOrigin: false,
      allowEmailCode: false,
    });
    const candidates = await Promise.all(
      [at, at + 3100, Date.now()].map((t) => generateCode(TREND, t + offset)),
    );
    expect(candidates).toContain(fill.filled[0]!.code);
  });

  it('measuring another server starts with the offset not applied', async () => {
    const { client } = await setUp(20_000);
    await client.call('clock.check', { server: CONSOLE });
    await client.call('clock.apply', { apply: true });
    expect((await client.call('clock.check', { server: CONSOLE })).apply).toBe(true);
    expect((await client.call('clock.check', { server: 'https://portal.example.co.jp' })).apply).toBe(false);
  });

  it('errors of the measurement reach the page as codes; an absurd offset is refused', async () => {
    const refused = realClient({
      measureClock: () => Promise.reject(new KeeperError('clock-not-allowed')),
    });
    expect(await codeOf(refused.client.call('clock.check', { server: CONSOLE }))).toBe('clock-not-allowed');
    const absurd = await setUp(10 * 24 * 3600_000);
    expect(await codeOf(absurd.client.call('clock.check', { server: CONSOLE }))).toBe('clock-unreachable');
    expect(await codeOf(absurd.client.call('clock.check', { server: 'not an origin' }))).toBe('bad-request');
  });
});
