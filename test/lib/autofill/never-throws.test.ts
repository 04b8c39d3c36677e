// @vitest-environment happy-dom
/** Whatever a page writes into its labels and attributes, looking for the code field never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCodeTarget } from '@/lib/autofill';
import { showPage, styleMeasure } from './page';

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('6桁のコード', 'ＯＴＰ', 'XXX-XXX', '\\d{3}-\\d{3}', '[', '(?', 'one-time-code', '７', ''),
);

const field = fc.record({
  label: text,
  placeholder: text,
  name: text,
  id: text,
  ariaLabel: text,
  pattern: text,
  maxlength: text,
  autocomplete: text,
  value: text,
  type: fc.constantFrom('text', 'tel', 'number', 'password', 'search', '', 'bogus'),
});

describe('findCodeTarget on arbitrary pages', () => {
  it('never throws, and any target it returns is on the page', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 4 }), text, (fields, heading) => {
        showPage('');
        const h1 = document.createElement('h1');
        h1.textContent = heading;
        document.body.append(h1);
        for (const f of fields) {
          const label = document.createElement('label');
          label.textContent = f.label;
          const input = document.createElement('input');
          const attrs = { placeholder: f.placeholder, name: f.name, id: f.id, 'aria-label': f.ariaLabel };
          for (const [k, v] of Object.entries(attrs)) input.setAttribute(k, v);
          for (const [k, v] of Object.entries({ pattern: f.pattern, maxlength: f.maxlength }))
            input.setAttribute(k, v);
          input.setAttribute('autocomplete', f.autocomplete);
          input.setAttribute('type', f.type);
          input.value = f.value;
          label.append(input);
          document.body.append(label);
        }
        const target = findCodeTarget(document, { measure: styleMeasure });
        const inputs = target === null ? [] : target.kind === 'single' ? [target.input] : target.inputs;
        for (const input of inputs) expect(document.contains(input)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
