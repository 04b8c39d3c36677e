import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

/**
 * WXT adds its (here empty) plugin-loader module to every page; pages with a module of their own absorb it, but
 * the popup loads no module at all (its app is one classic script, see entrypoints/popup-app.tsx), so there it
 * would stay an extra request on the start-up path. This drops that tag from a page when the module has no code.
 */
function dropEmptyPluginLoader(): Plugin {
  const isLoader = (name: string) => name.includes('wxt-html-plugins');
  return {
    name: 'sekimori:drop-empty-plugin-loader',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        for (const chunk of Object.values(ctx.bundle ?? {})) {
          if (chunk.type !== 'chunk' || !isLoader(chunk.fileName) || chunk.code.trim() !== '') continue;
          const file = chunk.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          html = html.replace(new RegExp(`\\s*<script[^>]*src="/?${file}"[^>]*></script>`), '');
        }
        return html;
      },
    },
  };
}

/**
 * Content scripts run inside every page they are injected into, the popup's app script is parsed and run on every
 * opening of the popup (most of them in a new renderer), and the pages share the Chrome zip's 200 KB: these carry
 * no polyfill. The extension API they use (runtime messaging, i18n, tabs, windows, storage, permissions, action)
 * is promise-based in every supported browser (Chrome and Edge MV3, Firefox 128+), so WXT's plain `browser`
 * (`globalThis.browser`, else `chrome`) serves them. The background keeps webextension-polyfill (the stack's
 * choice). Each content script, the popup's app and the pages are builds of their own, so the build's input says
 * which kind it is.
 */
function withoutPolyfill(): Plugin {
  let plain = false;
  return {
    name: 'sekimori:content-scripts-and-popup-without-polyfill',
    enforce: 'pre',
    options(input) {
      plain = /\.content[\\/]|popup-app\.tsx|options[\\/]+index\.html/.test(
        JSON.stringify(input.input ?? ''),
      );
      return null;
    },
    async resolveId(source, importer) {
      if (!plain || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

// The manifest asks for the least it can: no host permissions, no declared content scripts, no
// web-accessible resources, no external messaging. Scanning and filling work under activeTab. The only
// host access is optional and asked one exact origin at a time, when the user turns on "Fill automatically
// on this site" for an account (nothing is granted at install). The `e2e` mode builds
// the same manifest into its own folder (the end-to-end tests grant activeTab by clicking the toolbar action
// through CDP, as a person would).
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'clipboardWrite',
      'clipboardRead',
      // Scanning: the tab the user points at (toolbar, context menu, keyboard), injected on demand.
      'activeTab',
      'scripting',
      'contextMenus',
      // Clearing a copied code 30 s later, and locking at the deadline, even if the service worker was stopped.
      'alarms',
      // Locking after some minutes without input, and when the screen locks.
      'idle',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'scan-qr': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: '__MSG_command_scan__',
      },
      'fill-2fa': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_command_fill__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    // What an organisation can set centrally (docs/enterprise.md). Firefox reads policies.json instead.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sekimori@sekimori.dev',
              strict_min_version: '128.0',
              // Sekimori sends nothing anywhere: no data is collected or transmitted (Firefox's data consent).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Every content script is injected or registered at run time: no `content_scripts` key at all (some WXT
    // versions write an empty list).
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
  },
  // Every supported browser has modulepreload: no polyfill script in the pages (the popup loads no module at all).
  vite: () => ({
    build: { sourcemap: false, modulePreload: { polyfill: false } },
    plugins: [dropEmptyPluginLoader(), withoutPolyfill()],
  }),
});
