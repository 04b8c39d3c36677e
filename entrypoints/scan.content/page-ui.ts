/**
 * Our UI on a page lives in a closed shadow root on an element of our own: the page's CSS cannot restyle it
 * and its scripts cannot read it. Shown only while the user selects, and for a short confirmation.
 *
 * What the page can still see is the host element itself (its name, attributes and box). So it carries no name
 * of ours and says nothing about its purpose: a custom element name made up anew for each host, from letters that
 * cannot spell a word (no vowels, no q), and only an inline style; a toast's box has a fixed size and place,
 * whatever it says (success or failure, one line or several).
 */
const FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Noto Sans CJK JP', Meiryo, sans-serif";

/**
 * Text in the pill breaks at punctuation and spaces only (`keep-all`: never 「中止しま/す。」), with
 * `overflow-wrap: anywhere` as the last resort for a run too long for the line; the host carries no `lang`, so
 * Chromium's phrase segmenter (which needs one) cannot be used here.
 */
export const BASE_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: ${FONT}; }
.pill {
  background: #1b1f24; color: #fff; border-radius: 10px; padding: 10px 14px; font-size: 14px; line-height: 1.5;
  box-shadow: 0 6px 24px rgba(0,0,0,.35); max-width: min(560px, calc(100vw - 32px));
  line-break: strict; word-break: keep-all; overflow-wrap: anywhere;
}
.brand { font-weight: 600; color: #a9c2f5; margin-right: 8px; }
.problem { display: block; margin-top: 6px; color: #ffd27a; }
`;

export interface PageUi {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

/** Consonants only: a random name from them cannot spell the product, the purpose or any other word. */
const NAME_LETTERS = 'bcdfghjklmnprstvwxz';

/** A valid custom element name (`x-y`, lower case) made up for one host: nothing for the page to match on. */
export function neutralElementName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const letters = [...bytes].map((b) => NAME_LETTERS[b % NAME_LETTERS.length]!).join('');
  return `${letters.slice(0, 6)}-${letters.slice(6)}`;
}

/** A fixed, top-most host element with a closed shadow root, appended to the document. */
export function mountPageUi(css: string, placement: Record<string, string>): PageUi {
  const host = document.createElement(neutralElementName());
  const style = { all: 'initial', position: 'fixed', 'z-index': '2147483647', ...placement };
  for (const [name, value] of Object.entries(style)) host.style.setProperty(name, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = document.createElement('style');
  sheet.textContent = BASE_CSS + css;
  root.append(sheet);
  document.documentElement.append(host);
  return { host, root, remove: () => host.remove() };
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
