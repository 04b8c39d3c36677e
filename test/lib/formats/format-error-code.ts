import { FormatError } from '../../../lib/formats/format-error';
import { OtpError } from '../../../lib/otp/errors';

/** The FormatError/OtpError code `run` throws, undefined if it returns, or a description of any other thrown value. */
export function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError || error instanceof OtpError) return error.code;
    return `foreign error: ${String(error)}`;
  }
  return undefined;
}
