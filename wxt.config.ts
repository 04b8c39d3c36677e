import { defineConfig } from 'wxt';

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
      ? { browser_specific_settings: { gecko: { id: 'sekimori@sekimori.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({ build: { sourcemap: false } }),
});
