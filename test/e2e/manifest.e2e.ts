/** The built packages ask for the least they can (security-bar.md, "Attack surface"). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSQR_MARKERS } from '../../bench/bundle-size';

const OUT = resolve(__dirname, '../../.output');
const manifest = (build: string) =>
  JSON.parse(readFileSync(join(OUT, build, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)],
  );
}

const NEVER = ['host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable'];

describe('production manifests', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])(
    '%s: no host access, no declared content scripts, no exposure',
    (build) => {
      const m = manifest(build);
      for (const key of NEVER) expect(m, key).not.toHaveProperty(key);
      expect(m.manifest_version).toBe(3);
    },
  );

  it.each(['chrome-mv3', 'firefox-mv3'])(
    '%s: host access only as optional web origins (asked one origin at a time for automatic fill)',
    (build) => {
      expect(manifest(build).optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
      expect(manifest(build)).not.toHaveProperty('optional_permissions');
    },
  );

  it('Chrome: exactly the permissions the features need', () => {
    expect(manifest('chrome-mv3').permissions).toEqual([
      'storage',
      'clipboardWrite',
      'clipboardRead',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      'idle',
      'offscreen',
    ]);
    expect(manifest('chrome-mv3')).not.toHaveProperty('browser_specific_settings');
  });

  it('Firefox: the same without offscreen documents, with a stable add-on id', () => {
    const m = manifest('firefox-mv3');
    expect(m.permissions).toEqual([
      'storage',
      'clipboardWrite',
      'clipboardRead',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      'idle',
    ]);
    expect(m.browser_specific_settings).toMatchObject({
      gecko: { id: 'sekimori@sekimori.dev', data_collection_permissions: { required: ['none'] } },
    });
  });

  it('the end-to-end tests run the production manifest', () => {
    expect(manifest('chrome-mv3-e2e')).toEqual(manifest('chrome-mv3'));
  });

  it.each(['chrome-mv3', 'firefox-mv3'])(
    '%s: the scan and fill commands, the options page in a tab',
    (build) => {
      const m = manifest(build);
      expect(m.commands).toEqual({
        'scan-qr': { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_command_scan__' },
        'fill-2fa': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_command_fill__' },
      });
      expect(m.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
    },
  );

  it('Chrome: the enterprise policy schema is declared and shipped; Firefox reads policies.json instead', () => {
    expect(manifest('chrome-mv3').storage).toEqual({ managed_schema: 'managed_schema.json' });
    const shipped = JSON.parse(
      readFileSync(join(OUT, 'chrome-mv3', 'managed_schema.json'), 'utf8'),
    ) as object;
    expect(shipped).toEqual(
      JSON.parse(readFileSync(resolve(__dirname, '../../public/managed_schema.json'), 'utf8')),
    );
    expect(manifest('firefox-mv3')).not.toHaveProperty('storage');
  });

  it('strict CSP for extension pages', () => {
    const csp = (manifest('chrome-mv3').content_security_policy as { extension_pages: string })
      .extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it.each(['chrome-mv3', 'firefox-mv3'])(
    '%s: no eval, no Function constructor, no remote script',
    (build) => {
      const code = files(join(OUT, build)).filter((f) => /\.(js|html)$/.test(f));
      expect(code.length).toBeGreaterThan(2);
      for (const f of code) {
        const text = readFileSync(f, 'utf8');
        expect(text, f).not.toMatch(/\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*['"`]/);
        expect(text, f).not.toMatch(/<script[^>]+src=["']https?:|import\s*\(\s*["']https?:/);
      }
    },
  );

  it.each(['chrome-mv3', 'firefox-mv3'])(
    '%s: jsQR ships once, in the shared qr-decoder.js (not in the scan script or the options page)',
    (build) => {
      const withJsqr = files(join(OUT, build))
        .filter((f) => f.endsWith('.js'))
        .filter((f) => JSQR_MARKERS.some((marker) => readFileSync(f, 'utf8').includes(marker)))
        .map((f) => f.slice(join(OUT, build).length + 1));
      expect(withJsqr).toEqual(['qr-decoder.js']);
    },
  );

  it.each(['chrome-mv3', 'firefox-mv3', 'chrome-mv3-e2e'])(
    '%s: the popup loads two classic scripts and one stylesheet that exist, and its icons are inline',
    (build) => {
      const dir = join(OUT, build);
      const html = readFileSync(join(dir, 'popup.html'), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      expect(scripts.map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])).toEqual([
        '/popup-boot.js',
        '/popup-app.js',
      ]);
      // The first asks for the codes while the page is parsed; the second runs once it is (no module graph).
      expect(scripts.map((attrs) => /\btype="module"/.test(attrs))).toEqual([false, false]);
      expect(/\bdefer\b/.test(scripts[1]!)).toBe(true);
      const sheets = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
      expect(sheets).toEqual(['/assets/pages.css']);
      for (const file of ['popup-boot.js', 'popup-app.js', 'assets/pages.css']) {
        expect(statSync(join(dir, file)).size, file).toBeGreaterThan(0);
      }
      // The row icons (edit, delete, next) and the header's icon are data URLs in the stylesheet, and the popup's
      // script names no image: the first frame with the codes fetches nothing.
      const css = readFileSync(join(dir, 'assets/pages.css'), 'utf8');
      expect(css.match(/url\((?!["']?data:)[^)]*\)/g) ?? []).toEqual([]);
      expect(css.match(/url\(["']?data:image\/png;base64,/g)?.length).toBe(4);
      expect(readFileSync(join(dir, 'popup-app.js'), 'utf8')).not.toMatch(/\.(png|svg|jpe?g|webp)\b/);
    },
  );
});
