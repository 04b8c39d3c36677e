/** What the page around a field says: is this a verification step, and does it ask for a password too? */
import { containsAny, VERIFY_PAGE_WORDS, VERIFY_URL_WORDS } from './keywords';
import { squash } from './normalize-text';

const HEADINGS_AND_BUTTONS =
  'h1, h2, h3, h4, h5, h6, legend, button, [role="button"], input[type="submit"], input[type="button"]';

/** Headings, buttons, the title or the URL speak of verifying, confirming, MFA. */
export function isVerifyPage(input: HTMLInputElement): boolean {
  const doc = input.ownerDocument;
  const root = input.getRootNode() as Document | ShadowRoot;
  const scopes = root === doc ? [doc] : [root, doc];
  const texts = scopes.flatMap((scope) =>
    [...scope.querySelectorAll<HTMLElement>(HEADINGS_AND_BUTTONS)].map((el) =>
      el.localName === 'input' ? (el as HTMLInputElement).value : (el.textContent ?? ''),
    ),
  );
  if (containsAny(squash([doc.title, ...texts].join(' | ')), VERIFY_PAGE_WORDS)) return true;
  return containsAny(squash(urlPathAndQuery(doc)), VERIFY_URL_WORDS);
}

function urlPathAndQuery(doc: Document): string {
  try {
    const url = new URL(doc.URL);
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '';
  }
}

/** A password field among the candidates' documents: then a bare "code" or "PIN" may be something else. */
export function hasPasswordField(inputs: readonly HTMLInputElement[]): boolean {
  return inputs.some((i) => i.type === 'password');
}
