import type { CodeView } from '../../messages';
import { generateCode, generateCodes } from '../../otp/generate-code';
import { nextStepStartMs } from '../../otp/time';
import { toView, type VaultPayload } from './stored-account';
import { listedAccounts } from './accounts';

/** Current (and for time-based accounts, next) codes for every live account, as listed (pinned first). */
export async function listCodes(payload: VaultPayload, now: number): Promise<CodeView[]> {
  const live = listedAccounts(payload);
  return Promise.all(
    live.map(async (a): Promise<CodeView> => {
      if (a.type === 'hotp') {
        return { ...toView(a), code: await generateCode(a, now), next: '', validUntilMs: 0 };
      }
      const validUntilMs = nextStepStartMs(a.period, now);
      const { code, next } = await generateCodes(a, now);
      return { ...toView(a), code, next: next ?? '', validUntilMs };
    }),
  );
}
