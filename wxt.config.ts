import { defineConfig } from 'wxt';

// The production manifest asks for the least it can: no host permissions, no declared content scripts,
// no web-accessible resources, no external messaging. The `e2e` mode adds host permissions for the local
// demo console only, so Playwright can drive the real extension against pages served on loopback.
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ mode, browser }) => ({
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
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: {
      'scan-qr': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: '__MSG_command_scan__',
      },
    },
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {}),
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sekimori@sekimori.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({ build: { sourcemap: false } }),
});
