import { FormatError } from '../../../../lib/formats/format-error';

/** The FormatError code a read rejects with, 'ok' if it resolves, or a description of any other thrown value. */
export async function importErrorCode(read: () => Promise<unknown>): Promise<string> {
  try {
    await read();
  } catch (error) {
    if (error instanceof FormatError) return error.code;
    return `foreign error: ${String(error)}`;
  }
  return 'ok';
}
