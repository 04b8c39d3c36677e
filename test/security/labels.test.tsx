// @vitest-environment happy-dom
/**
 * Checklist, "Bad inputs" and "Attacks": RTL-override / homoglyph / 10 KB / HTML labels, script in labels.
 * Labels come from QR codes and files made by others. Enrolled through the real background and shown by the
 * real popup (App over the real client): no element is ever made from a label, no script runs, direction
 * overrides and invisible characters are shown as `[U+202E]`; oversized labels are refused with a typed error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientContext } from '@/components/client-context';
import { EnrolPreviewCard } from '@/components/EnrolPreviewCard';
import { I18nContext } from '@/components/i18n';
import { ImportPreviewCard } from '@/components/ImportPreviewCard';
import { App } from '@/entrypoints/popup/App';
import type { Client } from '@/lib/messages';
import { translator } from '../support/translate';
import { background, copyStores, type Background } from './support/background';
import { remoteCode } from './support/remote-code';

const PASSWORD = 'labels campaign password';
const SECRET = 'JBSWY3DPEHPK3PXP';

/** Labels that try to become markup, run script, or reorder and hide what is shown next to them. */
const HOSTILE = {
  img: '<img src=x onerror="globalThis.__pwned=1">',
  script: '<script>globalThis.__pwned=2</script>',
  svg: '<svg onload="globalThis.__pwned=3"></svg>',
  entity: '&lt;b&gt;bold&lt;/b&gt; &amp; <b>bold</b>',
  javascript: 'javascript:globalThis.__pwned=4',
  rtl: 'admin\u202Egpj.exe',
  zeroWidth: 'tre\u200Bnd\u200Dmi\uFEFFcro\u2060',
  isolate: '\u2067evil\u2069 \u2066x\u2069',
  homoglyph: 'Trеnd Micrо', // Cyrillic е and о
} as const;

let bg: Background;
const hits = () => (globalThis as { __pwned?: unknown }).__pwned;

function mount(client: Client) {
  return render(
    <I18nContext.Provider value={translator('en')}>
      <ClientContext.Provider value={client}>
        <App copy={async () => 'copied'} scan={async () => undefined} openAddFromImage={() => undefined} />
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

/** Elements, attributes or raw bidi/invisible characters anywhere in the rendered document that came from a label. */
function leaks(): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    // Sekimori's own markup has one <img> (its icon, from the package) and no script or frame.
    if (tag === 'script' || tag === 'iframe' || tag === 'object' || tag === 'embed') found.push(`<${tag}>`);
    if (tag === 'img' && !(el.getAttribute('src') ?? '').startsWith('/icon/'))
      found.push(`<img src=${el.getAttribute('src')}>`);
    if (tag === 'b' && el.textContent === 'bold') found.push('<b> from a label');
    if (tag === 'svg' && el.hasAttribute('onload')) found.push('<svg onload>');
    for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${tag}[${attr}]`);
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/u.test(value))
        found.push(`${tag}[${attr}] has a raw bidi mark`);
    }
  }
  const text = document.body.textContent ?? '';
  if (/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/u.test(text))
    found.push('text has a raw bidi or invisible mark');
  return found;
}

/** A fresh, empty, unlocked vault (one key derivation for the whole file). */
let template: Background;
beforeAll(async () => {
  template = background();
  await template.client.call('vault.create', { password: PASSWORD });
});

beforeEach(() => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
  bg = background(copyStores(template));
});

afterEach(cleanup);

describe('script in labels', () => {
  it('HTML and script labels, enrolled from a QR code and typed in the form, are shown as text: no element, no script', async () => {
    for (const [name, label] of Object.entries(HOSTILE)) {
      const uri = `otpauth://totp/${encodeURIComponent(label)}:${encodeURIComponent(name)}?secret=${SECRET}&issuer=${encodeURIComponent(label)}`;
      await bg.client.call('enrol.save', { text: uri });
    }
    await bg.client.call('account.add', {
      draft: { issuer: HOSTILE.img, account: HOSTILE.script, secret: 'JBSWY3DPEHPK3PXQ' },
    });
    mount(bg.client);
    await waitFor(() =>
      expect(document.querySelectorAll('li[data-id]').length).toBe(Object.keys(HOSTILE).length + 1),
    );
    await new Promise((r) => setTimeout(r, 50)); // time for any handler that would fire
    expect(leaks()).toEqual([]);
    expect(hits()).toBeUndefined();
    const text = document.body.textContent ?? '';
    expect(text).toContain(HOSTILE.img);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; <b>bold</b>');
  });

  it('the enrol and import previews show hostile labels as text too', async () => {
    const t = translator('en');
    const accounts = Object.values(HOSTILE).map((label) => ({
      type: 'totp' as const,
      issuer: label,
      account: label,
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
      counter: 0,
      duplicate: false,
    }));
    render(
      <I18nContext.Provider value={t}>
        <EnrolPreviewCard
          preview={{ accounts, skipped: 0 } as never}
          busy={false}
          onSave={() => undefined}
          onCancel={() => undefined}
        />
        <ImportPreviewCard
          preview={{
            token: 'A'.repeat(24),
            format: 'otpauth-list',
            accounts,
            skipped: Object.values(HOSTILE).map((label) => ({ reason: 'invalid', label })),
          }}
          busy={false}
          onImport={() => undefined}
          onCancel={() => undefined}
        />
      </I18nContext.Provider>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(leaks()).toEqual([]);
    expect(hits()).toBeUndefined();
    expect(document.body.textContent).toContain(HOSTILE.svg);
  });

  it('no page of Sekimori builds markup from strings (no innerHTML, insertAdjacentHTML, outerHTML or document.write)', () => {
    const root = resolve(__dirname, '../..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) =>
        statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)],
      );
    const sources = ['components', 'entrypoints', 'lib']
      .flatMap((d) => files(join(root, d)))
      .filter((f) => /\.(ts|tsx)$/.test(f));
    expect(sources.length).toBeGreaterThan(50);
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(
        /\.innerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|\.outerHTML\s*=|document\.write\(/,
      );
    }
  });
});

describe('RTL-override and zero-width labels', () => {
  it('direction overrides, isolates and invisible characters are shown as [U+…], in the list and in the labels of its buttons', async () => {
    await bg.client.call('enrol.save', {
      text: `otpauth://totp/${encodeURIComponent(HOSTILE.rtl)}:${encodeURIComponent(HOSTILE.zeroWidth)}?secret=${SECRET}&issuer=${encodeURIComponent(HOSTILE.rtl)}`,
    });
    await bg.client.call('account.add', {
      draft: { issuer: HOSTILE.isolate, account: 'x', secret: 'JBSWY3DPEHPK3PXQ' },
    });
    mount(bg.client);
    await waitFor(() => expect(document.querySelectorAll('li[data-id]').length).toBe(2));
    const text = document.body.textContent ?? '';
    expect(text).toContain('admin[U+202E]gpj.exe');
    expect(text).toContain('tre[U+200B]nd[U+200D]mi[U+FEFF]cro[U+2060]');
    expect(text).toContain('[U+2067]evil[U+2069]');
    expect(leaks()).toEqual([]);
  });

  it('the labels a scan reports back to the page are made visible the same way', async () => {
    const { labels } = await bg.client.call('enrol.save', {
      text: `otpauth://totp/${encodeURIComponent(HOSTILE.rtl)}:a?secret=${SECRET}&issuer=${encodeURIComponent(HOSTILE.rtl)}`,
    });
    expect(labels).toEqual(['admin[U+202E]gpj.exe (a)']);
  });

  it('a homoglyph label is shown as it is (never matched against a site: origins decide)', async () => {
    await bg.client.call('account.add', {
      draft: { issuer: HOSTILE.homoglyph, account: 'h', secret: SECRET },
    });
    const [row] = (await bg.client.call('codes.list', {})).accounts;
    expect(row?.issuer).toBe(HOSTILE.homoglyph);
    expect(row?.origins).toEqual([]);
  });
});

describe('oversized labels', () => {
  it.each([
    ['300 characters (over the 256 limit)', 300, 'label-too-long'],
    ['10 KB', 10 * 1024, 'bad-request'],
    ['1 MB', 1 << 20, 'bad-request'],
  ])(
    '%s: refused with a typed error from the form and from a QR code, nothing written',
    async (_what, size, code) => {
      const label = 'L'.repeat(size);
      const writes = JSON.stringify([...(bg.local as unknown as { data: Map<string, unknown> }).data]);
      expect(
        await remoteCode(
          bg.client.call('account.add', { draft: { issuer: label, account: 'a', secret: SECRET } }),
        ),
      ).toBe(code);
      expect(
        await remoteCode(
          bg.client.call('account.add', { draft: { issuer: 'a', account: label, secret: SECRET } }),
        ),
      ).toBe(code);
      const uri = `otpauth://totp/${label}:a?secret=${SECRET}`;
      expect(['label-too-long', 'bad-request', 'uri-too-long']).toContain(
        await remoteCode(bg.client.call('enrol.save', { text: uri })),
      );
      expect(JSON.stringify([...(bg.local as unknown as { data: Map<string, unknown> }).data])).toBe(writes);
    },
  );

  it('a 10 KB issuer typed in the popup form: an error is shown, nothing is saved, no list item appears', async () => {
    mount(bg.client);
    fireEvent.click(await screen.findByRole('button', { name: /Add account/ }));
    const type = (label: string, value: string) =>
      fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
    type('Issuer', 'I'.repeat(10 * 1024));
    type('Account', 'a@example.jp');
    type('Secret key', SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
    expect(document.querySelectorAll('li[data-id]')).toHaveLength(0);
    expect((await bg.client.call('codes.list', {})).accounts).toEqual([]);
  });
});
