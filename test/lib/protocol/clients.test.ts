/**
 * Type-level checks, compiled by `npx tsc --noEmit` (every `@ts-expect-error` below must be an error, or tsc
 * fails): a content script's client cannot name a message of another sender, and a guard that does not accept
 * exactly its request type does not make a declaration. The run-time part checks the narrowed clients still
 * send what they may.
 */
import { describe, expect, it } from 'vitest';
import { createClient, type Client, type Message, type PageClient, type ScanClient } from '@/lib/messages';
import { message, type Declaration } from '@/lib/protocol/declare';
import { object, string } from '@/lib/protocol/guards';

function recording(sent: Message[]) {
  return async (m: Message) => (sent.push(m), { ok: true, value: {} });
}

/** Never called: only compiled. */
function typeChecks(scan: ScanClient, page: PageClient, any: Client): void {
  void scan.call('scan.capture', {});
  void scan.call('scan.decoded', { text: 'otpauth://…' });
  // @ts-expect-error the scan script cannot name an export
  void scan.call('backup.export', { kind: 'otpauth-list', password: 'x' });
  // @ts-expect-error nor unlock the vault
  void scan.call('vault.unlock', { password: 'x' });
  // @ts-expect-error nor the automatic fill of another content script
  void scan.call('fill.auto', {});
  void page.call('fill.auto', {});
  // @ts-expect-error the automatic-fill script cannot list codes
  void page.call('codes.list', {});
  // @ts-expect-error nor send a scanned text
  void page.call('scan.decoded', { text: 'x' });
  // @ts-expect-error a payload of the wrong shape
  void scan.call('scan.decoded', { text: 1 });
  void any.call('backup.export', { kind: 'otpauth-list', password: 'x' });

  const exact = message<{ text: string }, null>()({
    sender: 'scan-tab',
    feature: 'scan',
    guard: object({ text: string(10) }),
  });
  const fine: Declaration<{ text: string }, null> = exact;
  // A request type with a field the guard does not check (even an optional one) is not a declaration.
  const drifted = message<{ text: string; origin?: string }, null>()({
    sender: 'scan-tab',
    feature: 'scan',
    guard: object({ text: string(10) }),
  });
  // @ts-expect-error the guard does not accept exactly the request type
  const broken: Declaration<{ text: string; origin?: string }, null> = drifted;
  void fine;
  void broken;
}

describe('narrowed clients', () => {
  it('send the messages of their own sender kind as any client does', async () => {
    const sent: Message[] = [];
    const scan: ScanClient = createClient<'scan-tab'>(recording(sent));
    const page: PageClient = createClient<'web-frame'>(recording(sent));
    await scan.call('scan.finished', {});
    await page.call('fill.auto', {});
    expect(sent).toEqual([
      { type: 'scan.finished', payload: {} },
      { type: 'fill.auto', payload: {} },
    ]);
    expect(typeChecks).toBeTypeOf('function');
  });
});
