import { describe, expect, it } from 'vitest';
import { passwordStrength } from '@/components/password-strength';

describe('password strength hint', () => {
  it.each([
    ['', 0],
    ['short', 0],
    ['aaaaaaaaaaaa', 0],
    ['password1', 0],
    ['1234567890', 0],
    ['hunter2hunter2', 2],
    ['Tr0ub4dour&3', 3],
    ['correct horse battery staple', 4],
    ['関守は門を守る合言葉です', 2],
  ] as const)('%j -> %i', (password, score) => {
    expect(passwordStrength(password)).toBe(score);
  });

  it('never rises when a password is a repetition of itself', () => {
    expect(passwordStrength('Kobe2026Kobe2026')).toBeLessThan(passwordStrength('Kobe2026Nara1999'));
  });
});
