import fc from 'fast-check';

/**
 * Any single UTF-16 code point, unpaired surrogates included. Used instead of fast-check's `unit: 'binary'`,
 * which costs ~0.6 s to initialise.
 */
export const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((codePoint) => String.fromCodePoint(codePoint));

/** Strings of arbitrary code points. */
export const anyText = (maxLength: number) => fc.string({ unit: anyCodePoint, maxLength });
