/**
 * "Fill 2FA code" from the keyboard or a field's context menu: the one account bound to the page fills it;
 * anything that needs a choice opens the popup instead.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { createHandlers, type Handlers } from '@/lib/keeper/handlers';
import { fillFromTrigger } from '@/lib/keeper/fill/fill-trigger';
import { MemoryStore } from '../../../support/memory-store';
import { recordingFillEffects, type RecordedFillEffects } from '../../../support/fill-effects';
import { recordingScanEffects } from '../../../support/scan-effects';

const SITE = 'https://clp.trendmicro.com';
const uri = (name: string, secret: string) => `otpauth://totp/${name}?secret=${secret}&issuer=${name}`;

let handlers: Handlers;
let fill: RecordedFillEffects;
let popups: number;
const openPopup = async () => void popups++;

async function add(name: string, secret: string, origin?: string): Promise<string> {
  const id = (await handlers['enrol.save']({ text: uri(name, secret) })).added[0]!;
  if (origin) await handlers['account.bind']({ id, origin });
  return id;
}

beforeEach(async () => {
  popups = 0;
  let n = 0;
  const deps: KeeperDeps = {
    local: new MemoryStore(),
    session: new MemoryStore(),
    now: () => 1_800_000_010_000,
    newId: () => (++n).toString(16).padStart(8, '0'),
  };
  fill = recordingFillEffects();
  handlers = createHandlers(new Keeper(deps), deps, {
    scheduleClipboardClear: async () => undefined,
    ...recordingScanEffects(),
    ...fill,
  });
  await handlers['vault.create']({ password: 'correct horse battery staple' });
});

describe('fill from the keyboard command or the context menu', () => {
  it('fills the one account bound to the page', async () => {
    await add('Trend', 'JBSWY3DPEHPK3PXP', SITE);
    await add('Other', 'GEZDGNBVGY3TQOJQ', 'https://other.example.jp');
    expect(await fillFromTrigger(handlers, 3, openPopup)).toBe('filled');
    expect(fill.filled).toHaveLength(1);
    expect(popups).toBe(0);
  });

  it.each([
    [
      'no account bound to the page',
      async () => void (await add('Other', 'GEZDGNBVGY3TQOJQ', 'https://x.jp')),
    ],
    [
      'several accounts bound to it',
      async () => {
        await add('A', 'JBSWY3DPEHPK3PXP', SITE);
        await add('B', 'GEZDGNBVGY3TQOJQ', SITE);
      },
    ],
    [
      'an e-mail code page',
      async () => {
        await add('A', 'JBSWY3DPEHPK3PXP', SITE);
        fill.page.emailCode = true;
      },
    ],
    [
      'no code field',
      async () => {
        await add('A', 'JBSWY3DPEHPK3PXP', SITE);
        fill.page.found = false;
      },
    ],
    [
      'a locked vault',
      async () => {
        await add('A', 'JBSWY3DPEHPK3PXP', SITE);
        await handlers['vault.lock']({});
      },
    ],
    [
      'a page that cannot be filled',
      async () => {
        await add('A', 'JBSWY3DPEHPK3PXP', SITE);
        fill.tab.origin = null;
        fill.tab.documentId = null;
      },
    ],
  ])('%s: opens the popup and fills nothing', async (_name, arrange) => {
    await arrange();
    expect(await fillFromTrigger(handlers, 3, openPopup)).toBe('popup');
    expect(fill.filled).toEqual([]);
    expect(popups).toBe(1);
  });
});
