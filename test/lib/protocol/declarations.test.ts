/**
 * The protocol is declared once (lib/protocol/messages.ts): every declared message has a guard, a sender rule
 * and a feature, and the assembled background answers every one of them. Handler groups merge without
 * overriding each other: a message answered twice is an error at start-up, and a wrapped step says so.
 */
import { describe, expect, it } from 'vitest';
import type { MessageType } from '@/lib/messages';
import { ALLOWED_SENDER, MESSAGE_TYPES } from '@/lib/protocol/messages';
import { MESSAGES } from '@/lib/protocol/messages';
import { createHandlers } from '@/lib/keeper/handlers';
import { mergeHandlers, wrapHandlers, type Handler, type Handlers } from '@/lib/keeper/handler-set';
import { Keeper, type KeeperDeps } from '@/lib/keeper/keeper';
import { validateMessage } from '@/lib/keeper/validate-message';
import { MemoryStore } from '../../support/memory-store';
import { recordingScanEffects } from '../../support/scan-effects';
import { recordingFillEffects } from '../../support/fill-effects';

const SENDERS = ['extension-page', 'scan-tab', 'web-frame'];
const FEATURES = ['core', 'scan', 'fill', 'auto-fill', 'backup', 'clock', 'auto-lock', 'passkeys', 'sync'];

function background(): Handlers {
  const deps: KeeperDeps = {
    local: new MemoryStore(),
    session: new MemoryStore(),
    now: () => Date.now(),
    newId: () => 'deadbeef',
  };
  return createHandlers(new Keeper(deps), deps, {
    scheduleClipboardClear: async () => undefined,
    ...recordingScanEffects(),
    ...recordingFillEffects(),
  });
}

describe('message declarations', () => {
  it('declares the messages the protocol knows, each once', () => {
    expect(MESSAGE_TYPES.length).toBeGreaterThan(30);
    expect(new Set(MESSAGE_TYPES).size).toBe(MESSAGE_TYPES.length);
    expect(Object.keys(ALLOWED_SENDER).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it.each(MESSAGE_TYPES)('%s has a guard, a sender rule, a feature and a handler', (type) => {
    const declaration = MESSAGES[type];
    expect(typeof declaration.guard).toBe('function');
    expect(SENDERS).toContain(declaration.sender);
    expect(ALLOWED_SENDER[type]).toBe(declaration.sender);
    expect(FEATURES).toContain(declaration.feature);
    expect(typeof background()[type]).toBe('function');
  });

  it('the assembled background answers exactly the declared messages', () => {
    expect(Object.keys(background()).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it('a guard refuses what is not a plain object, and the router refuses an undeclared type', () => {
    for (const type of MESSAGE_TYPES) {
      for (const payload of [null, undefined, 'x', 1, [], new Date()]) {
        expect(MESSAGES[type].guard(payload), type).toBe(false);
      }
    }
    expect(validateMessage({ type: 'toString', payload: {} })).toBeNull();
    expect(validateMessage({ type: '__proto__', payload: {} })).toBeNull();
  });
});

describe('assembling handlers', () => {
  const answer =
    <K extends MessageType>(value: unknown): Handler<K> =>
    async () =>
      value as never;

  it('merges groups that answer different messages', async () => {
    const merged = mergeHandlers({ 'vault.status': answer('a') }, { 'vault.lock': answer('b') });
    expect(Object.keys(merged).sort()).toEqual(['vault.lock', 'vault.status']);
    expect(await merged['vault.lock']({})).toBe('b');
  });

  it('throws when two groups answer the same message (no later key silently wins)', () => {
    expect(() =>
      mergeHandlers(
        { 'vault.status': answer('a') },
        { 'vault.lock': answer('b'), 'vault.status': answer('c') },
      ),
    ).toThrow('Two handlers for vault.status');
  });

  it('throws on a handler for a message nobody declared', () => {
    expect(() => mergeHandlers({ 'vault.export': answer('a') })).toThrow(/undeclared message: vault.export/);
  });

  it('wraps an existing handler explicitly, around it, and refuses to wrap a missing one', async () => {
    const steps: string[] = [];
    const handlers = { 'vault.lock': answer('locked') } as unknown as Handlers;
    const wrapped = wrapHandlers(handlers, {
      'vault.lock': (inner) => async (payload) => {
        steps.push('before');
        const result = await inner(payload);
        steps.push('after');
        return result;
      },
    });
    expect(await wrapped['vault.lock']({})).toBe('locked');
    expect(steps).toEqual(['before', 'after']);
    expect(handlers['vault.lock']).not.toBe(wrapped['vault.lock']);
    expect(() => wrapHandlers(handlers, { 'vault.status': (inner) => inner })).toThrow(
      'Nothing to wrap for vault.status',
    );
  });
});
