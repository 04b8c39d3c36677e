// @vitest-environment happy-dom
/**
 * Issue #7 point 8: what the scan puts on a page. The page's scripts see the host element of our UI (its name,
 * attributes and box; its closed shadow root they cannot open). It must name neither the product nor the purpose,
 * be new for each scan (nothing stable to select or fingerprint), and a toast's box must not tell success from
 * failure (its size, place and lifetime are the same for every outcome).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectRegion } from '@/entrypoints/scan.content/overlay';
import { mountPageUi, neutralElementName } from '@/entrypoints/scan.content/page-ui';
import { showToast } from '@/entrypoints/scan.content/toast';

/** Words that would tell the page what runs (product, purpose, outcome). */
const TELLING = ['sekimori', 'scan', 'toast', 'qr', 'otp', 'code', 'overlay', 'success', 'error', 'fail'];

/** The elements our UI added to the page (children of <html> besides head and body). */
const added = () =>
  [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);

/** Everything the page can read of a host without opening its shadow root. */
function visible(host: Element): string {
  const attributes = [...host.attributes].map((a) => `${a.name}=${a.value}`);
  return [host.localName, host.outerHTML, ...attributes].join(' ').toLowerCase();
}

function expectNeutral(host: Element): void {
  for (const word of TELLING) expect(visible(host), word).not.toContain(word);
  expect(host.localName).toMatch(/^[a-z]+-[a-z]+$/); // a valid custom element name
  expect(host.getAttributeNames()).toEqual(['style']);
  expect(host.shadowRoot).toBeNull(); // closed: the page cannot open it
  expect(host.childNodes).toHaveLength(0);
}

afterEach(() => {
  vi.useRealTimers();
  for (const el of added()) el.remove();
});

describe('page-visible host elements', () => {
  it('the selection overlay and the toast are hosted by an element that names neither the product nor the purpose', () => {
    void selectRegion({ brand: 'Sekimori', hint: 'Drag around the QR code', problem: 'No QR code found' });
    showToast('Sekimori', ['Added: Trend Micro SaaS Account (abc@example.co.jp)'], { closeLabel: 'Close' });
    showToast('Sekimori', ['Sekimori is locked: open it to add the scanned code'], {
      error: true,
      closeLabel: 'Close',
    });
    const hosts = added();
    expect(hosts).toHaveLength(3);
    for (const host of hosts) expectNeutral(host);
    // A new name each time: nothing stable for a page to select or to recognise the extension by.
    expect(new Set(hosts.map((h) => h.localName)).size).toBe(3);
  });

  it('made-up names never spell a telling word, and are valid custom element names', () => {
    const names = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const name = neutralElementName();
      names.add(name);
      for (const word of TELLING) expect(name).not.toContain(word);
      expect(() => document.createElement(name).attachShadow({ mode: 'closed' })).not.toThrow();
    }
    expect(names.size).toBe(2000);
    expect(() => mountPageUi('', {}).remove()).not.toThrow();
  });

  it('the host box is the same size for success and failure toasts, and stays for the same time', () => {
    vi.useFakeTimers();
    showToast(
      'Sekimori',
      ['Added: Webroot (admin@example.co.jp)', 'Added 10 accounts.', 'Still to scan: 2.'],
      {
        closeLabel: 'Close',
      },
    );
    showToast('Sekimori', ['Sekimori cannot scan this page'], { error: true, closeLabel: 'Close' });
    const [success, failure] = added() as [HTMLElement, HTMLElement];
    expect(success.getAttribute('style')).toBe(failure.getAttribute('style'));
    for (const host of [success, failure]) {
      // A box of fixed size and place, not one that grows with its text.
      expect(host.style.getPropertyValue('position')).toBe('fixed');
      expect(host.style.getPropertyValue('width')).toMatch(/^\d+px$/);
      expect(host.style.getPropertyValue('height')).toMatch(/^\d+px$/);
      expect(host.style.getPropertyValue('right')).toMatch(/^\d+px$/);
      expect(host.style.getPropertyValue('bottom')).toMatch(/^\d+px$/);
    }
    // Both hosts stay the same time, whatever they say (the messages inside may go earlier).
    vi.advanceTimersByTime(9000);
    expect(added()).toHaveLength(2);
    vi.advanceTimersByTime(60_000);
    expect(added()).toHaveLength(0);
  });
});
