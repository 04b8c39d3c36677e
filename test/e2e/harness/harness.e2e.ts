// The harness itself, against a minimal fixture extension (so it does not depend on the product's build).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openActionPopup, searchProfileFor, type ExtensionSession } from './index';

const FIXTURE = fileURLToPath(new URL('./fixture-extension', import.meta.url));

describe('e2e harness', () => {
  let profile: string;
  let session: ExtensionSession;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'sekimori-harness-'));
    session = await launchExtension({ extensionPath: FIXTURE, userDataDir: profile, locale: 'ja' });
  });

  afterAll(async () => {
    await session?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('finds the extension id and its service worker', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await session.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
  });

  it('opens the popup in a tab, in the requested UI language, with a query', async () => {
    const popup = await session.openPopup('store=harness-needle-Ω');
    await expect.poll(() => popup.locator('#worker').textContent()).not.toBe('');
    expect(await popup.locator('#lang').textContent()).toMatch(/^ja/);
    expect(await popup.locator('#query').textContent()).toBe('?store=harness-needle-%CE%A9');
    await popup.close();
  });

  it('stops the service worker, and starts it again on demand', async () => {
    const startedAt = async () =>
      (await session.serviceWorker()).evaluate(() => (globalThis as { startedAt?: string }).startedAt);
    const first = await startedAt();
    expect(first).toBeTruthy();

    await session.stopServiceWorker();
    const popup = await session.openPopup(); // a runtime message wakes the worker
    await expect.poll(() => popup.locator('#worker').textContent()).not.toBe('');
    const second = await popup.locator('#worker').textContent();
    expect(second).not.toBe(first);
    expect(await startedAt()).toBe(second);
    await popup.close();

    await session.stopServiceWorker();
    const third = await startedAt(); // serviceWorker() starts it
    expect(third).toBeTruthy();
    expect(third).not.toBe(second);
  });

  it('reloads the extension and keeps it enabled', async () => {
    const popup = await session.openPopup();
    await expect.poll(() => popup.locator('#worker').textContent()).not.toBe('');
    const before = await popup.locator('#worker').textContent();
    const worker = await session.reloadExtension();
    expect(await worker.evaluate(() => 3 + 3)).toBe(6);
    const again = await session.openPopup();
    await expect.poll(() => again.locator('#worker').textContent()).not.toBe('');
    expect(await again.locator('#worker').textContent()).not.toBe(before);
  });

  it('finds strings in the profile after the browser closed', async () => {
    await session.close();
    expect(await searchProfileFor(profile, ['harness-needle-Ω'])).not.toEqual([]);
    expect(await searchProfileFor(profile, ['never-stored-ZQXJ'])).toEqual([]);
  });
});

describe('openActionPopup: the page loses focus as a click on the toolbar button takes it', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ extensionPath: FIXTURE });
  });

  afterAll(async () => {
    await session?.close();
  });

  /** A page with a focused field, recording the focus events it sees (trusted ones only) from the start. */
  async function pageWithField() {
    const page = await session.context.newPage();
    await page.setContent(`<input id="code" aria-label="code"><input id="other" aria-label="other">
      <script>
        window.seen = [];
        for (const type of ['focus', 'blur', 'focusin', 'focusout'])
          window.addEventListener(type, (e) => e.isTrusted &&
            seen.push(type + ' ' + (e.target === window ? 'window' : e.target.id)), true);
      </script>`);
    await page.focus('#code');
    const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen.splice(0));
    const hasFocus = () => page.evaluate(() => document.hasFocus());
    await seen(); // what focusing the field fired
    return { page, seen, hasFocus };
  }

  /** Closes the popup from inside (as the product's popup does after a fill) and waits for it to be gone. */
  async function closePopup(popup: Awaited<ReturnType<typeof openActionPopup>>) {
    await popup.evaluate('setTimeout(() => window.close(), 50), true');
    await popup.waitClosed();
  }

  it('blur and focusout fire (trusted), document.hasFocus() turns false; focus comes back when the popup closes', async () => {
    const { page, seen, hasFocus } = await pageWithField();
    expect(await hasFocus()).toBe(true); // Playwright's focus emulation, until the click
    const popup = await openActionPopup(session.context, session.extensionId, page);
    expect(await hasFocus()).toBe(false);
    expect(await seen()).toEqual(expect.arrayContaining(['blur code', 'focusout code', 'blur window']));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code'); // the browser keeps it
    const probe = await popup.pageFocus();
    expect(probe).toMatchObject({ hasFocus: false, focused: 'input#code', inFrame: false });

    // What the fill meets in such a page: focus() moves activeElement but fires no focus event.
    const moved = await page.evaluate(() => {
      const other = document.getElementById('other')!;
      let fired = false;
      other.addEventListener('focus', () => (fired = true), { once: true });
      other.focus();
      return { fired, active: document.activeElement?.id };
    });
    expect(moved).toEqual({ fired: false, active: 'other' });
    await seen();

    await closePopup(popup);
    expect(await hasFocus()).toBe(true);
    expect(await seen()).toEqual(expect.arrayContaining(['focus window', 'focus other']));
    await page.close();
  });

  it('a second popup on the same page blurs it again', async () => {
    const { page, seen, hasFocus } = await pageWithField();
    await closePopup(await openActionPopup(session.context, session.extensionId, page));
    await seen();
    const popup = await openActionPopup(session.context, session.extensionId, page);
    expect(await hasFocus()).toBe(false);
    expect(await seen()).toEqual(expect.arrayContaining(['focusout code', 'blur window']));
    await closePopup(popup);
    await page.close();
  });

  it('{ keepFocus: true } (the keyboard shortcut): the page keeps its focus, no blur', async () => {
    const { page, seen, hasFocus } = await pageWithField();
    const popup = await openActionPopup(session.context, session.extensionId, page, { keepFocus: true });
    expect(await hasFocus()).toBe(true);
    expect(await seen()).toEqual([]);
    expect((await popup.pageFocus())?.events.filter((e) => e.trusted)).toEqual([]);
    await closePopup(popup);
    expect(await hasFocus()).toBe(true);
    await page.close();
  });
});

describe('launch options', () => {
  it('applies a real device scale factor, the window size and the colour scheme', async () => {
    const session = await launchExtension({
      extensionPath: FIXTURE,
      deviceScaleFactor: 2,
      colorScheme: 'dark',
      windowSize: { width: 1000, height: 700 },
    });
    try {
      const popup = await session.openPopup();
      const seen = await popup.evaluate(() => ({
        dpr: devicePixelRatio,
        width: innerWidth,
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
      }));
      expect(seen).toEqual({ dpr: 2, width: 1000, dark: true });
      const shot = await popup.screenshot();
      expect(shot.readUInt32BE(16)).toBe(2000); // PNG width in device pixels
    } finally {
      await session.close();
    }
  });
});

describe('searchProfileFor', () => {
  it('matches UTF-8, UTF-16LE and percent-encoded forms in binary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sekimori-search-'));
    try {
      await writeFile(
        join(dir, 'utf16'),
        Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('秘密A', 'utf16le')]),
      );
      const lowerHex = encodeURIComponent('秘密B').replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
      await writeFile(join(dir, 'percent'), `x=${lowerHex}&`);
      await writeFile(join(dir, 'plain'), Buffer.from('\u0000秘密C\u0000'));
      await writeFile(join(dir, 'none'), 'nothing here');
      const found = await searchProfileFor(dir, ['秘密A', '秘密B', '秘密C']);
      expect(found.map((f) => f.slice(dir.length + 1))).toEqual(['percent', 'plain', 'utf16']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
