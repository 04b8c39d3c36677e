import { describe, expect, it } from 'vitest';
import { nextStepStartMs, secondsRemaining, timeStep } from '../../../lib/otp/time';
import { otpErrorCode } from './otp-error-code';

describe('time steps', () => {
  it.each<[number, number, number, number, number]>([
    // period, timeMs, step, seconds remaining, next step start
    [30, 0, 0, 30, 30_000],
    [30, 29_999, 0, 1, 30_000],
    [30, 30_000, 1, 30, 60_000],
    [30, 59_000, 1, 1, 60_000],
    [60, 1_234_567_890_000, 20_576_131, 30, 1_234_567_920_000],
    [30, 20_000_000_000_000, 666_666_666, 10, 20_000_000_010_000],
    [1, 5_500, 5, 1, 6_000],
    [3600, 7_199_999, 1, 1, 7_200_000],
  ])('period %i at %i ms: step %i, %i s left, next at %i', (period, time, step, left, next) => {
    expect(timeStep(period, time)).toBe(step);
    expect(secondsRemaining(period, time)).toBe(left);
    expect(nextStepStartMs(period, time)).toBe(next);
  });

  it('handles steps above 2^32', () => {
    const time = 2 ** 33 * 30_000;
    expect(timeStep(30, time)).toBe(2 ** 33);
  });

  it.each([0, -30, 30.5, Number.NaN, 3601])('rejects period %s', (period) => {
    expect(otpErrorCode(() => timeStep(period, 0))).toBe('invalid-period');
  });

  it.each([-1, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.MAX_VALUE])(
    'rejects time %s',
    (time) => {
      expect(otpErrorCode(() => timeStep(30, time))).toBe('invalid-time');
      expect(otpErrorCode(() => secondsRemaining(30, time))).toBe('invalid-time');
    },
  );
});
