/**
 * Error codes are typed end to end: what another try can do is a property of the code (lib/protocol/errors.ts),
 * not of its spelling, and a code nobody declared reaches no page.
 */
import { describe, expect, it } from 'vitest';
import { createClient, ERRORS, errorKey, RemoteError, type ErrorCode } from '@/lib/messages';
import { createRouter } from '@/lib/keeper/router';
import type { Handlers } from '@/lib/keeper/handler-set';

const codes = Object.keys(ERRORS) as ErrorCode[];
const retryable = codes.filter((c) => ERRORS[c].retryable);
const transient = codes.filter((c) => ERRORS[c].transient);

const SELF = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const POPUP = { id: SELF.id, url: `${SELF.origin}/popup.html`, origin: SELF.origin };

describe('error codes', () => {
  it('a scanned text at fault lets the user select another code; the vault, the browser or the scan do not', () => {
    // Everything a scanned code can be refused for by its content.
    for (const code of [
      'not-otp-link',
      'not-otp-microsoft',
      'not-otp-text',
      'malformed-uri',
      'invalid-secret',
      'secret-too-long',
      'label-too-long',
      'duplicate-parameter',
      'not-migration',
      'malformed-migration',
      'empty-migration',
      'migration-batch-too-large',
      'unsupported-otp',
      'too-long',
      'bad-request',
    ] as const) {
      expect(ERRORS[code].retryable, code).toBe(true);
    }
    for (const code of [
      'locked',
      'no-vault',
      'read-only',
      'scan-expired',
      'capture-failed',
      'scan-not-allowed',
      'wrong-key',
      'conflict',
      'forbidden',
      'internal',
      'no-response',
    ] as const) {
      expect(ERRORS[code].retryable, code).toBe(false);
    }
  });

  it('the same request can succeed later only once the vault is there and unlocked, or the background answers', () => {
    expect(transient.sort()).toEqual(['locked', 'no-response', 'no-vault']);
    expect(retryable.filter((c) => ERRORS[c].transient)).toEqual([]);
  });

  it('names each code its message key', () => {
    expect(errorKey('not-otp-link')).toBe('error_not_otp_link');
    expect(errorKey('migration-batch-too-large')).toBe('error_migration_batch_too_large');
    expect(new Set(codes.map(errorKey)).size).toBe(codes.length);
  });

  it('the router answers typed codes as they are and anything else as internal', async () => {
    const throwing = (error: unknown) =>
      ({
        'vault.lock': async () => {
          throw error;
        },
      }) as unknown as Handlers;
    const answer = (error: unknown) =>
      createRouter(throwing(error), SELF)({ type: 'vault.lock', payload: {} }, POPUP);
    expect(await answer(Object.assign(new Error('x'), { code: 'migration-batch-too-large' }))).toEqual({
      ok: false,
      code: 'migration-batch-too-large',
    });
    expect(await answer(Object.assign(new Error('x'), { code: 'truncated' }))).toEqual({
      ok: false,
      code: 'internal',
    });
    expect(await answer(Object.assign(new Error('x'), { code: 'ERR_SOMETHING' }))).toEqual({
      ok: false,
      code: 'internal',
    });
  });

  it('the client hands pages a typed code: one it does not know becomes internal', async () => {
    const failing = (code: string) => createClient(async () => ({ ok: false, code }));
    const codeOf = (call: Promise<unknown>) =>
      call.then(
        () => 'ok',
        (e: unknown) => (e instanceof RemoteError ? e.code : 'not a RemoteError'),
      );
    expect(await codeOf(failing('locked').call('vault.status', {}))).toBe('locked');
    expect(await codeOf(failing('from-a-newer-version').call('vault.status', {}))).toBe('internal');
    expect(await codeOf(createClient(async () => undefined).call('vault.status', {}))).toBe('no-response');
  });
});
