// @vitest-environment happy-dom
/** How the field wants the code written: `XXX-XXX` fields get `123-456`, every other field the code as is. */
import { describe, expect, it } from 'vitest';
import { findCodeTarget, formatCode } from '@/lib/autofill';
import { showPage, styleMeasure } from './page';

describe('the field’s format', () => {
  it.each([
    ['placeholder XXX-XXX', 'placeholder="XXX-XXX"', 'grouped-3-3'],
    ['placeholder ＸＸＸ－ＸＸＸ (full-width)', 'placeholder="ＸＸＸ－ＸＸＸ"', 'grouped-3-3'],
    ['placeholder 123 456', 'placeholder="123 456"', 'grouped-3-3'],
    ['pattern \\d{3}-\\d{3}', 'pattern="\\d{3}-\\d{3}"', 'grouped-3-3'],
    ['pattern [0-9]{3}[- ]?[0-9]{3}', 'pattern="[0-9]{3}[- ]?[0-9]{3}"', 'grouped-3-3'],
    ['maxlength 7', 'maxlength="7"', 'grouped-3-3'],
    ['maxlength 7 but placeholder XXXXXXX', 'maxlength="7" placeholder="XXXXXXX"', 'digits'],
    ['placeholder XXXXXX', 'placeholder="XXXXXX"', 'digits'],
    ['pattern [0-9]*', 'pattern="[0-9]*"', 'digits'],
    ['maxlength 6', 'maxlength="6"', 'digits'],
    ['nothing', '', 'digits'],
  ])('%s → %s', (_name, attrs, format) => {
    showPage(`<input name="otp" ${attrs}>`);
    expect(findCodeTarget(document, { measure: styleMeasure })).toMatchObject({ format });
  });
});

describe('formatCode', () => {
  it.each([
    ['123456', 'digits', -1, '123456'],
    ['123456', 'grouped-3-3', -1, '123-456'],
    ['123456', 'grouped-3-3', 7, '123-456'],
    ['123456', 'grouped-3-3', 6, '123456'],
    ['12345678', 'digits', -1, '12345678'],
    ['12345678', 'grouped-3-3', -1, '1234-5678'],
    ['1234567', 'grouped-3-3', -1, '1234567'],
    ['2BX7K', 'grouped-3-3', -1, '2BX7K'],
  ] as const)('%s as %s (maxlength %i) → %s', (code, format, maxLength, written) => {
    expect(formatCode(code, format, maxLength)).toBe(written);
  });
});
