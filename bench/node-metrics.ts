/** What runs in Node against the library: code generation for 200 accounts, and one vault unlock. */
import {
  createVault,
  generateCode,
  KDF_DEFAULT_ITERATIONS,
  unlockVault,
  validateAccount,
} from '../lib/index';
import { listCodes } from '../lib/keeper/accounts/list-codes';
import type { StoredAccount, VaultPayload } from '../lib/keeper/accounts/stored-account';
import type { AccountDraft } from '../lib/messages';
import { median, sample, spread, timeMs } from './stats';

export interface Timing {
  samples: number[];
  median: number;
  warmup: number;
}

function timing(samples: number[], warmup: number): Timing {
  return { samples, median: median(samples), warmup };
}

export function toPayload(drafts: readonly AccountDraft[]): VaultPayload {
  const accounts = drafts.map((d, i): StoredAccount => ({
    ...validateAccount(d),
    id: i.toString(16).padStart(16, '0'),
    origins: [],
    createdAt: 1_760_000_000_000 + i,
  }));
  return { schema: 1, accounts };
}

/** `generateCode` for every account (all at once, as the keeper does), timed as one batch. */
export async function codeGeneration(
  drafts: readonly AccountDraft[],
  runs = 31,
  warmup = 5,
): Promise<Timing> {
  const accounts = drafts.map((d) => validateAccount(d));
  const samples = await sample(runs, warmup, () =>
    timeMs(() => Promise.all(accounts.map((a) => generateCode(a, Date.now())))),
  );
  return timing(samples, warmup);
}

/** The keeper's `listCodes` (current + next code, and the view objects) for the whole payload. */
export async function listCodesTiming(
  drafts: readonly AccountDraft[],
  runs = 31,
  warmup = 5,
): Promise<Timing> {
  const payload = toPayload(drafts);
  const samples = await sample(runs, warmup, async () => {
    let count = 0;
    const ms = await timeMs(async () => {
      count = (await listCodes(payload, Date.now())).length;
    });
    if (count !== drafts.length) throw new Error(`listCodes returned ${count} of ${drafts.length} accounts`);
    return ms;
  });
  return timing(samples, warmup);
}

/** `unlockVault` on a vault made with the default KDF iterations and holding the 200 accounts. */
export async function nodeUnlock(
  drafts: readonly AccountDraft[],
  password: string,
  runs = 11,
  warmup = 1,
): Promise<Timing & { iterations: number }> {
  const payload = toPayload(drafts);
  const { record } = await createVault(password, payload);
  const samples = await sample(runs, warmup, async () => {
    let count = 0;
    const ms = await timeMs(async () => {
      count = (await unlockVault<VaultPayload>(record, password)).payload.accounts.length;
    });
    if (count !== drafts.length) throw new Error(`unlocked vault holds ${count} accounts`);
    return ms;
  });
  return { ...timing(samples, warmup), iterations: KDF_DEFAULT_ITERATIONS };
}

export function describeTiming(t: Timing): string {
  return `median ${t.median.toFixed(2)} ms (range ${spread(t.samples, 2)} ms, ${t.samples.length} runs)`;
}
