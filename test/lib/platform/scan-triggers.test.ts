/**
 * The context-menu item and the keyboard command start a scan on their own tab. Chromium gives tests no way
 * to press an extension shortcut or click a native menu, so the wiring is checked here against a stand-in
 * of the events (the scan they start is the same one the e2e tests drive from the popup).
 */
import { describe, expect, it } from 'vitest';
import {
  COMMAND,
  FILL_COMMAND,
  FILL_MENU_ID,
  MENU_ID,
  registerScanTriggers,
  type TriggerApi,
} from '@/lib/platform/tabs';

function standIn() {
  const listeners = new Map<string, (...args: never[]) => void>();
  const on = (name: string) => ({
    addListener: (f: (...args: never[]) => void) => void listeners.set(name, f),
  });
  const created: unknown[] = [];
  const api = {
    runtime: { onInstalled: on('installed'), onStartup: on('startup') },
    contextMenus: {
      removeAll: async () => void created.splice(0),
      create: (p: unknown) => created.push(p),
      onClicked: on('clicked'),
    },
    commands: { onCommand: on('command') },
    tabs: { query: async () => [{ id: 77 }] },
  } as unknown as TriggerApi;
  const fire = (name: string, ...args: unknown[]) =>
    (listeners.get(name) as (...a: unknown[]) => void)(...args);
  return { api, fire, created };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('scan triggers', () => {
  it('creates the menu item at install and at every start-up, once', async () => {
    const { api, fire, created } = standIn();
    registerScanTriggers('Scan QR code with Sekimori', () => undefined, api);
    fire('installed');
    await flush();
    fire('startup');
    await flush();
    expect(created).toEqual([
      {
        id: MENU_ID,
        title: 'Scan QR code with Sekimori',
        contexts: ['page', 'image', 'frame', 'selection', 'link'],
      },
    ]);
  });

  it('starts a scan on the clicked tab, and ignores other menus and tab-less clicks', () => {
    const { api, fire } = standIn();
    const started: number[] = [];
    registerScanTriggers('x', (id) => started.push(id), api);
    fire('clicked', { menuItemId: MENU_ID }, { id: 5 });
    fire('clicked', { menuItemId: 'other' }, { id: 6 });
    fire('clicked', { menuItemId: MENU_ID }, { id: -1 }); // devtools and other non-tab contexts
    fire('clicked', { menuItemId: MENU_ID });
    expect(started).toEqual([5]);
  });

  it('starts a scan on the tab of the keyboard command, else on the active tab', async () => {
    const { api, fire } = standIn();
    const started: number[] = [];
    registerScanTriggers('x', (id) => started.push(id), api);
    fire('command', COMMAND, { id: 9 });
    fire('command', 'other-command', { id: 10 });
    fire('command', COMMAND);
    await flush();
    expect(started).toEqual([9, 77]);
  });

  it('"Fill 2FA code": a menu item on editable fields and a command, each on its own tab', async () => {
    const { api, fire, created } = standIn();
    const filled: number[] = [];
    const scanned: number[] = [];
    registerScanTriggers('Scan', (id) => scanned.push(id), api, {
      title: 'Fill',
      run: (id) => filled.push(id),
    });
    fire('installed');
    await flush();
    expect(created).toContainEqual({ id: FILL_MENU_ID, title: 'Fill', contexts: ['editable'] });
    fire('clicked', { menuItemId: FILL_MENU_ID }, { id: 4 });
    fire('command', FILL_COMMAND, { id: 8 });
    fire('command', FILL_COMMAND);
    await flush();
    expect(filled).toEqual([4, 8, 77]);
    expect(scanned).toEqual([]);
  });
});
