/** How the field wants the code written: ServiceNow's `XXX-XXX` field takes `123-456`, others the digits. */
import type { CodeFormat } from './code-target';
import { normalizeText } from './normalize-text';

/** `XXX-XXX`, `123 456`, `___-___`, `•••-•••`: two groups of three. */
const GROUPED_PLACEHOLDER = /^\s*[x0-9•*_#]{3}\s*[-\s]\s*[x0-9•*_#]{3}\s*$/;
/** `XXXXXX`, `123456`: six in one run. */
const PLAIN_PLACEHOLDER = /^\s*[x0-9•*_#]{6,8}\s*$/;
/** A pattern that needs a separator between two groups of three (`\d{3}-\d{3}`, `[0-9]{3}[- ][0-9]{3}`). */
const GROUPED_PATTERN = /\{3\}\s*(?:-|\\-|\[[-\s\\]+\]|\\s|\s)\??\s*(?:\\d|\[0-9\])\{3\}/;

export function detectFormat(input: HTMLInputElement): CodeFormat {
  const placeholder = normalizeText(input.getAttribute('placeholder') ?? '');
  if (GROUPED_PLACEHOLDER.test(placeholder)) return 'grouped-3-3';
  if (GROUPED_PATTERN.test(input.getAttribute('pattern') ?? '')) return 'grouped-3-3';
  // Seven characters for a six-digit code is room for the hyphen, unless the placeholder shows a plain run.
  if (input.getAttribute('maxlength') === '7' && !PLAIN_PLACEHOLDER.test(placeholder)) return 'grouped-3-3';
  return 'digits';
}

/**
 * The code as the field wants it: `123456` → `123-456` when grouped (an 8-digit code as `1234-5678`);
 * otherwise as is. A grouped form that would not fit the field's maxlength falls back to the digits.
 */
export function formatCode(code: string, format: CodeFormat, maxLength = -1): string {
  if (format !== 'grouped-3-3' || code.length < 6 || code.length % 2 !== 0) return code;
  const half = code.length / 2;
  const grouped = `${code.slice(0, half)}-${code.slice(half)}`;
  return maxLength > 0 && grouped.length > maxLength ? code : grouped;
}

/** A value the field may already hold without being "something else": empty, or digits, spaces, hyphens. */
export function isCodeLikeValue(value: string): boolean {
  return /^[\d\s-]*$/.test(value.normalize('NFKC'));
}

/** A value without its spaces and hyphens, so `123-456` and `123 456` both read as `123456`. */
export function withoutSeparators(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '');
}
