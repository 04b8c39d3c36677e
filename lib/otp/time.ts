/** TOTP time steps (RFC 6238: T = floor(unix seconds / period), T0 = 0), safe beyond 32 bits. */
import { OtpError } from './errors';
import { MAX_PERIOD_S } from './limits';

/** The time step in use at `timeMs`; steps above 2^32 are fine (whole numbers up to 2^53 - 2). */
export function timeStep(periodS: number, timeMs: number): number {
  const step = Math.floor(unixSeconds(timeMs) / checkPeriod(periodS));
  if (!Number.isSafeInteger(step + 1)) throw new OtpError('invalid-time'); // the next step must exist too
  return step;
}

/** Whole seconds until the next step starts: `periodS` right at a step boundary, 1 in its last second. */
export function secondsRemaining(periodS: number, timeMs: number): number {
  timeStep(periodS, timeMs);
  return periodS - (unixSeconds(timeMs) % periodS);
}

/** Unix time in milliseconds at which the step after the current one begins. */
export function nextStepStartMs(periodS: number, timeMs: number): number {
  return (timeStep(periodS, timeMs) + 1) * periodS * 1000;
}

function checkPeriod(periodS: number): number {
  if (!Number.isSafeInteger(periodS) || periodS < 1 || periodS > MAX_PERIOD_S) {
    throw new OtpError('invalid-period');
  }
  return periodS;
}

function unixSeconds(timeMs: number): number {
  if (typeof timeMs !== 'number' || !Number.isFinite(timeMs) || timeMs < 0)
    throw new OtpError('invalid-time');
  return Math.floor(timeMs / 1000);
}
