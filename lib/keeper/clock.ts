/**
 * The clock check: this computer's clock against a web server the user names (its HTTP `Date` header), and
 * whether codes use the measured offset. Codes are made at "server time" then; everything the popup counts down
 * against stays in this computer's time (the offset is taken off again).
 */
import { CLOCK_WARN_MS, type ClockState } from '../messages';
import type { KeyValueStore } from '../vault';
import type { Handlers } from './handlers';
import type { KeeperDeps } from './keeper';
import { KeeperError } from './keeper-error';

export { CLOCK_WARN_MS };

const KEY = 'clock';
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

export async function readClock(local: KeyValueStore): Promise<ClockState> {
  const value = (await local.get([KEY]))[KEY] as Partial<ClockState> | undefined;
  if (!value || typeof value !== 'object') return { ...NO_CLOCK };
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

/** What to add to this computer's time to make codes (0 unless the user chose to use a measured offset). */
export async function clockShift(local: KeyValueStore): Promise<number> {
  const clock = await readClock(local);
  return clock.apply && clock.offsetMs !== null ? clock.offsetMs : 0;
}

type ClockHandlers = Pick<Handlers, 'clock.get' | 'clock.check' | 'clock.apply'>;

export function createClockHandlers(deps: KeeperDeps, effects: ClockEffects): ClockHandlers {
  const write = (state: ClockState) => deps.local.set({ [KEY]: state }).then(() => state);
  return {
    'clock.get': () => readClock(deps.local),
    'clock.check': async ({ server }) => {
      const sample = await effects.measureClock(server);
      if (!finite(sample.offsetMs) || Math.abs(sample.offsetMs) > MAX_OFFSET_MS) {
        throw new KeeperError('clock-unreachable');
      }
      const before = await readClock(deps.local);
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
      const clock = await readClock(deps.local);
      if (apply && clock.offsetMs === null) throw new KeeperError('bad-request');
      return write({ ...clock, apply });
    },
  };
}
