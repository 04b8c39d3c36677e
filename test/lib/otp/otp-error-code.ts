import { OtpError } from '../../../lib/otp/errors';

/** The OtpError code `run` throws, undefined if it returns, or a description of any other thrown value. */
export function otpErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof OtpError ? error.code : `not an OtpError: ${String(error)}`;
  }
  return undefined;
}

/** The same for promises. */
export async function asyncOtpErrorCode(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return error instanceof OtpError ? error.code : `not an OtpError: ${String(error)}`;
  }
  return undefined;
}
