/**
 * A generated page of about `elements` elements, shaped like a console's busy sign-in or settings page: a header
 * with navigation and a search box, a sidebar of link lists, an article of paragraphs and tables, a filter form
 * of a few dozen fields, a footer — and one code form in the middle. Pure markup, for timing the finder
 * (large-page.test.ts) and for a browser bench.
 */
export interface LargePage {
  html: string;
  /** Elements in `html`, counted as generated. */
  elements: number;
}

export function largePage(elements = 5000): LargePage {
  let count = 0;
  const el = (tag: string, attrs: string, inner = '') => {
    count++;
    return `<${tag}${attrs ? ` ${attrs}` : ''}>${inner}</${tag}>`;
  };
  const input = (attrs: string) => {
    count++;
    return `<input ${attrs}>`;
  };
  const parts: string[] = [];
  const nav = Array.from({ length: 40 }, (_, i) =>
    el('li', '', el('a', `href="#n${i}"`, `Section ${i}`)),
  ).join('');
  parts.push(
    el(
      'header',
      'class="top"',
      el('nav', '', el('ul', '', nav)) + input('type="search" name="q" placeholder="Search"'),
    ),
  );
  const filters = Array.from({ length: 30 }, (_, i) =>
    el(
      'div',
      'class="row"',
      el('label', `for="f${i}"`, `Filter ${i}`) + input(`id="f${i}" name="filter${i}"`),
    ),
  ).join('');
  const codeForm = el(
    'form',
    'id="mfa"',
    el('h2', '', 'Two-factor authentication') +
      el('p', '', 'Enter the 6-digit code from your authenticator app.') +
      el('label', 'for="otp"', 'Verification code') +
      input('id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"') +
      el('button', 'type="submit"', 'Verify'),
  );
  let block = 0;
  const body: string[] = [];
  while (count < elements - 200) {
    const cells = () =>
      Array.from({ length: 6 }, (_, c) => el('td', '', el('span', '', `cell ${block}.${c}`))).join('');
    body.push(
      el(
        'section',
        `class="block b${block}"`,
        el('h3', '', `Block ${block}`) +
          el(
            'p',
            '',
            `Paragraph ${block} with ${el('a', 'href="#"', 'a link')} and ${el('strong', '', 'words')}.`,
          ) +
          el('table', '', el('tbody', '', el('tr', '', cells()) + el('tr', '', cells()))) +
          el('ul', '', Array.from({ length: 5 }, (_, i) => el('li', '', `item ${i}`)).join('')),
      ),
    );
    if (block === 10) body.push(codeForm);
    block++;
  }
  parts.push(el('main', '', el('form', 'class="filters"', filters) + body.join('')));
  while (count < elements) parts.push(el('div', 'class="spacer"', ''));
  return { html: parts.join(''), elements: count };
}
