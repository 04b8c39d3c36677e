/**
 * Tells an e-mailed (or texted) code page from an authenticator page: they look the same, only the words
 * around the field differ ("sent to your e-mail", 再送信, the address itself). The caller fills such a page
 * only when the user explicitly asks, never automatically.
 */
import { containsAny, EMAILED_CODE_PHRASES } from './keywords';
import { normalizeText, squash } from './normalize-text';
import { parentAcrossShadow } from './is-shown';
import { readableText } from './readable-text';

/** Without a `<form>`, the field's surroundings grow until they hold about this much text. */
const MAX_CONTEXT_CHARS = 1500;
const EMAIL_ADDRESS = /[^\s@|<>()"']+@[^\s@|<>()"']+\.[a-z]{2,}/;

export function isEmailedCode(field: Element): boolean {
  const text = contextText(field);
  return containsAny(squash(text), EMAILED_CODE_PHRASES) || EMAIL_ADDRESS.test(normalizeText(text));
}

/**
 * The field's form, or else its nearest ancestor before the text becomes a whole page: the site header's
 * "signed in as admin@example.com" is not about this field.
 */
function contextText(field: Element): string {
  const form = field.closest('form');
  if (form) return readableText(form);
  let text = '';
  for (let up = parentAcrossShadow(field); up && up.localName !== 'html'; up = parentAcrossShadow(up)) {
    const wider = readableText(up);
    if (wider.length > MAX_CONTEXT_CHARS) break;
    text = wider;
  }
  return text;
}
