import { RemoteError } from '@/lib/messages';

/** The error code a background call rejects with; fails when it resolves or rejects with anything untyped. */
export async function remoteCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof RemoteError) return error.code;
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
      return error.code;
    throw error;
  }
  throw new Error('expected a typed error, but the call succeeded');
}
