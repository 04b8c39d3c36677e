/**
 * Everything that names a field, as one string: its identifiers, its hints and its label. Parts are joined
 * with ` | ` so a keyword never forms across two of them.
 */

/** Short text just before the field (a `<div>` used as a label): longer text is prose, not a label. */
const MAX_NEARBY_TEXT = 60;

export interface FieldText {
  /** id, name and class: what the site's developers call the field. */
  identifiers: string;
  /** Identifiers plus placeholder, aria-label, title, data-* values and label text. */
  all: string;
}

export function fieldText(input: HTMLInputElement): FieldText {
  const identifiers = [input.id, input.name, input.getAttribute('class') ?? ''].join(' | ');
  const hints = ['placeholder', 'aria-label', 'title'].map((a) => input.getAttribute(a) ?? '');
  const data = [...input.attributes]
    .filter((a) => a.name.startsWith('data-'))
    .map((a) => `${a.name} ${a.value}`);
  const all = [identifiers, ...hints, ...data, ...labelTexts(input), nearbyText(input)]
    .filter((s) => s.trim())
    .join(' | ');
  return { identifiers, all };
}

function labelTexts(input: HTMLInputElement): string[] {
  const root = input.getRootNode() as Document | ShadowRoot;
  const texts = labelsOf(input, root).map((l) => l.textContent ?? '');
  for (const attr of ['aria-labelledby', 'aria-describedby']) {
    for (const id of (input.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
      texts.push(root.getElementById?.(id)?.textContent ?? '');
    }
  }
  return texts;
}

/**
 * `input.labels`, or the same found by hand: a page's odd id (a lone `"`) makes some DOMs' own lookup throw,
 * and no id may stop the search.
 */
function labelsOf(input: HTMLInputElement, root: Document | ShadowRoot): Element[] {
  try {
    return [...(input.labels ?? [])];
  } catch {
    const byFor = input.id ? [...root.querySelectorAll('label')].filter((l) => l.htmlFor === input.id) : [];
    const wrapping = input.closest('label');
    return wrapping ? [wrapping, ...byFor] : byFor;
  }
}

/** The text of the element just before the field, or just before its wrapper. */
function nearbyText(input: HTMLInputElement): string {
  for (const el of [input, input.parentElement]) {
    const text = el?.previousElementSibling?.textContent?.trim() ?? '';
    if (text && text.length <= MAX_NEARBY_TEXT) return text;
  }
  return '';
}
