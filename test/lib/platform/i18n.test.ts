import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { loadMessages, translator } from '../../support/translate';

/** A fresh copy of the module (its templates are cached per page), over the browser's lookup for `lang`. */
async function platformTranslate(lang: 'en' | 'ja') {
  const reference = translator(lang);
  const messages = loadMessages(lang);
  // The browser substitutes `$1`…`$9` itself; the module asks with the markers and substitutes later.
  const lookup = vi
    .spyOn(browser.i18n, 'getMessage')
    .mockImplementation(((key: string, subs?: string | string[]) =>
      messages[key] ? reference(key, subs) : '') as typeof browser.i18n.getMessage);
  vi.resetModules();
  const { translate } = await import('@/lib/platform/i18n');
  return { translate, reference, keys: Object.keys(messages), lookup };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('translate', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`gives what the browser's own substitution gives, for every ${lang} message and any values`, async () => {
      const { translate, reference, keys } = await platformTranslate(lang);
      fc.assert(
        fc.property(
          fc.constantFrom(...keys),
          fc.oneof(
            fc.constant(undefined),
            fc.string(),
            fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 9 }),
          ),
          (key, subs) => {
            expect(translate(key, subs)).toBe(reference(key, subs));
          },
        ),
        { numRuns: 2000 },
      );
    });
  }

  it('asks the browser once per message, and keeps a text that merely looks like a marker', async () => {
    const { translate, lookup } = await platformTranslate('en');
    expect(translate('button_edit', 'AWS $1 root')).toBe('Edit AWS $1 root');
    expect(translate('button_edit', 'Okta')).toBe('Edit Okta');
    expect(translate('button_edit')).toBe('Edit ');
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('falls back to the key for a message the locale does not have', async () => {
    const { translate } = await platformTranslate('ja');
    expect(translate('no_such_message', 'x')).toBe('no_such_message');
  });
});
