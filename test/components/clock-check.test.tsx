// @vitest-environment happy-dom
/**
 * The clock check card over the real background (clock handlers on in-memory storage; only the network
 * measurement is scripted): the browser is asked for the one site under the click, before the background is; the
 * answer is shown in words with a warning beyond CLOCK_WARN_MS; "Use the measured time" reaches the background; and
 * every refusal has its sentence.
 */
import { cleanup, configure, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { KeeperError } from '@/lib/keeper/keeper-error';
import type { ClockSample } from '@/lib/keeper/clock/clock';
import { realClient } from '../support/real-client';
import { card, PASSWORD, tr, type, type Lang } from './options-harness';
import { mountSecurity } from './security-harness';

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

const CONSOLE = 'https://clp.trendmicro.com';

/** A background whose network answers `answer`, and the order in which the page and background acted. */
async function setUp(answer: () => Promise<ClockSample>, { lang = 'en' as Lang, grant = true } = {}) {
  const events: string[] = [];
  const bg = realClient({
    measureClock: async (server) => {
      events.push(`measure ${server}`);
      return answer();
    },
  });
  await bg.client.call('vault.create', { password: PASSWORD });
  mountSecurity(bg.client, {
    lang,
    access: async (origin) => {
      events.push(`ask ${origin}`);
      return grant;
    },
  });
  const c = within(card(tr(lang, 'clock_title')));
  return { ...bg, events, c };
}

function check(c: ReturnType<typeof within>, typed: string, lang: Lang = 'en') {
  type(c.getByLabelText(tr(lang, 'clock_server_label')), typed);
  fireEvent.click(c.getByRole('button', { name: tr(lang, 'clock_button') }));
}

describe('Clock check', () => {
  it('asks for the site under the click, then shows how far behind the clock is, with a warning', async () => {
    const { c, events, client } = await setUp(async () => ({ offsetMs: 42_300, roundTripMs: 180 }));
    check(c, 'clp.trendmicro.com');
    // Synchronously within the click: the browser is asked before the background measures anything.
    expect(events).toEqual([`ask ${CONSOLE}`]);
    expect(
      await c.findByText("This computer's clock is 42 s behind https://clp.trendmicro.com."),
    ).toBeTruthy();
    expect(events).toEqual([`ask ${CONSOLE}`, `measure ${CONSOLE}`]);
    expect(c.getByText(/^Accurate to about ±1 s\. Measured /)).toBeTruthy();
    expect(c.getByRole('alert').textContent).toBe(
      "Codes may be rejected. Correct the computer's clock, or let Sekimori use the measured time.",
    );
    expect(c.getByLabelText<HTMLInputElement>('Server to compare with').value).toBe(CONSOLE);

    const use = c.getByLabelText<HTMLInputElement>('Use the measured time for codes');
    expect(use.checked).toBe(false);
    fireEvent.click(use);
    await waitFor(async () => expect((await client.call('clock.get', {})).apply).toBe(true));
    await waitFor(() => expect(c.queryByRole('alert')).toBeNull());
    expect(use.checked).toBe(true);
    expect(c.getByText(/^Codes are made with the measured time\./)).toBeTruthy();

    // What the background kept is shown again on the next visit.
    cleanup();
    mountSecurity(client);
    const again = within(card('Clock check'));
    expect(await again.findByText(/42 s behind https:\/\/clp\.trendmicro\.com/)).toBeTruthy();
    expect(again.getByLabelText<HTMLInputElement>('Server to compare with').value).toBe(CONSOLE);
    expect(again.getByLabelText<HTMLInputElement>('Use the measured time for codes').checked).toBe(true);
  });

  it('a clock a few seconds ahead: no warning', async () => {
    const { c } = await setUp(async () => ({ offsetMs: -3_200, roundTripMs: 2_400 }));
    check(c, 'https://clp.trendmicro.com/login?next=/');
    expect(
      await c.findByText("This computer's clock is 3 s ahead of https://clp.trendmicro.com."),
    ).toBeTruthy();
    expect(c.getByText(/^Accurate to about ±2 s\./)).toBeTruthy();
    expect(c.queryByRole('alert')).toBeNull();
  });

  it('the same time', async () => {
    const { c } = await setUp(async () => ({ offsetMs: 300, roundTripMs: 50 }));
    check(c, CONSOLE);
    expect(await c.findByText("This computer's clock agrees with https://clp.trendmicro.com.")).toBeTruthy();
    // Nothing to correct: no offer to use the measured time.
    expect(c.queryByLabelText('Use the measured time for codes')).toBeNull();
  });

  it('not allowed by the user: says so, and the background is not asked', async () => {
    const { c, events } = await setUp(async () => ({ offsetMs: 0, roundTripMs: 1 }), { grant: false });
    check(c, CONSOLE);
    expect((await c.findByRole('alert')).textContent).toBe(
      'Sekimori was not allowed to contact that server. Check again, and choose Allow when the browser asks.',
    );
    expect(events).toEqual([`ask ${CONSOLE}`]);
  });

  it('the background’s refusals: unreachable, no date', async () => {
    for (const [code, sentence] of [
      ['clock-unreachable', /^The server did not answer\./],
      ['clock-no-date', /^The server answered without giving its time\./],
    ] as const) {
      const { c } = await setUp(() => Promise.reject(new KeeperError(code)));
      check(c, CONSOLE);
      expect((await c.findByRole('alert')).textContent).toMatch(sentence);
      expect(c.queryByLabelText('Use the measured time for codes')).toBeNull();
      cleanup();
    }
  });

  it('an address that will not do is refused before the browser is asked', async () => {
    const { c, events } = await setUp(async () => ({ offsetMs: 0, roundTripMs: 1 }));
    check(c, 'not a site');
    expect(c.getByRole('alert').textContent).toBe(tr('en', 'error_site_invalid'));
    check(c, 'http://clp.trendmicro.com');
    expect(c.getByRole('alert').textContent).toMatch(/^Use an https:\/\/ address/);
    expect(events).toEqual([]);
  });

  it('in Japanese', async () => {
    const { c } = await setUp(async () => ({ offsetMs: -42_000, roundTripMs: 100 }), { lang: 'ja' });
    check(c, 'clp.trendmicro.com', 'ja');
    expect(
      await c.findByText('このパソコンの時計はhttps://clp.trendmicro.comより42秒進んでいます。'),
    ).toBeTruthy();
    expect(c.getByRole('alert').textContent).toBe(tr('ja', 'clock_warning'));
    expect(c.getByLabelText('コードの生成に測定した時刻を使う')).toBeTruthy();
  });
});
