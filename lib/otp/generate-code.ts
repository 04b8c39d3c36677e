/** One-time codes for an account: TOTP, HOTP and Steam, all computed by otplib's RFC 4226 core. */
import { createGuardrails, generate, type HashAlgorithm } from 'otplib';
import type { Account, OtpAlgorithm } from './account';
import { decodeBase32 } from './base32';
import { MAX_PERIOD_S, MAX_SECRET_BYTES } from './limits';
import { encodeSteamCode } from './steam';
import { timeStep } from './time';
import { validateAccount } from './validate-account';

/** otplib refuses secrets under 16 bytes by default; real consoles issue 10-byte ones (16 Base32 characters). */
const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 1, MAX_SECRET_BYTES, MAX_PERIOD: MAX_PERIOD_S });

const HASHES: Readonly<Record<OtpAlgorithm, HashAlgorithm>> = {
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA512: 'sha512',
};

const STEAM_HOOKS = { encodeToken: encodeSteamCode };

export interface CodePair {
  code: string;
  /** Code of the next time step (totp, steam) or of counter + 1 (hotp); null only when the counter is 2^53 - 1. */
  next: string | null;
}

/**
 * The code shown at `timeMs` (Unix milliseconds; ignored by hotp, which uses `account.counter`).
 * The account is validated first, so this throws OtpError for bad accounts and for invalid times.
 */
export async function generateCode(account: Account, timeMs: number): Promise<string> {
  const valid = validateAccount(account);
  return codeAt(valid, decodeBase32(valid.secret), movingFactor(valid, timeMs));
}

/** The current code and the one after it, e.g. to show "next" near the end of a period. */
export async function generateCodes(account: Account, timeMs: number): Promise<CodePair> {
  const valid = validateAccount(account);
  const key = decodeBase32(valid.secret);
  const counter = movingFactor(valid, timeMs);
  const hasNext = counter < Number.MAX_SAFE_INTEGER;
  const [code, next] = await Promise.all([
    codeAt(valid, key, counter),
    hasNext ? codeAt(valid, key, counter + 1) : null,
  ]);
  return { code, next };
}

/** Codes of `count` consecutive counters from `first` (time steps for totp and steam): one key decode for the run. */
export async function generateCodeRun(account: Account, first: number, count: number): Promise<string[]> {
  const valid = validateAccount(account);
  const key = decodeBase32(valid.secret);
  return Promise.all(Array.from({ length: count }, (_, i) => codeAt(valid, key, first + i)));
}

/** RFC 6238: TOTP (and Steam) is HOTP over the time step. */
function movingFactor(account: Account, timeMs: number): number {
  return account.type === 'hotp' ? account.counter : timeStep(account.period, timeMs);
}

function codeAt(account: Account, key: Uint8Array, counter: number): Promise<string> {
  return generate({
    strategy: 'hotp',
    secret: key,
    counter,
    algorithm: HASHES[account.algorithm],
    digits: account.digits,
    guardrails: GUARDRAILS,
    ...(account.type === 'steam' ? { hooks: STEAM_HOOKS } : {}),
  });
}
