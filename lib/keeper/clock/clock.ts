/**
 * The clock check: this computer's clock against a web server the user names (its HTTP `Date` header), and
 * whether codes use the measured offset. Codes are made at "server time" then; everything the popup counts down
 * against stays in this computer's time (the offset is taken off again). Kept in `storage.local` under `clock`
 * with a tag only this vault's key makes (local-tags.ts): a value without a valid tag is not used at all (no
 * shift, nothing shown), whatever it says — a shown offset could talk the user into applying it.
 */
import { CODE_SHEET_KEY } from '../../protocol/code-sheet';
import { CLOCK_WARN_MS, type ClockState } from '../../messages';
import type { FeatureHandlers } from '../handler-set';
import type { KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { readTagged, writeTagged, type TagStores, type Trust } from '../settings/local-tags';

export { CLOCK_WARN_MS };

export const CLOCK_KEY = 'clock';
/** An offset beyond this is not a clock that is off, it is a wrong answer: refused. */
const MAX_OFFSET_MS = 24 * 60 * 60_000;

export const NO_CLOCK: ClockState = {
  server: null,
  offsetMs: null,
  roundTripMs: null,
  measuredAt: null,
  apply: false,
};

/** One measurement: server time minus local time, and the round trip it was taken in. */
export interface ClockSample {
  offsetMs: number;
  roundTripMs: number;
}

export interface ClockEffects {
  /**
   * Measures against `server` (an origin the user granted). Rejects with KeeperError `clock-not-allowed`,
   * `clock-unreachable` or `clock-no-date`.
   */
  measureClock(server: string): Promise<ClockSample>;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseClock(value: Partial<Record<keyof ClockState, unknown>>): ClockState {
  const offsetMs =
    finite(value.offsetMs) && Math.abs(value.offsetMs) <= MAX_OFFSET_MS ? value.offsetMs : null;
  return {
    server: typeof value.server === 'string' ? value.server : null,
    offsetMs,
    roundTripMs: finite(value.roundTripMs) ? value.roundTripMs : null,
    measuredAt: finite(value.measuredAt) ? value.measuredAt : null,
    apply: value.apply === true && offsetMs !== null,
  };
}

export interface JudgedClock {
  /** What is shown (while locked: a tagged value as stored, not yet checked). */
  clock: ClockState;
  /** Codes may use it: written by Sekimori (or nothing stored). */
  usable: boolean;
  /** A stored value was not used because its tag does not verify. */
  ignored: boolean;
  trust: Trust;
}

/** The stored clock check, judged by its tag (see lock-settings.ts for `unknown`). */
export async function judgeClock(stores: TagStores): Promise<JudgedClock> {
  const { value, trust } = await readTagged(stores, CLOCK_KEY);
  if (trust === 'untrusted') {
    const ignored = JSON.stringify(parseClock(value)) !== JSON.stringify(NO_CLOCK);
    return { clock: { ...NO_CLOCK }, usable: false, ignored, trust };
  }
  return { clock: parseClock(value), usable: trust !== 'unknown', ignored: false, trust };
}

export async function readClock(stores: TagStores): Promise<ClockState> {
  return (await judgeClock(stores)).clock;
}

/**
 * What to add to this computer's time to make codes: 0 unless the user chose to use a measured offset, and that
 * choice is verifiably Sekimori's.
 */
export async function clockShift(stores: TagStores): Promise<number> {
  const { clock, usable } = await judgeClock(stores);
  return usable && clock.apply && clock.offsetMs !== null ? clock.offsetMs : 0;
}

type ClockHandlers = FeatureHandlers<'clock'>;

export function createClockHandlers(deps: KeeperDeps, effects: ClockEffects): ClockHandlers {
  // A sheet of codes written ahead used the old shift: it goes with the change (lib/protocol/code-sheet.ts).
  const write = (state: ClockState) =>
    writeTagged(deps, CLOCK_KEY, { ...state })
      .then(() => deps.session.set({ [CODE_SHEET_KEY]: null }))
      .then(() => state);
  /** The current state to change; a tagged one that cannot be checked now (locked) is not changed. */
  const current = async () => {
    const { clock, trust } = await judgeClock(deps);
    if (trust === 'unknown') throw new KeeperError('locked');
    return clock;
  };
  return {
    'clock.get': () => readClock(deps),
    'clock.check': async ({ server }) => {
      const before = await current();
      const sample = await effects.measureClock(server);
      if (!finite(sample.offsetMs) || Math.abs(sample.offsetMs) > MAX_OFFSET_MS) {
        throw new KeeperError('clock-unreachable');
      }
      return write({
        server,
        offsetMs: Math.round(sample.offsetMs),
        roundTripMs: Math.round(sample.roundTripMs),
        measuredAt: deps.now(),
        // A new server's measurement is not used until the user says so.
        apply: before.apply && before.server === server,
      });
    },
    'clock.apply': async ({ apply }) => {
      const clock = await current();
      if (apply && clock.offsetMs === null) throw new KeeperError('bad-request');
      return write({ ...clock, apply });
    },
  };
}
